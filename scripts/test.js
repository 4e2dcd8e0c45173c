// npm test: every check of the project, as phases, each an npm script of its own (package.json), in two lanes run
// side by side: the code's checks (type check, lint, unit tests), and the run and its site (the exploration the
// specification reports, the specification, the site's build, the browser tests), each lane stopping at its first failure. The lanes share
// nothing: the first reads the sources only, the second writes reports/, docs/generated/ and build/. At the end
// it prints each phase's duration, the whole, and the load before and after, and writes them to
// reports/test-timings.json (`npm run bench` reads the target from TARGET_SECONDS below).
//
//   TEST_SERIAL=1 npm test    one phase after another, in the order below (to time each phase alone)
//   npm run test:quick        the inner loop (QUICK_LANES): under a minute
const { spawn } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');

/** Issue 25: the whole of npm test within 4 minutes on a 2-core machine; its inner loop within one. */
const TARGET_SECONDS = 240;
const QUICK_TARGET_SECONDS = 60;

const LANES = [
  ['typecheck', 'lint', 'test:unit'],
  ['test:explore', 'spec', 'build', 'test:browser'],
];

/**
 * `npm run test:quick`, the inner loop for a change to the model, the steps or a feature: the type check, the unit
 * tests and the specification side by side, no lint, no site.
 */
const QUICK_LANES = [['typecheck'], ['test:unit'], ['test:explore', 'spec']];

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/**
 * Runs one phase. The second lane's output goes straight to the terminal; the first lane's is held and printed
 * whole when the phase ends, so the two never interleave line by line.
 */
function runPhase(script, { stream }) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(npm, ['run', '--silent', script], {
      cwd: root,
      stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const held = [];
    if (!stream) {
      child.stdout.on('data', (chunk) => held.push(chunk));
      child.stderr.on('data', (chunk) => held.push(chunk));
    }
    child.on('exit', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!stream) process.stdout.write(`\n── npm run ${script} ──\n${Buffer.concat(held).toString()}`);
      resolve({ script, seconds, status: code ?? (signal ? 1 : 0) });
    });
  });
}

/** Runs a lane's phases in order, stopping at the first that fails. */
async function runLane(scripts, results, options) {
  for (const script of scripts) {
    const result = await runPhase(script, options);
    results.push(result);
    if (result.status !== 0) return;
  }
}

async function main(quick) {
  const lanes = quick ? QUICK_LANES : LANES;
  const name = quick ? 'npm run test:quick' : 'npm test';
  const started = process.hrtime.bigint();
  const loadBefore = load();
  const results = [];
  const serial = process.env.TEST_SERIAL === '1';
  // The last lane streams its output; the others print each phase whole when it ends.
  if (serial) {
    for (const lane of lanes) await runLane(lane, results, { stream: true });
  } else {
    await Promise.all(lanes.map((lane, i) => runLane(lane, results, { stream: i === lanes.length - 1 })));
  }
  const whole = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = results.filter((r) => r.status !== 0);
  const skipped = lanes.flat().filter((script) => !results.some((r) => r.script === script));

  const rows = lanes.flat().map((script) => {
    const r = results.find((x) => x.script === script);
    return [script, r ? `${r.seconds.toFixed(1)} s` : '-', r ? (r.status === 0 ? 'passed' : 'FAILED') : 'not run'];
  });
  const width = Math.max(...rows.map((r) => r[0].length));
  const target = quick ? QUICK_TARGET_SECONDS : TARGET_SECONDS;
  console.log(`\n${name}, each phase (${serial ? 'one after another' : `${lanes.length} lanes side by side`}):`);
  for (const [script, seconds, status] of rows)
    console.log(`  ${script.padEnd(width)}  ${seconds.padStart(8)}  ${status}`);
  console.log(
    `  ${'whole'.padEnd(width)}  ${`${whole.toFixed(1)} s`.padStart(8)}  target ${target} s: ${whole <= target ? 'met' : 'MISSED'}`,
  );
  console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);

  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(
    join(root, 'reports', quick ? 'test-quick-timings.json' : 'test-timings.json'),
    JSON.stringify(
      {
        command: name,
        finishedAt: new Date().toISOString(),
        serial,
        seconds: whole,
        targetSeconds: target,
        loadBefore,
        loadAfter: load(),
        phases: results.map(({ script, seconds, status }) => ({ script, seconds, passed: status === 0 })),
      },
      null,
      2,
    ) + '\n',
  );
  if (failed.length || skipped.length) {
    const notRun = skipped.length ? ` (not run: ${skipped.join(', ')})` : '';
    console.log(`\n${name} failed: ${failed.map((r) => r.script).join(', ')}${notRun}`);
    process.exit(1);
  }
}

module.exports = { TARGET_SECONDS, QUICK_TARGET_SECONDS };

if (require.main === module) {
  const mode = process.argv[2];
  if (mode !== undefined && mode !== 'quick') {
    console.error(`scripts/test.js: unknown argument "${mode}" (none, or quick)`);
    process.exit(2);
  }
  main(mode === 'quick').catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
