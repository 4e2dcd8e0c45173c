// Issue 2's target: the whole cucumber run, TypeScript start-up included, within 2 times an empty cucumber-js
// run (one feature file with no scenarios, no TypeScript) on the same machine, measured side by side.
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { compare, formatSummary } = require('./measure');

function benchSpec({ runs = Number(process.env.BENCH_RUNS ?? 7) } = {}) {
  const root = join(__dirname, '..', '..');
  const cucumber = [process.execPath, join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js')];
  const empty = mkdtempSync(join(tmpdir(), 'empty-cucumber-'));
  writeFileSync(join(empty, 'empty.feature'), 'Feature: Nothing\n');
  writeFileSync(join(empty, 'cucumber.js'), "module.exports = { default: { paths: ['empty.feature'] } };\n");
  const reports = mkdtempSync(join(tmpdir(), 'spec-reports-'));
  // The specification as `npm run spec` runs it, but writing its reports elsewhere so reports/ stays untouched.
  const spec = [
    ...cucumber,
    '--profile',
    'bare',
    '--format',
    'summary',
    '--format',
    `message:${join(reports, 'messages.ndjson')}`,
    '--format',
    `html:${join(reports, 'cucumber.html')}`,
    '--format',
    `junit:${join(reports, 'junit.xml')}`,
  ];
  const result = compare({ command: spec, cwd: root }, { command: cucumber, cwd: empty }, { runs });
  return {
    name: 'specification',
    lines: [
      formatSummary('whole specification (ts-node + swc)', result.subject),
      formatSummary('empty cucumber-js run (no TypeScript)', result.baseline),
      `ratio ${result.ratio.toFixed(2)} (target at most 2.00)`,
    ],
    ...result,
    target: 2,
  };
}

if (require.main === module) {
  for (const line of benchSpec().lines) console.log(line);
}

module.exports = { benchSpec };
