/**
 * The state-space explorer's speed: distinct states per second on one core, and the cost of its canonical
 * encoding, hashing and deduplication beside the bare model steps (copy the deployment, apply the action) of
 * the same transitions, timed alternately in the same process. Medians of several runs after a warm-up. Never
 * part of `npm test`.
 *
 *   node --require ./test/register.js scripts/bench/state-space.ts
 */
import type { Action } from '../../model/actions';
import { newPremiseCounts } from '../../exploration/laws';
import { DeploymentSpace, type ExploredState } from '../../exploration/state-space/deployment-space';
import { fingerprint } from '../../exploration/state-space/encode';
import { exploreStateSpace } from '../../exploration/state-space/explorer';
import { BehaviourLedger } from '../../exploration/state-space/ledger';
import { search } from '../../exploration/state-space/search';
import { SPECIFICATION_BOUNDS } from '../../exploration/state-space/report';
import { summarise } from './measure';
import type { Comparison } from './report';

const BOUNDS = SPECIFICATION_BOUNDS[0]!;

/** Every transition of one search, with the state it started from and the state it led to. */
function transitionsOf(): { from: ExploredState; action: Action; to: ExploredState }[] {
  const space = new DeploymentSpace(BOUNDS, new BehaviourLedger(), newPremiseCounts());
  const found: { from: ExploredState; action: Action; to: ExploredState }[] = [];
  search({
    initial: () => space.initial(),
    enabled: (s) => space.enabled(s),
    apply: (s, a) => {
      const to = space.apply(s, a);
      if (to) found.push({ from: s, action: a, to });
      return to;
    },
    encode: (s) => space.encode(s),
  });
  return found;
}

export function benchStateSpace({ repeats = 7 }: { repeats?: number } = {}): Comparison {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const transitions = transitionsOf();
  const space = new DeploymentSpace(BOUNDS, new BehaviourLedger(), newPremiseCounts());
  const model: number[] = [];
  const hashing: number[] = [];
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let states = 0;
  try {
    for (let round = 0; round < repeats + 1; round++) {
      let started = performance.now();
      for (const { from, action } of transitions) from.deployment.clone().apply(action);
      const modelMs = performance.now() - started;
      started = performance.now();
      const seen = new Set<number>();
      for (const { to } of transitions) {
        const print = fingerprint(space.encode(to));
        if (!seen.has(print)) seen.add(print);
      }
      const hashMs = performance.now() - started;
      const run = exploreStateSpace({ bounds: BOUNDS });
      states = run.distinctStates;
      if (round === 0) continue; // warm-up
      model.push(modelMs);
      hashing.push(hashMs);
      rates.push(run.statesPerSecond);
      cpuRates.push(run.statesPerCpuSecond);
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const rate = summarise(rates);
  const cpuRate = summarise(cpuRates);
  const m = summarise(model);
  const h = summarise(hashing);
  const ratio = h.median / m.median;
  return {
    id: 'state-space',
    title: `State-space exploration (test bounds, Application server outages: ${states} distinct states, ${transitions.length} transitions)`,
    command: 'node --require ./test/register.js scripts/bench/state-space.ts',
    measurements: [
      { label: 'whole exploration, distinct states per CPU second (one core)', unit: 'steps/s', ...cpuRate },
      { label: 'whole exploration, distinct states per wall-clock second', unit: 'steps/s', ...rate },
      { label: 'encoding, hashing and deduplication of every transition', unit: 'ms', ...h },
      { label: 'bare model steps of the same transitions (copy and apply)', unit: 'ms', ...m },
    ],
    note: 'A transition costs a copy of the whole deployment (structuredClone of its plain-data state), the step, a copy of the invariant checker, every invariant and law, and the encoding; the copy dominates. The whole exploration also checks refusals of every candidate action in every state for the ledger.',
    checks: [
      {
        target: 'at least 65,000 distinct states/s on one core (TLC’s reported rate)',
        measured: `${Math.round(cpuRate.median).toLocaleString('en-US')} states per CPU second`,
        met: cpuRate.median >= 65_000,
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
      `  ${m.label.padEnd(60)} median ${m.median.toFixed(1)} ${m.unit} (min ${m.min.toFixed(1)}, max ${m.max.toFixed(1)})`,
    );
  for (const k of c.checks) console.log(`  ${k.met ? 'met   ' : 'MISSED'} ${k.target}: ${k.measured}`);
}
