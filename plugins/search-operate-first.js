// Operate first in the search results (issue 22 item 1): the local search plugin (@easyops-cn/docusaurus-search-local)
// has no ranking option, and its search bar and search page import their search from `../searchByWorker`, a
// relative import that swizzling cannot reach (only whole theme components can be wrapped, and the order is made
// inside them). This replaces that one module, for the plugin's own files only, with src/client/search-operate-first.ts,
// which calls the plugin's function and reorders its results; the plugin's folder gets an alias for it to do so.
const path = require('node:path');

const searchLocal = path.dirname(require.resolve('@easyops-cn/docusaurus-search-local/package.json'));
const pluginClient = path.join(searchLocal, 'dist', 'client', 'client');
const replacement = path.join(__dirname, '..', 'src', 'client', 'search-operate-first.ts');

/** @returns {import('@docusaurus/types').Plugin} */
module.exports = function searchOperateFirstPlugin() {
  return {
    name: 'search-operate-first',
    configureWebpack(_config, _isServer, { currentBundler }) {
      return {
        resolve: { alias: { 'cf-search-local-client': pluginClient } },
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(/^\.\.\/searchByWorker$/, (resource) => {
            if (!resource.context.startsWith(path.join(pluginClient, 'theme'))) return;
            resource.request = replacement;
          }),
        ],
      };
    },
  };
};
