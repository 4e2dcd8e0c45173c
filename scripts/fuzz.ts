/**
 * `npm run fuzz`: the random phase with a budget from the environment, printing the seed, runs, steps and
 * coverage, and a counterexample a person can act on if an invariant breaks (exit code 1).
 *
 *   FUZZ_RUNS=5000 | FUZZ_SECONDS=60    budget (default: 1000 runs)
 *   FUZZ_SEED=123                        seed (default: fixed under CI, random otherwise)
 *   FUZZ_PATH=... FUZZ_REPLAY_PATH=...   replay one counterexample fast-check printed
 *   FUZZ_PLAN=plan.json                  check one plan (a counterexample's second replay form) instead
 *   FUZZ_SHARD=2/4                       the second of four shards: seed + 1 (as a nightly matrix job runs it)
 *   FUZZ_REPORT=file.json                also write the run's ledger for `npm run explore -- --merge`
 *
 * A wrong value (scripts/fuzz-inputs.ts) stops it before anything runs, with one line naming it (exit code 2).
 */
import { writeFileSync } from 'node:fs';
import { checkPlan, explain, formatCounterexample } from '../exploration/counterexample';
import { FIXED_SEED } from '../exploration/explore';
import { exploreAtRandom } from '../exploration/random';
import { coverageOf, parseShard, type ShardReport } from '../exploration/state-space/shard-report';
import { FuzzInputError, fuzzInputs } from './fuzz-inputs';

function shardOf(text: string | undefined): ReturnType<typeof parseShard> | null {
  if (!text) return null;
  try {
    return parseShard(text, 'FUZZ_SHARD');
  } catch (error) {
    throw new FuzzInputError((error as Error).message);
  }
}

function main(): number {
  // The one place a random seed is drawn: printed first, so any run can be repeated.
  const inputs = fuzzInputs(process.env, () => Math.floor(Math.random() * 2 ** 31), FIXED_SEED);
  if (inputs.kind === 'plan') {
    const violation = checkPlan(inputs.plan);
    console.log(violation ? formatCounterexample(explain(violation)) : `${inputs.file}: every invariant holds`);
    return violation ? 1 : 0;
  }
  const { seed: baseSeed, runs, seconds, path, replayPath } = inputs;
  const shard = shardOf(process.env.FUZZ_SHARD);
  // Each shard of a matrix runs its own seed, derived from the one seed the job drew.
  const seed = shard ? (baseSeed + shard.index) % 2 ** 31 : baseSeed;
  if (shard) console.log(`shard ${shard.index + 1} of ${shard.count} of seed ${baseSeed}`);
  console.log(`seed: ${seed}${path ? ` (replaying path ${path})` : ''}`);
  console.log(`budget: ${seconds !== undefined ? `${seconds} s` : `${runs} runs`}`);
  const result = exploreAtRandom({
    seed,
    ...(runs !== undefined && { runs }),
    ...(seconds !== undefined && { seconds }),
    ...(path && { path }),
    ...(replayPath && { replayPath }),
  });
  if (result.seed !== seed) throw new Error(`fast-check ran seed ${result.seed}, not the seed ${seed} printed`);
  console.log(`runs: ${result.runs}`);
  console.log(`steps executed: ${result.stepsExecuted} in ${(result.milliseconds / 1000).toFixed(2)} s`);
  console.log(`steps per second: ${result.stepsPerSecond}`);
  console.log(`plans meeting the known defect (a lost chat blocks the agent): ${result.knownDefectPlans}`);
  console.log(result.ledger.describe());
  if (process.env.FUZZ_REPORT) {
    const report: ShardReport = {
      kind: 'fuzz',
      shard,
      run: `seed ${seed}`,
      steps: result.stepsExecuted,
      ...coverageOf(result.ledger),
      counterexample: result.counterexample
        ? { steps: result.counterexample.violation.plan.length, text: formatCounterexample(result.counterexample) }
        : result.crash
          ? { steps: 0, text: result.crash }
          : null,
    };
    writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(report, null, 1));
  }
  if (result.counterexample) {
    console.log(`\n${formatCounterexample(result.counterexample)}`);
    return 1;
  }
  if (result.crash) {
    console.log(`\nThe model failed outside any invariant:\n${result.crash}`);
    return 1;
  }
  if (result.runs === 0) {
    console.log('no plan ran within the budget: nothing was checked (give more FUZZ_SECONDS)');
    return 1;
  }
  console.log(`every invariant held in ${result.runs} runs`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof FuzzInputError)) throw error;
  console.error(`npm run fuzz: ${error.message}`);
  process.exitCode = 2;
}
