// Keeps the diagram libraries out of the `common` chunk every page loads. Docusaurus puts any module used by half
// of the pages' chunks into `common`; the feature pages all draw diagrams, so mermaid's parser (langium and the
// vscode-languageserver types, about 650 KB) ended up on pages with no diagram at all, the home page included.
// Excluded here, it stays in the chunks mermaid loads when a page has a diagram to draw.
const DIAGRAM_LIBRARIES =
  /[\\/]node_modules[\\/](?:\.pnpm[\\/])?(?:mermaid|@mermaid-js|langium|vscode-[\w-]+|chevrotain|@chevrotain|cytoscape[\w-]*|d3[\w-]*|dagre[\w-]*|khroma|katex|elkjs|roughjs|lodash-es|dayjs|marked|stylis|ts-dedent|uuid|dompurify)[\\/]/;

/** @returns {import('@docusaurus/types').Plugin} */
module.exports = function leanCommonChunkPlugin() {
  return {
    name: 'lean-common-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              common: { test: (module) => !DIAGRAM_LIBRARIES.test(module.resource ?? module.context ?? '') },
            },
          },
        },
      };
    },
  };
};
