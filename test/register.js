// Loads TypeScript for node's test runner and for cucumber (cucumber.js) alike: swc alone, through
// scripts/swc-register.js. Stack traces point into the TypeScript sources (their inline source maps): a failing
// test or step names its line, and cucumber reads each step definition's line from one.
process.setSourceMapsEnabled(true);
require('../scripts/swc-register.js');
