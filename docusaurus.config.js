// The living documentation site: hand-written pages in docs/, pages generated from the last cucumber run in
// docs/generated/ (see generator/ and scripts/generate-docs.ts). Generated pages are plain .md, never MDX, so
// text from a run (which may hold < { } and HTML) cannot turn into code.
const { themes } = require('prism-react-renderer');

/**
 * `DOCS_FASTER=0` builds without @docusaurus/faster; scripts/bench/docs.ts compares the two. Every faster flag is on
 * but rspack's persistent cache: with it, the same pages built after a build of other pages gave a runtime chunk
 * whose minified variable names differed (unminified, the two were identical: the minifier, which names variables
 * by character frequency, was fed code restored from the cache), so every page's script hash changed.
 * `npm run test:reproducible` (scripts/check-reproducible.js) builds the same pages around other ones and compares.
 */
const faster = process.env.DOCS_FASTER !== '0' && {
  swcJsLoader: true,
  swcJsMinimizer: true,
  swcHtmlMinimizer: true,
  lightningCssMinimizer: true,
  mdxCrossCompilerCache: true,
  rspackBundler: true,
  rspackPersistentCache: false,
  ssgWorkerThreads: true,
  gitEagerVcs: true,
};

/**
 * Where the site is served: `SITE_URL`, its scheme and host, and `BASE_URL`, its path (GitHub Pages' workflow
 * sets both to the repository's Pages address; any other host of a sub-path sets them the same way). Links the
 * site writes start with the base URL; a wrong value is refused here, in one line.
 */
const siteUrl = process.env.SITE_URL || 'http://localhost';
const baseUrl = process.env.BASE_URL || '/';
if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(baseUrl))
  throw new Error(`BASE_URL is a path starting and ending with /, such as /chat-kb/, not ${JSON.stringify(baseUrl)}`);
if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(siteUrl))
  throw new Error(
    `SITE_URL is a scheme and host with no path, such as https://example.org, not ${JSON.stringify(siteUrl)}`,
  );

/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Chat session failure scenarios',
  tagline: 'What a customer, an agent and the database see when WIM/EIM servers fail, and when they come back',
  url: siteUrl,
  baseUrl,
  // Directory-style output (/features/x/index.html): any plain static file server, GitHub Pages or nginx
  // without rewrites serves every route and every shared link, reloaded or opened cold.
  trailingSlash: true,
  // An inline icon (a chat bubble), so the site needs no static file and the browser asks for no /favicon.ico.
  headTags: [
    {
      tagName: 'link',
      attributes: {
        rel: 'icon',
        href: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cpath fill='%230b5cad' d='M4 5h24a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H13l-7 6v-6H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z'/%3E%3Ccircle cx='11' cy='14' r='2' fill='%23fff'/%3E%3Ccircle cx='16' cy='14' r='2' fill='%23fff'/%3E%3Ccircle cx='21' cy='14' r='2' fill='%23fff'/%3E%3C/svg%3E",
      },
    },
  ],
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: { v4: { removeLegacyPostBuildHeadAttribute: true }, faster },
  markdown: {
    format: 'detect',
    mermaid: true,
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  // sql.js's WebAssembly file, served with the site for the playground's in-browser database queries.
  // lean-common-chunk: mermaid's libraries load only on pages with a diagram (see the weight budget, README).
  // search-operate-first: the Operate sidebar's pages first in the search results.
  plugins: [
    require.resolve('./plugins/sql-wasm'),
    require.resolve('./plugins/lean-common-chunk'),
    require.resolve('./plugins/search-operate-first'),
  ],
  // The generated pages' scenario filter (status and tag expression), src/client/scenario-filter.ts; opening the
  // folds a link points into and keeping the linked heading at the top while diagrams draw; focusable scroll boxes.
  clientModules: [
    require.resolve('./src/client/scenario-filter.ts'),
    require.resolve('./src/client/anchor-landing.js'),
    require.resolve('./src/client/scroll-regions.js'),
  ],
  themes: [
    '@docusaurus/theme-mermaid',
    [
      require.resolve('@easyops-cn/docusaurus-search-local'),
      /** @type {import('@easyops-cn/docusaurus-search-local').PluginOptions} */
      ({
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/',
        language: ['en'],
        highlightSearchTermsOnTargetPage: false,
        searchResultLimits: 20,
        // The rendering self-test pages (hostile and crafted text) are built and tested, never offered to a reader.
        ignoreFiles: [/^self-test\//],
      }),
    ],
  ],
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: { routeBasePath: '/', sidebarPath: require.resolve('./sidebars.js') },
        blog: false,
        // Only the playground (src/pages/playground.tsx) and the diagnosis page (src/pages/diagnose.tsx) are pages
        // of their own; everything else is a doc.
        pages: { include: ['playground.tsx', 'diagnose.tsx'] },
        theme: { customCss: require.resolve('./src/css/custom.css') },
      }),
    ],
  ],
  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      colorMode: { respectPrefersColorScheme: true },
      navbar: {
        title: 'Chat session failures',
        items: [
          // Operate first: what a reader who keeps the contact center running needs; then one Engineering entry.
          { type: 'docSidebar', sidebarId: 'operate', label: 'Operate', position: 'left' },
          { to: '/diagnose/', label: 'What am I seeing?', position: 'left' },
          { type: 'doc', docId: 'generated/at-a-glance', label: 'At a glance', position: 'left' },
          { type: 'doc', docId: 'generated/known-defects', label: 'Known defects', position: 'left' },
          { to: '/playground/', label: 'Playground', position: 'left' },
          { type: 'docSidebar', sidebarId: 'engineering', label: 'Engineering', position: 'right' },
        ],
      },
      footer: {
        style: 'dark',
        copyright:
          'Generated from the last run of the executable specification. Source: a Cisco WIM/EIM lab write-up, chat session failure scenarios.',
      },
      // vsLight: every token colour at least 4.5:1 on its white background (github's are not).
      prism: { theme: themes.vsLight, darkTheme: themes.dracula, additionalLanguages: ['gherkin', 'sql', 'bash'] },
      mermaid: {
        theme: { light: 'default', dark: 'dark' },
        options: {
          // The generator keeps labels short, so sequence diagrams fit the page at nearly their natural size.
          sequence: {
            useMaxWidth: true,
            // Text is wrapped by the generator: mermaid's own wrapping can split an entity code such as #59;.
            wrap: false,
            width: 110,
            actorMargin: 30,
            messageMargin: 28,
            noteMargin: 6,
            boxMargin: 6,
            mirrorActors: true,
            messageFontSize: 13,
            noteFontSize: 12,
            actorFontSize: 13,
          },
          flowchart: { useMaxWidth: true },
        },
      },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
};
