/**
 * `npm run bench:fuzz`: the random phase's throughput against the same fast-check run over a model that does
 * nothing (same seed, same runs, same commands; each step only counted), and the exhaustive phase's time.
 * Medians of several runs after warm-ups. Not part of `npm test`: timings belong to a quiet machine, not to CI.
 * `npm run bench` runs the same functions.
 *
 *   BENCH_RUNS=2000 BENCH_REPEATS=7 npm run bench:fuzz
 */
import fc from 'fast-check';
import type { Action } from '../../model/actions';
import { Deployment } from '../../model/deployment';
import { CoverageLedger } from '../../exploration/coverage';
import { exploreExhaustively } from '../../exploration/exhaustive';
import { FIXED_SEED } from '../../exploration/explore';
import { newTally, type Exploration } from '../../exploration/exploration';
import { MAX_COMMANDS, planProperty } from '../../exploration/random';
import { explorationCommands } from '../../exploration/commands';
import { newDeployment } from '../../plans/interpreter';
import { summarise } from './measure';
import type { Comparison, Measurement } from './report';

interface Sample {
  readonly milliseconds: number;
  readonly steps: number;
}

/** The real thing: the model, every invariant after every step, the determinism replay, the coverage ledger. */
function modelRun(runs: number): Sample {
  const tally = newTally();
  const started = performance.now();
  fc.assert(planProperty(new CoverageLedger(), tally, newDeployment), { seed: FIXED_SEED, numRuns: runs });
  return { milliseconds: performance.now() - started, steps: tally.steps };
}

/** The same commands and fast-check machinery over a model that does nothing: its state never changes. */
function doNothingRun(runs: number): Sample {
  const state = new Deployment().inspect();
  let steps = 0;
  const idle = {
    state,
    step(_action: Action) {
      steps++;
    },
  } as unknown as Exploration;
  const commands = fc.commands(explorationCommands(), { maxCommands: MAX_COMMANDS, size: 'max' });
  const started = performance.now();
  fc.assert(
    fc.property(commands, (sequence) => fc.modelRun(() => ({ model: idle, real: idle }), sequence)),
    { seed: FIXED_SEED, numRuns: runs },
  );
  return { milliseconds: performance.now() - started, steps };
}

interface Measured {
  readonly time: ReturnType<typeof summarise>;
  readonly stepsPerSecond: ReturnType<typeof summarise>;
  readonly steps: number;
}

function measure(run: () => Sample, repeats: number): Measured {
  run();
  run(); // warm-up: let the JIT settle
  const samples = Array.from({ length: repeats }, run);
  return {
    time: summarise(samples.map((s) => s.milliseconds)),
    stepsPerSecond: summarise(samples.map((s) => (s.steps / s.milliseconds) * 1000)),
    steps: samples[0]!.steps,
  };
}

const ms = (label: string, s: ReturnType<typeof summarise>): Measurement => ({ label, unit: 'ms', ...s });

export interface FuzzOptions {
  /** fast-check runs (plans) per measurement. */
  readonly runs?: number;
  /** Measured repetitions after two warm-ups. */
  readonly repeats?: number;
}

/** Steps per second of the random phase against a do-nothing model, alternating is not needed: one core each. */
export function benchFuzz({ runs = 2000, repeats = 7 }: FuzzOptions = {}): Comparison {
  const idle = measure(() => doNothingRun(runs), repeats);
  const real = measure(() => modelRun(runs), repeats);
  const slowdown = real.time.median / idle.time.median;
  return {
    id: 'fuzz',
    title: `Random fuzzing phase (${runs} plans, seed ${FIXED_SEED}) vs the same fast-check run over a do-nothing model`,
    command: 'npm run bench:fuzz',
    measurements: [
      ms(`model + invariants (${real.steps} steps)`, real.time),
      { label: 'model + invariants, throughput', unit: 'steps/s', ...real.stepsPerSecond },
      ms(`do-nothing model (${idle.steps} steps)`, idle.time),
      { label: 'do-nothing model, throughput', unit: 'steps/s', ...idle.stepsPerSecond },
    ],
    note: 'The do-nothing model only counts steps. The real run applies the model, inspects it and checks every invariant after each step, and replays one plan in eight twice more on fresh deployments recording their traces, compared byte for byte (the determinism invariant): about 37% of the random phase in a CPU profile.',
    checks: [
      { target: 'at most 2.00× the do-nothing run', measured: `${slowdown.toFixed(2)}×`, met: slowdown <= 2 },
      {
        target: 'at least 50,000 model steps/s',
        measured: `${Math.round(real.stepsPerSecond.median).toLocaleString('en-US')} steps/s`,
        met: real.stepsPerSecond.median >= 50_000,
      },
    ],
  };
}

/**
 * The exhaustive phase (every ordering, prefix and server set, every invariant after every step): its first run
 * in this process, as `npm test` pays it, and the median after that first run.
 */
export function benchExhaustive({ repeats = 7 }: FuzzOptions = {}): Comparison {
  const first = exploreExhaustively();
  if (first.violations.length) throw new Error(`the exhaustive phase found ${first.violations.length} violations`);
  const samples = Array.from({ length: repeats }, () => exploreExhaustively().milliseconds);
  const warm = summarise(samples);
  const cold = summarise([first.milliseconds]);
  return {
    id: 'exhaustive',
    title: 'Exhaustive phase: all 90 orderings, their prefixes and the 8 server sets',
    command: 'npm run bench:fuzz',
    measurements: [ms('first run in the process (as in npm test)', cold), ms('after the first run', warm)],
    checks: [
      {
        target: 'under 2 s',
        measured: `${(Math.max(cold.median, warm.median) / 1000).toFixed(2)} s`,
        met: Math.max(cold.median, warm.median) < 2000,
      },
    ],
  };
}

if (require.main === module) {
  const runs = Number(process.env.BENCH_RUNS ?? 2000);
  const repeats = Number(process.env.BENCH_REPEATS ?? 7);
  const comparisons = [benchExhaustive({ repeats }), benchFuzz({ runs, repeats })];
  console.log(`fast-check ${runs} plans, seed ${FIXED_SEED}, median of ${repeats} after 2 warm-up runs, one core`);
  for (const c of comparisons) {
    console.log(`\n${c.title}`);
    for (const m of c.measurements) {
      console.log(
        `  ${m.label.padEnd(44)} median ${m.median.toFixed(0).padStart(9)} ${m.unit}  (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)})`,
      );
    }
    for (const check of c.checks)
      console.log(`  ${check.met ? 'met   ' : 'MISSED'} ${check.target}: ${check.measured}`);
  }
  process.exitCode = comparisons.every((c) => c.checks.every((check) => check.met)) ? 0 : 1;
}
