/**
 * The state-space explorer's speed: distinct states per second on one core (the process's CPU time, which also
 * counts V8's collector threads) over `npm run explore`'s default bounds, and the cost of its canonical
 * encoding, hashing and deduplication beside the bare model steps (copy the deployment, apply the action) of the
 * same transitions, timed alternately in the same process. Medians of several runs after a warm-up. Never part
 * of `npm test`.
 *
 *   node --require ts-node/register scripts/bench/state-space.ts      (BENCH_REPEATS=7 runs)
 */
import type { Action } from '../../model/actions';
import { Deployment } from '../../model/deployment';
import { newPremiseCounts } from '../../exploration/laws';
import { DEFAULT_BOUNDS, TWO_APPLICATION_TEST_BOUNDS } from '../../exploration/state-space/bounds';
import { DeploymentSpace, type ExploredState } from '../../exploration/state-space/deployment-space';
import { StateHasher } from '../../exploration/state-space/encode';
import { exploreStateSpace } from '../../exploration/state-space/explorer';
import { FingerprintSet } from '../../exploration/state-space/fingerprints';
import { BehaviourLedger } from '../../exploration/state-space/ledger';
import { search } from '../../exploration/state-space/search';
import { summarise } from './measure';
import type { Comparison } from '../../generator/bench-report';

/**
 * Every transition of one search of smaller bounds (two Application servers at the test bounds: 588 states,
 * all held at once), with the state it started from and the state it led to.
 */
function transitionsOf(): { from: ExploredState; action: Action; to: ExploredState }[] {
  const space = new DeploymentSpace(TWO_APPLICATION_TEST_BOUNDS, new BehaviourLedger(), newPremiseCounts());
  const found: { from: ExploredState; action: Action; to: ExploredState }[] = [];
  search({
    initial: () => space.initial(),
    enabled: (s) => space.enabled(s),
    apply: (s, a) => {
      const to = space.apply(s, a);
      if (to) found.push({ from: s, action: a, to });
      return to;
    },
    hash: (s, hasher) => space.hash(s, hasher),
  });
  return found;
}

/** The deployment's methods the explorer calls: its guards, its steps, and its copies. */
const MODEL_CALLS = ['rejection', 'apply', 'clone'] as const;
type ModelCall = (typeof MODEL_CALLS)[number];
const perCall = (value: (name: ModelCall) => number) =>
  Object.fromEntries(MODEL_CALLS.map((name) => [name, value(name)])) as Record<ModelCall, number>;

/**
 * One whole exploration with the deployment's guards, steps and copies timed call by call (the methods wrapped
 * for this run only, then put back): what the model itself costs per distinct state, which no cheaper hashing,
 * checking or bookkeeping in the explorer can win back. Wall-clock time inside the calls, a collection that
 * happens during one included; a separate run, as the wrapping slows the explorer a little.
 */
function modelShare(): Record<ModelCall, number> {
  const methods = Deployment.prototype as unknown as Record<ModelCall, (...args: unknown[]) => unknown>;
  const originals = Object.fromEntries(MODEL_CALLS.map((name) => [name, methods[name]])) as typeof methods;
  const spent = perCall(() => 0);
  for (const name of MODEL_CALLS) {
    const original = originals[name];
    methods[name] = function (this: Deployment, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        spent[name] += performance.now() - started;
      }
    };
  }
  try {
    const { distinctStates } = exploreStateSpace({ bounds: DEFAULT_BOUNDS });
    return perCall((name) => (spent[name] * 1000) / distinctStates);
  } finally {
    Object.assign(methods, originals);
  }
}

/** TLC's reported rate, distinct states per second, which issue 15 asks for on one core. */
const TLC_RATE = 65_000;

/** Passes over the transitions in one timing, so each lasts long enough to time. */
const PASSES = 5;

