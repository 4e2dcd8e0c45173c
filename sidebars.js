// The site's one sidebar: hand-written guide pages, then the pages generated from the last run, listed by
// generator/site.ts in docs/generated/sidebar.json, one list a group of generator/page-list.ts's SIDEBAR_GROUPS.
const fs = require('node:fs');
const path = require('node:path');

const fragmentFile = path.join(__dirname, 'docs', 'generated', 'sidebar.json');
if (!fs.existsSync(fragmentFile)) {
  throw new Error(
    `${fragmentFile} is missing: generate the pages from the last run first (npm run docs:generate, or npm run build).`,
  );
}
/** @type {{features: string[], run: string[], selfTest: string[]}} */
const generated = JSON.parse(fs.readFileSync(fragmentFile, 'utf8'));

/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */
module.exports = {
  guide: [
    'index',
    'deployment',
    'at-a-glance',
    { type: 'category', label: 'Scenarios, by failure', collapsed: false, items: generated.features },
    { type: 'category', label: 'Results', collapsed: false, items: generated.run },
    'running',
    'sources',
    ...(generated.selfTest.length
      ? [{ type: 'category', label: 'Rendering self-test', collapsed: true, items: generated.selfTest }]
      : []),
  ],
};
