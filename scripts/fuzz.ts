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
 * A wrong value (scripts/fuzz-inputs.ts) stops it before anything runs, with one line naming it; the exit statuses
 * are scripts/exit-status.ts's table. What a run found is printed before its report is written, and the report is
 * written atomically: a full disk loses the report, never the counterexample.
 */
import { checkPlan, explain, formatCounterexample } from '../exploration/counterexample';
import { FIXED_SEED } from '../exploration/explore';
import { exploreAtRandom } from '../exploration/random';
import { coverageOf, type ShardReport } from '../exploration/state-space/shard-report';
import { PlanStepRejected } from '../plans/interpreter';
import { afterFailedReport, EXIT, reportWriteFailed } from './exit-status';
import { FuzzInputError, fuzzInputs } from './fuzz-inputs';
import { WriteFailed, writeAtomically } from './files';

function checkOnePlan(file: string, plan: Parameters<typeof checkPlan>[0]): number {
  let violation;
  try {
    violation = checkPlan(plan);
  } catch (error) {
    if (!(error instanceof PlanStepRejected)) throw error;
    console.log(`${file}: the model refuses this plan, so no invariant was checked past it: ${error.message}`);
    return EXIT.planRefused;
  }
  console.log(violation ? formatCounterexample(explain(violation)) : `${file}: every invariant holds`);
  return violation ? EXIT.counterexample : EXIT.held;
}

function main(): number {
  // The one place a random seed is drawn: printed first, so any run can be repeated.
  const inputs = fuzzInputs(process.env, () => Math.floor(Math.random() * 2 ** 31), FIXED_SEED);
  if (inputs.kind === 'plan') return checkOnePlan(inputs.file, inputs.plan);
  const { seed: baseSeed, runs, seconds, path, replayPath, shard } = inputs;
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
  // What was found is printed before anything is written: a report that cannot be written loses nothing.
  let status: number;
  if (result.counterexample) {
    console.log(`\n${formatCounterexample(result.counterexample)}`);
    status = EXIT.counterexample;
  } else if (result.crash) {
    console.log(`\nThe model failed outside any invariant:\n${result.crash}`);
    status = EXIT.counterexample;
  } else if (result.runs === 0) {
    console.log('no plan ran within the budget: nothing was checked (give more FUZZ_SECONDS)');
    status = EXIT.counterexample;
  } else if (path) {
    console.log(
      `replaying FUZZ_PATH=${path} with seed ${seed} broke no invariant in ${result.runs} runs: ` +
        'the path leads to no counterexample of this seed and version (copy the seed and path from one)',
    );
    status = EXIT.pathReproducedNothing;
  } else {
    console.log(`every invariant held in ${result.runs} runs`);
    status = EXIT.held;
  }
  if (inputs.report) {
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
    try {
      writeAtomically(inputs.report, JSON.stringify(report, null, 1));
    } catch (error) {
      if (!(error instanceof WriteFailed)) throw error;
      console.error(reportWriteFailed('npm run fuzz', 'FUZZ_REPORT', error));
      return afterFailedReport(status);
    }
  }
  return status;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof FuzzInputError)) throw error;
  console.error(`npm run fuzz: ${error.message}`);
  process.exitCode = EXIT.wrongInput;
}
