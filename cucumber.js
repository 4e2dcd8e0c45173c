// Cucumber's configuration: TypeScript through ts-node with swc (tsconfig.json), strict, and the three
// reports the docs site and CI read.
module.exports = {
  default: {
    paths: ['features/**/*.feature'],
    requireModule: ['ts-node/register'],
    require: ['steps/**/*.ts'],
    format: ['progress', 'message:reports/messages.ndjson', 'html:reports/cucumber.html', 'junit:reports/junit.xml'],
    strict: true,
  },
};
