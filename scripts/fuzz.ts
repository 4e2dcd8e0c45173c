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
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkPlan, explain, formatCounterexample } from '../exploration/counterexample';
import { FIXED_SEED } from '../exploration/explore';
import { exploreAtRandom } from '../exploration/random';
import { parsePlanJson } from '../plans/plan';
import { coverageOf, parseShard, type ShardReport } from '../exploration/state-space/shard-report';

function whole(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, got "${text}"`);
  return value;
}

function main(): number {
  const planFile = process.env.FUZZ_PLAN;
  if (planFile) {
    const violation = checkPlan(parsePlanJson(readFileSync(planFile, 'utf8'), planFile));
    console.log(violation ? formatCounterexample(explain(violation)) : `${planFile}: every invariant holds`);
    return violation ? 1 : 0;
  }
  const seconds = whole('FUZZ_SECONDS');
  const runs = whole('FUZZ_RUNS') ?? (seconds === undefined ? 1000 : undefined);
  // The one place a random seed is drawn: printed first, so any run can be repeated.
  const baseSeed = whole('FUZZ_SEED') ?? (process.env.CI ? FIXED_SEED : Math.floor(Math.random() * 2 ** 31));
  const shard = process.env.FUZZ_SHARD ? parseShard(process.env.FUZZ_SHARD, 'FUZZ_SHARD') : null;
  // Each shard of a matrix runs its own seed, derived from the one seed the job drew.
  const seed = shard ? (baseSeed + shard.index) % 2 ** 31 : baseSeed;
  if (shard) console.log(`shard ${shard.index + 1} of ${shard.count} of seed ${baseSeed}`);
  const path = process.env.FUZZ_PATH || undefined;
  const replayPath = process.env.FUZZ_REPLAY_PATH || undefined;
  console.log(`seed: ${seed}${path ? ` (replaying path ${path})` : ''}`);
  console.log(`budget: ${seconds !== undefined ? `${seconds} s` : `${runs} runs`}`);
  const result = exploreAtRandom({
    seed,
    ...(runs !== undefined && { runs }),
    ...(seconds !== undefined && { seconds }),
    ...(path && { path }),
    ...(replayPath && { replayPath }),
  });
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
  console.log('every invariant held');
  return 0;
}

process.exitCode = main();
