// npm test: every check of the project, as phases, each an npm script of its own (package.json), in two lanes run
// side by side: the code's checks (type check, lint, unit tests), and the run and its site (the exploration the
// specification reports, the specification, the site's build, the browser tests), each lane stopping at its first
// failure. The build waits for the unit tests (WAITS): some of them publish into this checkout (docs/generated/,
// static/reports/, reports/history.ndjson, under its lock), which the build and the browser tests read. At the end
// it prints each phase's duration, the whole, and the load before and after, and writes them to
// reports/test-timings.json (`npm run bench` reads the target from TARGET_SECONDS below).
//
//   TEST_SERIAL=1 npm test    one phase after another, lane by lane (to time each phase alone)
//   npm run test:quick        the inner loop (QUICK_LANES): under a minute
//
// A signal (Ctrl+C, kill) stops every phase then running, and everything each started (a phase runs in a process
// group of its own), and ends npm test by that signal, saying which phases it stopped: none is left running on.
const { spawn } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');
const { endBySignal, signalMeaning, SIGNALS } = require('./checkout-lock');

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

/** Phases that start only once others in another lane have passed, and why (the comment at the top). */
const WAITS = { build: ['test:unit'] };

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** The phases running now (their processes), and the signal stopping npm test once one came. */
const running = new Map();
let stopping = null;

/** `npm run --silent <script>`: how a phase is run (`main`'s `command` replaces it in the tests). */
const npmRun = (script) => [npm, ['run', '--silent', script]];

/**
 * Runs one phase, in a process group of its own so that a signal reaches all it started. The second lane's output
 * goes straight to the terminal; the first lane's is held and printed whole when the phase ends, so the two never
 * interleave line by line.
 */
function runPhase(script, { stream, command }) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const [file, args] = command(script);
    const child = spawn(file, args, {
      cwd: root,
      detached: process.platform !== 'win32',
      stdio: stream ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    running.set(script, child);
    const held = [];
    if (!stream) {
      child.stdout.on('data', (chunk) => held.push(chunk));
      child.stderr.on('data', (chunk) => held.push(chunk));
    }
    child.on('exit', (code, signal) => {
      running.delete(script);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!stream) process.stdout.write(`\n── npm run ${script} ──\n${Buffer.concat(held).toString()}`);
      resolve({ script, seconds, status: code ?? (signal ? 1 : 0) });
    });
  });
}

/** Stops a phase and everything it started: its whole process group, or the process alone where there is none. */
function stopPhase(child, signal) {
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // it has ended already
  }
}

/** On a signal, stops every running phase by it, waits for them to end, says so, and ends by the same signal. */
function stopOnSignals(name) {
  for (const signal of Object.keys(SIGNALS))
    process.on(signal, () => {
      if (stopping) return;
      stopping = signal;
      const phases = [...running.keys()];
      const ended = [...running.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
      for (const child of running.values()) stopPhase(child, signal);
      Promise.all(ended).then(() => {
        const which = phases.length ? `, and with it ${phases.join(', ')}` : '';
        console.error(`\n${name}: stopped by ${signalMeaning(signal)}${which}`);
        endBySignal(signal);
      });
    });
}

/** Each phase's result once it has run, for the phases that wait on it (WAITS). */
const finished = new Map();
const whenFinished = (script) => {
  if (!finished.has(script)) {
    let resolve;
    finished.set(script, { promise: new Promise((r) => (resolve = r)), resolve });
  }
  return finished.get(script);
};

/** Runs a lane's phases in order, stopping at the first that fails or waits on one that failed or did not run. */
async function runLane(scripts, results, options) {
  for (const script of scripts) {
    const waitedOn = await Promise.all((WAITS[script] ?? []).filter(options.runs).map((w) => whenFinished(w).promise));
    if (stopping || waitedOn.some((status) => status !== 0)) break;
    const result = await runPhase(script, options);
    results.push(result);
    whenFinished(script).resolve(result.status);
    if (result.status !== 0) break;
  }
  // What this lane did not run counts as failed for the phases waiting on it.
  for (const script of scripts) if (!results.some((r) => r.script === script)) whenFinished(script).resolve(1);
}

/**
 * Runs the lanes and reports. `command` says how a phase is run (npm run, unless a test gives stand-ins) and
 * `lanes` which (LANES, or QUICK_LANES when `quick`).
 */
async function main(quick, { command = npmRun, lanes = quick ? QUICK_LANES : LANES } = {}) {
  const name = quick ? 'npm run test:quick' : 'npm test';
  stopOnSignals(name);
  const started = process.hrtime.bigint();
  const loadBefore = load();
  const results = [];
  const serial = process.env.TEST_SERIAL === '1';
  // The last lane streams its output; the others print each phase whole when it ends.
  const runs = (script) => lanes.flat().includes(script);
  if (serial) {
    // Lane by lane, but a phase that waits on another lane's phase goes after the whole of that lane.
    const ordered = [...lanes].sort((a, b) => Number(a.some((s) => WAITS[s])) - Number(b.some((s) => WAITS[s])));
    for (const lane of ordered) await runLane(lane, results, { stream: true, runs, command });
  } else {
    await Promise.all(
      lanes.map((lane, i) => runLane(lane, results, { stream: i === lanes.length - 1, runs, command })),
    );
  }
  if (stopping) return new Promise(() => undefined); // the signal's handler ends the process
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
    `  ${'whole'.padEnd(width)}  ${`${whole.toFixed(1)} s`.padStart(8)}  target ${target} s: ${whole <= target && !failed.length && !skipped.length ? 'met' : 'MISSED'}`,
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

module.exports = { TARGET_SECONDS, QUICK_TARGET_SECONDS, main };

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
