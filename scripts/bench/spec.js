// The whole cucumber run, TypeScript start-up included, against an empty cucumber-js run (one feature file with
// no scenarios, no TypeScript) on the same machine, measured side by side: issue 11 asks for at most 3 times,
// issue 2 asked for 2. The same run without the @invariants feature shows what the failure-ordering exploration
// inside it adds.
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { alternate, formatSummary } = require('./measure');

function benchSpec({ runs = Number(process.env.BENCH_RUNS ?? 7), messagesDir } = {}) {
  const root = join(__dirname, '..', '..');
  const cucumber = [process.execPath, join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js')];
  const empty = mkdtempSync(join(tmpdir(), 'empty-cucumber-'));
  writeFileSync(join(empty, 'empty.feature'), 'Feature: Nothing\n');
  writeFileSync(join(empty, 'cucumber.js'), "module.exports = { default: { paths: ['empty.feature'] } };\n");
  const reports = messagesDir ?? mkdtempSync(join(tmpdir(), 'spec-reports-'));
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
  const withoutInvariants = [...cucumber, '--profile', 'bare', '--tags', 'not @invariants'];
  const [whole, rest, baseline] = alternate(
    [
      { command: spec, cwd: root },
      { command: withoutInvariants, cwd: root },
      { command: cucumber, cwd: empty },
    ],
    { runs },
  );
  const ratio = whole.median / baseline.median;
  const restRatio = rest.median / baseline.median;
  const ms = (label, s) => ({ label, unit: 'ms', ...s });
  return {
    id: 'spec',
    title: 'Whole specification vs an empty cucumber-js run',
    command: 'node scripts/bench/spec.js',
    measurements: [
      ms('whole specification (swc, three reports)', whole),
      ms('without the @invariants feature', rest),
      ms('empty cucumber-js run (no TypeScript)', baseline),
    ],
    checks: [
      { target: 'at most 3.00× the empty run', measured: `${ratio.toFixed(2)}×`, met: ratio <= 3 },
      { target: 'at most 2.00× the empty run (the tighter target)', measured: `${ratio.toFixed(2)}×`, met: ratio <= 2 },
      {
        target: 'without @invariants: at most 2.00×',
        measured: `${restRatio.toFixed(2)}×`,
        met: restRatio <= 2,
      },
    ],
    note: `The @invariants feature runs the failure-ordering exploration inside cucumber (the exhaustive phase with its determinism replays, 300 random plans, the state space of the test bounds): ${Math.round(whole.median - rest.median)} ms here, most of it the model's own steps. The rest is cucumber itself (the empty run), loading the project's TypeScript (compiled by swc, kept in node_modules/.cache/swc-register), the scenarios with their SQL store and attachments, and the three reports.`,
    messages: join(reports, 'messages.ndjson'),
    lines: [
      formatSummary('whole specification (swc)', whole),
      formatSummary('without the @invariants feature', rest),
      formatSummary('empty cucumber-js run (no TypeScript)', baseline),
      `ratio ${ratio.toFixed(2)} (target at most 3.00, issue 2's 2.00); without @invariants ${restRatio.toFixed(2)}`,
    ],
  };
}

if (require.main === module) {
  for (const line of benchSpec().lines) console.log(line);
}

module.exports = { benchSpec };
