/**
 * `npm run fuzz` reads its budget, seed and plan from the environment: every wrong value is one line naming it,
 * zero runs is an error rather than "every invariant held", and the seed printed is the seed fast-check used.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { exploreAtRandom } from '../../../exploration/random';
import { EXIT } from '../../../scripts/exit-status';
import { FuzzInputError, fuzzInputs } from '../../../scripts/fuzz-inputs';
import { anyText, deeplyNested } from '../../../generator/hostile-values';

const read = (env: Record<string, string>) => fuzzInputs(env, () => 42, 7);
const refused = (env: Record<string, string>, message: RegExp) =>
  throws(
    () => read(env),
    (e: Error) => e instanceof FuzzInputError && message.test(e.message),
  );

test('budgets: zero and negative runs are errors that say so; garbage is named', () => {
  refused(
    { FUZZ_RUNS: '0' },
    /^FUZZ_RUNS=0 is zero; it must be the number of plans to run: a whole number from 1 to 100,000,000$/,
  );
  refused({ FUZZ_RUNS: '-5' }, /^FUZZ_RUNS=-5 is negative/);
  refused({ FUZZ_RUNS: '1e3' }, /^FUZZ_RUNS="1e3" is not the number of plans/);
  refused({ FUZZ_SECONDS: '0' }, /^FUZZ_SECONDS=0 is zero/);
  refused({ FUZZ_SECONDS: '-1' }, /^FUZZ_SECONDS=-1 is negative/);
  refused({ FUZZ_SECONDS: 'ten' }, /^FUZZ_SECONDS="ten" is not a time budget in seconds/);
  refused({ FUZZ_RUNS: '5', FUZZ_SECONDS: '5' }, /both set/);
  deepStrictEqual(read({}), { kind: 'random', shard: null, report: null, seed: 42, seedFrom: 'random', runs: 1000 });
  deepStrictEqual(read({ CI: 'true', FUZZ_SECONDS: '60' }), {
    kind: 'random',
    shard: null,
    report: null,
    seed: 7,
    seedFrom: 'CI',
    seconds: 60,
  });
});

test('a seed fast-check would fold into another one is refused; any other is used exactly', () => {
  refused(
    { FUZZ_SEED: '4294967297' },
    /^FUZZ_SEED=4294967297 is out of range; it must be the seed: a whole number from -2,147,483,648 to 2,147,483,647$/,
  );
  refused({ FUZZ_SEED: '2147483648' }, /out of range/);
  refused({ FUZZ_SEED: '12.5' }, /is not the seed/);
  for (const seed of [2147483647, -2147483648, 0]) {
    const inputs = read({ FUZZ_SEED: String(seed), FUZZ_RUNS: '1' });
    equal(inputs.kind === 'random' && inputs.seed, seed);
    equal(exploreAtRandom({ seed, runs: 1 }).seed, seed);
  }
});

test('FUZZ_PLAN: a missing file or a bad plan is one sentence', () => {
  refused(
    { FUZZ_PLAN: '/no/such/plan.json' },
    /^FUZZ_PLAN=\/no\/such\/plan.json: there is no such file; give the path of a JSON plan/,
  );
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-inputs-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, '[{"type":"toString"}]');
  refused({ FUZZ_PLAN: file }, /step 1: "type" must be one of fail/);
  writeFileSync(file, '[{"type":"wait","seconds":10000000000000}]');
  refused({ FUZZ_PLAN: file }, /step 1: "seconds" must be a whole number from 1 to 31,622,400 seconds/);
  writeFileSync(file, '[{"type":"wait","seconds":60}]');
  deepStrictEqual(read({ FUZZ_PLAN: file }), { kind: 'plan', file, plan: [{ type: 'wait', seconds: 60 }] });
  refused({ FUZZ_PLAN: file, FUZZ_RUNS: '3' }, /FUZZ_RUNS would be ignored/);
});

test('npm run fuzz prints a wrong value as one line, with no stack trace, and exits 2', () => {
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register', 'scripts/fuzz.ts'], {
    cwd: join(__dirname, '..', '..', '..'),
    env: { ...process.env, FUZZ_RUNS: '-5' },
    encoding: 'utf8',
  });
  equal(run.status, 2);
  equal(run.stdout, '');
  match(run.stderr, /^npm run fuzz: FUZZ_RUNS=-5 is negative; [^\n]+\n$/);
});

test('FUZZ_PATH: a fast-check path within the runs a fuzzer can reach, or one line', () => {
  refused(
    { FUZZ_PATH: '99999999999999' },
    /^FUZZ_PATH=99999999999999 starts at run 99999999999999, past 100,000,000: /,
  );
  refused({ FUZZ_PATH: '1:x' }, /^FUZZ_PATH="1:x" is not a fast-check path such as 12:0:3/);
  refused({ FUZZ_PATH: '\u202e12' }, /^FUZZ_PATH="\\u202e12" is not a fast-check path/);
  refused({ FUZZ_REPLAY_PATH: 'AAA' }, /FUZZ_REPLAY_PATH is set without FUZZ_PATH/);
  refused({ FUZZ_PATH: '3', FUZZ_REPLAY_PATH: 'a\nb' }, /^FUZZ_REPLAY_PATH="a\\nb" is not a replay path/);
  const inputs = read({ FUZZ_PATH: '12:0:3' });
  equal(inputs.kind === 'random' && inputs.path, '12:0:3');
});

test('with FUZZ_PLAN, every variable only the random phase reads is named as ignored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-inputs-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, '[{"type":"wait","seconds":60}]');
  for (const name of ['FUZZ_REPORT', 'FUZZ_SHARD', 'FUZZ_REPLAY_PATH', 'FUZZ_RUNS', 'FUZZ_SEED', 'FUZZ_PATH']) {
    refused(
      { FUZZ_PLAN: file, [name]: '1' },
      new RegExp(`^FUZZ_PLAN checks one plan; ${name} would be ignored: leave them unset$`),
    );
  }
  writeFileSync(file, ' '.repeat(1_000_001));
  refused(
    { FUZZ_PLAN: file },
    /^FUZZ_PLAN=\S+: it holds 1,000,001 bytes, more than the 1,000,000 a plan of at most 500 steps takes/,
  );
  refused({ FUZZ_PLAN: dir }, /^FUZZ_PLAN=\S+: it is a folder; give the path of a JSON plan/);
  refused({ FUZZ_SHARD: '5/4' }, /^FUZZ_SHARD must be "i\/n"/);
});

test('any text in any FUZZ_ variable is read or refused in one line naming the variable', () => {
  let tried = 0;
  const names = ['FUZZ_RUNS', 'FUZZ_SECONDS', 'FUZZ_SEED', 'FUZZ_PATH', 'FUZZ_SHARD'] as const;
  fc.assert(
    fc.property(
      fc.constantFrom(...names),
      fc.oneof(anyText, fc.integer().map(String), fc.double().map(String)),
      (name, raw) => {
        tried++;
        try {
          read({ [name]: raw });
        } catch (error) {
          ok(error instanceof FuzzInputError, String(error));
          ok(error.message.startsWith(name) && !error.message.includes('\n'), error.message);
        }
      },
    ),
    { numRuns: 1000, seed: 20110712 },
  );
  equal(tried, 1000);
});

test('npm run fuzz: a plan the model refuses is its own exit status, with a sentence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-inputs-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, '[{"type":"restore","server":"Messaging"}]');
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register', 'scripts/fuzz.ts'], {
    cwd: join(__dirname, '..', '..', '..'),
    env: { ...process.env, FUZZ_PLAN: file },
    encoding: 'utf8',
  });
  equal(run.status, EXIT.planRefused, run.stderr);
  match(
    run.stdout,
    /^\S+plan\.json: the model refuses this plan, so no invariant was checked past it: Step 1 \(.*\) was refused: .+\n$/,
  );
});

test('npm run fuzz: a FUZZ_PATH that replays no counterexample says so, and is no pass', () => {
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register', 'scripts/fuzz.ts'], {
    cwd: join(__dirname, '..', '..', '..'),
    env: { ...process.env, FUZZ_SEED: '1', FUZZ_PATH: '20000', FUZZ_RUNS: '3' },
    encoding: 'utf8',
  });
  equal(run.status, EXIT.pathReproducedNothing, run.stderr);
  match(
    run.stdout,
    /replaying FUZZ_PATH=20000 with seed 1 broke no invariant in 3 runs: the path leads to no counterexample/,
  );
});

test('FUZZ_PLAN holding any JSON, any text or JSON nested thousands deep: a plan or one line naming FUZZ_PLAN', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-inputs-'));
  const file = join(dir, 'plan.json');
  let tried = 0;
  const texts = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: 'binary' }),
    fc.integer({ min: 9, max: 200_000 }).chain(deeplyNested),
    fc.integer({ min: 9, max: 50_000 }).map((n) => `[{"type":"wait","seconds":${'['.repeat(n)}${']'.repeat(n)}}]`),
  );
  fc.assert(
    fc.property(texts, (text) => {
      tried++;
      writeFileSync(file, text);
      try {
        read({ FUZZ_PLAN: file });
      } catch (error) {
        ok(error instanceof FuzzInputError, String(error));
        ok(error.message.startsWith('FUZZ_PLAN') && !error.message.includes('\n'), error.message);
      }
    }),
    { numRuns: 300, seed: 20110712 },
  );
  equal(tried, 300);
  writeFileSync(file, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  refused({ FUZZ_PLAN: file }, /: arrays and objects nested 100000 deep; a plan's steps nest at most 8$/);
});
