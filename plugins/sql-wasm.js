// Serves sql.js's WebAssembly file with the site, so the playground can run the documented queries in the
// browser: the playground imports the file as a URL and webpack emits it into build/assets (hashed), in
// `docusaurus start` and `docusaurus build` alike. The binary comes from node_modules and is never committed.

/** @returns {import('@docusaurus/types').Plugin} */
module.exports = function sqlWasmPlugin() {
  return {
    name: 'sql-wasm',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /\.wasm$/,
              type: 'asset/resource',
              generator: { filename: 'assets/wasm/[name].[contenthash:8][ext]' },
            },
          ],
        },
      };
    },
  };
};
