// npm test: every check of the project, as phases, each an npm script of its own (package.json), in two lanes run
// side by side: the code's checks (type check, lint, unit tests), and the run and its site (the exploration the
// specification reports, the specification, the site's build, the browser tests), each lane stopping at its first
// failure. No unit test writes what the build or the browser tests read (the tests that publish write into folders
// of their own, under the checkout's lock where they test it), so the lanes never wait for each other. At the end it
// prints each phase's duration and CPU time, the whole, and the load before and after, and writes them to
// reports/test-timings.json (`npm run bench` reads the target from TARGET_SECONDS below).
//
//   TEST_SERIAL=1 npm test    one phase after another, lane by lane (to time each phase alone)
//   npm run test:quick        the inner loop (QUICK_LANES): under a minute
//
// A signal (Ctrl+C, kill) stops every phase then running, and everything each started (a phase runs in a process
// group of its own), and ends npm test by that signal, saying which phases it stopped: none is left running on.
const { spawn, spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { availableParallelism, loadavg } = require('node:os');
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

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`), or null where there is no /proc. */
const TICKS = (() => {
  if (process.platform !== 'linux') return null;
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
  return ticks > 0 ? ticks : null;
})();

/**
 * The CPU seconds (user and system) of every process npm test started and has waited for, with everything each of
 * them started and waited for (Linux: /proc/self/stat's cutime and cstime), or null. A phase's CPU time is what this
 * rose by when it ended: its process is waited for then, bringing its whole tree's time with it.
 */
function childrenCpu() {
  if (TICKS === null) return null;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 of proc(5) (state); cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return null;
  }
}
let cpuSoFar = childrenCpu();

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
      const cpuNow = childrenCpu();
      const cpu = cpuNow === null || cpuSoFar === null ? null : cpuNow - cpuSoFar;
      cpuSoFar = cpuNow;
      running.delete(script);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!stream) process.stdout.write(`\n── npm run ${script} ──\n${Buffer.concat(held).toString()}`);
      resolve({ script, seconds, cpu, status: code ?? (signal ? 1 : 0) });
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

/** Runs a lane's phases in order, stopping at the first that fails. */
async function runLane(scripts, results, options) {
  for (const script of scripts) {
    if (stopping) break;
    const result = await runPhase(script, options);
    results.push(result);
    if (result.status !== 0) break;
  }
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
  if (serial) {
    for (const lane of lanes) await runLane(lane, results, { stream: true, command });
  } else {
    await Promise.all(lanes.map((lane, i) => runLane(lane, results, { stream: i === lanes.length - 1, command })));
  }
  if (stopping) return new Promise(() => undefined); // the signal's handler ends the process
  const whole = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = results.filter((r) => r.status !== 0);
  const skipped = lanes.flat().filter((script) => !results.some((r) => r.script === script));

  const cpuText = (cpu) => (cpu === null ? '' : `${cpu.toFixed(1)} s CPU`);
  const rows = lanes.flat().map((script) => {
    const r = results.find((x) => x.script === script);
    const status = r ? (r.status === 0 ? 'passed' : 'FAILED') : 'not run';
    return [script, r ? `${r.seconds.toFixed(1)} s` : '-', r ? cpuText(r.cpu) : '', status];
  });
  const width = Math.max(...rows.map((r) => r[0].length));
  const target = quick ? QUICK_TARGET_SECONDS : TARGET_SECONDS;
  console.log(`\n${name}, each phase (${serial ? 'one after another' : `${lanes.length} lanes side by side`}):`);
  for (const [script, seconds, cpu, status] of rows)
    console.log(`  ${script.padEnd(width)}  ${seconds.padStart(8)}  ${cpu.padStart(12)}  ${status}`);
  const cpus = results.map((r) => r.cpu);
  const cpu = cpus.includes(null) ? null : cpus.reduce((a, b) => a + b, 0);
  const met = whole <= target && !failed.length && !skipped.length;
  console.log(
    `  ${'whole'.padEnd(width)}  ${`${whole.toFixed(1)} s`.padStart(8)}  ${(cpu === null ? '' : cpuText(cpu)).padStart(12)}  target ${target} s: ${met ? 'met' : 'MISSED'}`,
  );
  const cores = availableParallelism();
  if (cpu !== null) {
    console.log(
      `  CPU time in all ${cpu.toFixed(1)} s: on ${cores} cores no faster than ${(cpu / cores).toFixed(1)} s, had they nothing else to do`,
    );
  }
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
        cpuSeconds: cpu,
        cores,
        targetSeconds: target,
        loadBefore,
        loadAfter: load(),
        phases: results.map(({ script, seconds, cpu, status }) => ({
          script,
          seconds,
          cpuSeconds: cpu,
          passed: status === 0,
        })),
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