function cpuMilliseconds(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export function benchStateSpace({ repeats = 7 }: { repeats?: number } = {}): Comparison {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const transitions = transitionsOf();
  const space = new DeploymentSpace(TWO_APPLICATION_TEST_BOUNDS, new BehaviourLedger(), newPremiseCounts());
  const hasher = new StateHasher();
  const model: number[] = [];
  const hashing: number[] = [];
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const ownSteps: number[] = [];
  const copies: number[] = [];
  let states = 0;
  let edges = 0;
  try {
    for (let round = 0; round < repeats + 1; round++) {
      const modelMs = cpuMilliseconds(() => {
        for (let pass = 0; pass < PASSES; pass++) {
          for (const { from, action } of transitions) from.deployment.clone().apply(action);
        }
      });
      const hashMs = cpuMilliseconds(() => {
        for (let pass = 0; pass < PASSES; pass++) {
          const seen = new FingerprintSet();
          for (const { to } of transitions) {
            hasher.start();
            space.hash(to, hasher);
            hasher.finish();
            seen.add(hasher.h1, hasher.h2);
          }
        }
      });
      const run = exploreStateSpace({ bounds: DEFAULT_BOUNDS });
      const share = modelShare();
      states = run.distinctStates;
      edges = run.transitions;
      if (round === 0) continue; // warm-up
      model.push(modelMs);
      hashing.push(hashMs);
      rates.push(run.statesPerSecond);
      cpuRates.push(run.statesPerCpuSecond);
      ownSteps.push(share.rejection + share.apply);
      copies.push(share.clone);
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const rate = summarise(rates);
  const cpuRate = summarise(cpuRates);
  const m = summarise(model);
  const h = summarise(hashing);
  const ratio = h.median / m.median;
  const own = summarise(ownSteps);
  const copy = summarise(copies);
  /** A distinct state's whole budget at TLC's rate. */
  const budget = 1e6 / TLC_RATE;
  return {
    id: 'state-space',
    title: `State-space exploration (default bounds: ${states} distinct states, ${edges} transitions; hashing beside the model over the ${transitions.length} transitions of two Application servers at the test bounds, ${PASSES} times)`,
    command: 'node --require ts-node/register scripts/bench/state-space.ts',
    measurements: [
      { label: 'whole exploration, distinct states per CPU second (one core)', unit: 'steps/s', ...cpuRate },
      { label: 'whole exploration, distinct states per wall-clock second', unit: 'steps/s', ...rate },
      { label: 'encoding, hashing and deduplication of every transition (CPU)', unit: 'ms', ...h },
      { label: 'bare model steps of the same transitions, copy and apply (CPU)', unit: 'ms', ...m },
      { label: "the model's own guards and steps in the whole exploration, per distinct state", unit: 'µs', ...own },
      { label: 'copies of the deployment in the whole exploration, per distinct state', unit: 'µs', ...copy },
    ],
    note: `A transition costs a copy of the whole deployment (model/copy.ts; the last transition out of a state steps it on in place instead), the step, a copy of the invariant checker, every invariant and law, the behaviour ledger and the hash of the state it led to; the whole exploration also asks the model about every candidate action in every state (the refusals in the ledger). At ${TLC_RATE.toLocaleString('en-US')} states per second a distinct state may take ${budget.toFixed(1)} µs in all; the model's own guards and steps alone take ${own.median.toFixed(1)} µs of wall-clock time per distinct state (median), and the copies ${copy.median.toFixed(1)} µs, before any hashing, checking or bookkeeping.`,
    checks: [
      {
        target: `at least ${TLC_RATE.toLocaleString('en-US')} distinct states/s on one core (TLC’s reported rate)`,
        measured: `${Math.round(cpuRate.median).toLocaleString('en-US')} states per CPU second`,
        met: cpuRate.median >= TLC_RATE,
      },
      {
        target: 'hashing and deduplication at most 2× the bare model steps',
        measured: `${ratio.toFixed(2)}×`,
        met: ratio <= 2,
      },
    ],
  };
}

if (require.main === module) {
  const c = benchStateSpace({ repeats: Number(process.env.BENCH_REPEATS ?? 7) });
  console.log(c.title);
  for (const m of c.measurements)
    console.log(
      `  ${m.label.padEnd(66)} median ${m.median.toFixed(1)} ${m.unit} (min ${m.min.toFixed(1)}, max ${m.max.toFixed(1)})`,
    );
  for (const k of c.checks) console.log(`  ${k.met ? 'met   ' : 'MISSED'} ${k.target}: ${k.measured}`);
}
