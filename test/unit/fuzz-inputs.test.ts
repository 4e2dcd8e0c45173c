/**
 * `npm run fuzz` reads its budget, seed and plan from the environment: every wrong value is one line naming it,
 * zero runs is an error rather than "every invariant held", and the seed printed is the seed fast-check used.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, match, throws } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exploreAtRandom } from '../../exploration/random';
import { FuzzInputError, fuzzInputs } from '../../scripts/fuzz-inputs';

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
  const run = spawnSync(process.execPath, ['--require', './test/register.js', 'scripts/fuzz.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, FUZZ_RUNS: '-5' },
    encoding: 'utf8',
  });
  equal(run.status, 2);
  equal(run.stdout, '');
  match(run.stderr, /^npm run fuzz: FUZZ_RUNS=-5 is negative; [^\n]+\n$/);
});
