/**
 * `npm run bench:fuzz`: the random phase's throughput against the same fast-check run over a model that does
 * nothing (same seed, same runs, same commands; each step only counted). Medians of several runs after a
 * warm-up. Not part of `npm test`: timings belong to a quiet machine, not to CI.
 *
 *   BENCH_RUNS=2000 BENCH_REPEATS=7 npm run bench:fuzz
 */
import fc from 'fast-check';
import type { Action } from '../model/actions';
import { Deployment } from '../model/deployment';
import { CoverageLedger } from '../exploration/coverage';
import { FIXED_SEED } from '../exploration/explore';
import { newTally, type Exploration } from '../exploration/exploration';
import { MAX_COMMANDS, planProperty } from '../exploration/random';
import { explorationCommands } from '../exploration/commands';
import { newDeployment } from '../plans/interpreter';

const runs = Number(process.env.BENCH_RUNS ?? 2000);
const repeats = Number(process.env.BENCH_REPEATS ?? 7);

interface Sample {
  readonly milliseconds: number;
  readonly steps: number;
}

/** The real thing: the model, every invariant after every step, the determinism replay, the coverage ledger. */
function modelRun(): Sample {
  const tally = newTally();
  const started = performance.now();
  fc.assert(planProperty(new CoverageLedger(), tally, newDeployment), { seed: FIXED_SEED, numRuns: runs });
  return { milliseconds: performance.now() - started, steps: tally.steps };
}

/** The same commands and fast-check machinery over a model that does nothing: its state never changes. */
function doNothingRun(): Sample {
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(name: string, run: () => Sample): { milliseconds: number; stepsPerSecond: number; steps: number } {
  run();
  run(); // warm-up: let the JIT settle
  const samples = Array.from({ length: repeats }, run);
  const milliseconds = median(samples.map((s) => s.milliseconds));
  const stepsPerSecond = median(samples.map((s) => (s.steps / s.milliseconds) * 1000));
  console.log(
    `${name.padEnd(22)} ${milliseconds.toFixed(1).padStart(8)} ms   ${Math.round(stepsPerSecond).toString().padStart(9)} steps/s   (${samples[0]!.steps} steps per run of ${runs} plans)`,
  );
  return { milliseconds, stepsPerSecond, steps: samples[0]!.steps };
}

console.log(`fast-check ${runs} plans, seed ${FIXED_SEED}, median of ${repeats} after 2 warm-up runs, one core`);
const idle = measure('do-nothing model', doNothingRun);
const real = measure('model + invariants', modelRun);
const slowdown = real.milliseconds / idle.milliseconds;
console.log(`slowdown: ${slowdown.toFixed(2)}x the do-nothing run (target: at most 2x)`);
console.log(`throughput: ${Math.round(real.stepsPerSecond)} model steps/s (target: at least 50,000)`);
process.exitCode = slowdown <= 2 && real.stepsPerSecond >= 50_000 ? 0 : 1;
