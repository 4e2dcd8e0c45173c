// The state-space exploration's CPU time per distinct state, this tree against other checkouts (7f9e760's at
// /work/base-7f9e760 by default), side by side in one run: issue 24's "the exploration no slower than on 7f9e760".
// Each measurement is a process of its own, started in the tree it measures with that tree's own TypeScript hook,
// which runs the bounds once as a warm-up and then times a second run with process.cpuUsage (the process's CPU
// time, V8's collector threads included); the trees alternate, round after round, so that load hits them alike.
// Only the cost per distinct state compares across trees whose models reach different states.
//
//   node scripts/bench/explore-side-by-side.js [tree ...]     (BENCH_REPEATS=5 rounds; default: . /work/base-7f9e760)
//
// Two sets of bounds: `npm run explore`'s default bounds, and the test bounds both trees have (TEST_BOUNDS one
// server at a time, then TWO_APPLICATION_TEST_BOUNDS), summed over their runs.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { loadavg } = require('node:os');
const { resolve } = require('node:path');
const { summarise } = require('./measure');

const BOUNDS = ['default', 'test'];

/** Runs in the measured tree (cwd): prints one JSON line with the states, transitions and CPU of the timed run. */
const CHILD = `
const { exploreStateSpace } = require('./exploration/state-space/explorer');
const b = require('./exploration/state-space/bounds');
const runs = process.argv[1] === 'default'
  ? [b.DEFAULT_BOUNDS]
  : [...b.TEST_BOUNDS.servers.map((server) => ({ ...b.TEST_BOUNDS, servers: [server] })), b.TWO_APPLICATION_TEST_BOUNDS];
const once = () => {
  let states = 0, transitions = 0;
  const wall = performance.now();
  const started = process.cpuUsage();
  for (const bounds of runs) {
    const r = exploreStateSpace({ bounds });
    if (r.counterexample) throw new Error('a counterexample at ' + JSON.stringify(bounds));
    states += r.distinctStates;
    transitions += r.transitions;
  }
  const used = process.cpuUsage(started);
  return { states, transitions, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
};
once();
console.log(JSON.stringify(once()));
`;

function measure(tree, bounds) {
  // 7f9e760 loads TypeScript through its own hook; later trees through ts-node.
  const hook = existsSync(resolve(tree, 'test/register.js')) ? './test/register.js' : 'ts-node/register';
  const result = spawnSync(process.execPath, ['--require', hook, '-e', CHILD, bounds], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`${tree} ${bounds} exited with ${result.status}:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function main() {
  const trees = process.argv.slice(2);
  if (trees.length === 0) trees.push('.', '/work/base-7f9e760');
  const repeats = Number(process.env.BENCH_REPEATS ?? 5);
  const loads = [];
  const samples = new Map();
  for (let round = 0; round < repeats; round++) {
    for (const bounds of BOUNDS) {
      for (const tree of trees) {
        loads.push(loadavg()[0]);
        const m = measure(tree, bounds);
        const key = `${tree}\t${bounds}`;
        if (!samples.has(key)) samples.set(key, { ...m, perState: [], perTransition: [], cpu: [], wallPerState: [] });
        const s = samples.get(key);
        if (s.states !== m.states || s.transitions !== m.transitions)
          throw new Error(`${key}: counts changed between runs`);
        s.perState.push((m.cpuMs * 1000) / m.states);
        s.perTransition.push((m.cpuMs * 1000) / m.transitions);
        s.cpu.push(m.cpuMs);
        s.wallPerState.push((m.wallMs * 1000) / m.states);
      }
    }
    process.stderr.write(`round ${round + 1} of ${repeats} done, load ${loadavg()[0].toFixed(1)}\n`);
  }
  const load = summarise(loads);
  console.log(
    `CPU per distinct state, medians of ${repeats} alternating runs (warm second run in each process); 1-minute load ${load.min.toFixed(1)}–${load.max.toFixed(1)} (median ${load.median.toFixed(1)})`,
  );
  console.log(
    ['bounds', 'tree', 'states', 'transitions', 'CPU ms', 'µs/state (min–max)', 'µs/transition', 'wall µs/state'].join(
      ' | ',
    ),
  );
  for (const bounds of BOUNDS) {
    const base = summarise(samples.get(`${trees.at(-1)}\t${bounds}`).perState).median;
    for (const tree of trees) {
      const s = samples.get(`${tree}\t${bounds}`);
      const ps = summarise(s.perState);
      console.log(
        [
          bounds,
          tree,
          s.states,
          s.transitions,
          summarise(s.cpu).median.toFixed(0),
          `${ps.median.toFixed(1)} (${ps.min.toFixed(1)}–${ps.max.toFixed(1)}) ${tree === trees.at(-1) ? '' : `${((ps.median / base - 1) * 100).toFixed(0)}%`}`,
          summarise(s.perTransition).median.toFixed(1),
          summarise(s.wallPerState).median.toFixed(1),
        ].join(' | '),
      );
    }
  }
}

main();
