// Cucumber's configuration: TypeScript loaded by ts-node, transpile only, with swc (tsconfig.json's "ts-node"
// block; types are checked by `npm run typecheck`), strict (undefined, pending and ambiguous steps fail the run),
// and the three reports the docs site and CI read.
const common = {
  // definition_sites before the support code loads: it makes finding each definition's line cheaper.
  requireModule: ['ts-node/register', require.resolve('./steps/support/definition_sites.ts')],
  require: ['steps/**/*.ts'],
  strict: true,
};

module.exports = {
  default: {
    ...common,
    format: ['progress', 'message:reports/messages.ndjson', 'html:reports/cucumber.html', 'junit:reports/junit.xml'],
  },
  // The same run with no report of its own, for tools that choose their formats (benchmarks, generated features).
  bare: { ...common, format: [] },
};
