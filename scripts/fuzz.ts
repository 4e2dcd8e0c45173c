/**
 * `npm run fuzz`: the random phase with a budget from the environment, printing the seed, runs, steps and
 * coverage, and a counterexample a person can act on if an invariant breaks (exit code 1).
 *
 *   FUZZ_RUNS=5000 | FUZZ_SECONDS=60    budget (default: 1000 runs)
 *   FUZZ_SEED=123                        seed (default: fixed under CI, random otherwise)
 *   FUZZ_PATH=... FUZZ_REPLAY_PATH=...   replay one counterexample fast-check printed
 *   FUZZ_PLAN=plan.json                  check one plan (a counterexample's second replay form) instead
 *
 * A wrong value (scripts/fuzz-inputs.ts) stops it before anything runs, with one line naming it (exit code 2).
 */
import { checkPlan, explain, formatCounterexample } from '../exploration/counterexample';
import { FIXED_SEED } from '../exploration/explore';
import { exploreAtRandom } from '../exploration/random';
import { FuzzInputError, fuzzInputs } from './fuzz-inputs';

function main(): number {
  // The one place a random seed is drawn: printed first, so any run can be repeated.
  const inputs = fuzzInputs(process.env, () => Math.floor(Math.random() * 2 ** 31), FIXED_SEED);
  if (inputs.kind === 'plan') {
    const violation = checkPlan(inputs.plan);
    console.log(violation ? formatCounterexample(explain(violation)) : `${inputs.file}: every invariant holds`);
    return violation ? 1 : 0;
  }
  const { seed, runs, seconds, path, replayPath } = inputs;
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
