/**
 * The merge verifies what it merges: a shard's report is read field by field (own keys only, counts as whole
 * numbers, nothing it does not know), and the reports must be every shard of each kind exactly once. Hostile
 * reports are drawn, not listed: each property says how many it tried.
 */
import { test } from 'node:test';
import { equal, match, ok, throws } from 'node:assert/strict';
import fc from 'fast-check';
import { LAWS } from '../../../exploration/laws';
import { mergeReports, type ShardReport } from '../../../exploration/state-space/shard-report';
import {
  checkShardSet,
  readShardReport,
  SHARD_REPORT_LIMITS,
  ShardReportError,
} from '../../../exploration/state-space/shard-report-reading';
import { anyText, deeplyNested, wrongType } from '../../../generator/hostile-values';

const SEED = 20110712;
const count = fc.nat({ max: 1_000_000 });
const key = anyText.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const record = fc.dictionary(key, count, { maxKeys: 4 });

const validReport: fc.Arbitrary<ShardReport> = fc
  .record({
    kind: fc.constantFrom('explore' as const, 'fuzz' as const),
    shard: fc.option(
      fc
        .nat({ max: 7 })
        .chain((index) => fc.record({ index: fc.constant(index), count: fc.integer({ min: index + 1, max: 8 }) })),
    ),
    run: anyText,
    distinctStates: count,
    steps: count,
    behaviour: fc.record({
      thresholds: record,
      eventsDuringOutages: record,
      concurrentCustomers: record,
      refusals: fc.dictionary(key, record, { maxKeys: 3 }),
      serverStates: record,
      instancesFailed: record,
      agentsActing: record,
    }),
    orderings: fc.array(anyText, { maxLength: 4 }),
    serverStates: fc.array(count, { maxLength: 4 }),
    premises: fc.record(Object.fromEntries(LAWS.map((law) => [law.id, count]))),
    counterexample: fc.option(fc.record({ steps: count, text: anyText })),
  })
  .map((r) => r as ShardReport);

/** Where a wrong value can go, and what belongs there. */
const SLOTS: readonly [path: readonly string[], allowed: Parameters<typeof wrongType>[0]][] = [
  [['kind'], 'string'],
  [['run'], 'string'],
  [['distinctStates'], 'count'],
  [['transitions'], 'count'],
  [['steps'], 'count'],
  [['shard'], 'object'],
  [['behaviour'], 'object'],
  [['behaviour', 'refusals'], 'object'],
  [['behaviour', 'thresholds'], 'object'],
  [['behaviour', 'serverStates', 'Application down'], 'count'],
  [['behaviour', 'refusals', 'restore', 'not down'], 'count'],
  [['orderings'], 'list'],
  [['serverStates'], 'list'],
  [['premises', LAWS[0]!.id], 'count'],
  [['counterexample'], 'object'],
];

function withValue(report: ShardReport, path: readonly string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
  let at = copy;
  for (const step of path.slice(0, -1))
    at = (at[step] = typeof at[step] === 'object' && at[step] ? at[step] : {}) as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

const oneLineNaming = (file: string) => (error: unknown) =>
  error instanceof ShardReportError && error.message.startsWith(`${file}: `) && !error.message.includes('\n');

test('a report of the right shape is read as written', () => {
  let tried = 0;
  fc.assert(
    fc.property(validReport, (report) => {
      tried++;
      equal(JSON.stringify(readShardReport(JSON.stringify(report), 'r.json')), JSON.stringify(report));
    }),
    { numRuns: 300, seed: SEED },
  );
  equal(tried, 300);
});

test('a wrong value in any field is one line naming the report and the field', () => {
  const wrong = fc
    .constantFrom(...SLOTS)
    .chain(([path, allowed]) =>
      fc.tuple(fc.constant(path), allowed === 'string' && path[0] === 'kind' ? anyText : wrongType(allowed)),
    );
  fc.assert(
    fc.property(validReport, wrong, (report, [path, value]) => {
      // "kind" as any text is wrong unless it happens to be a kind; an "object" slot given an object is not
      // necessarily wrong, so only values of another type go there.
      fc.pre(!(path[0] === 'kind' && (value === 'explore' || value === 'fuzz')));
      fc.pre(!(path[0] === 'counterexample' && value === null) && !(path[0] === 'shard' && value === null));
      const text = JSON.stringify(withValue(report, path, value));
      throws(
        () => readShardReport(text, 'r.json'),
        (error: unknown) => {
          ok(oneLineNaming('r.json')(error), String(error));
          ok(
            (error as Error).message.includes(`"${path[0]}`) || (error as Error).message.includes('"shard.'),
            String(error),
          );
          return true;
        },
      );
    }),
    { numRuns: 1000, seed: SEED },
  );
});

test('inherited and prototype-changing keys are refused wherever a record takes keys', () => {
  for (const name of ['__proto__', 'constructor', 'prototype']) {
    for (const at of [
      '"refusals":{"NAME":{"x":10000000}}',
      '"refusals":{"x":{"NAME":10000000}}',
      '"refusals":{},"thresholds":{"NAME":1}',
    ]) {
      const text = `{"kind":"explore","shard":null,"run":"d","behaviour":{${at.replace('NAME', name)}},"counterexample":null}`;
      throws(
        () => readShardReport(text, 'p.json'),
        (e: Error) => oneLineNaming('p.json')(e) && e.message.includes(name),
      );
    }
  }
  // The issue's input: ten million states added through "__proto__" to the printed total.
  const proto =
    '{"kind":"explore","shard":null,"run":"d","behaviour":{"refusals":{"__proto__":{"x":10000000}}},"counterexample":null}';
  throws(() => readShardReport(proto, 'p.json'), /p\.json: "behaviour\.refusals\.__proto__" must be absent/);
  throws(
    () => readShardReport('{"kind":"fuzz","shard":null,"run":"s","steps":"5","counterexample":null}', 's.json'),
    /^ShardReportError: s\.json: "steps" must be a whole number from 0 to 9,007,199,254,740,991, not "5"$/,
  );
});

test('any JSON, any text, deep nesting and huge files: read as a report or one line naming the file', () => {
  let tried = 0;
  const anyFile = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ unit: 'binary' }));
  const nested = fc.integer({ min: 1_000, max: 200_000 }).chain(deeplyNested);
  for (const [files, runs] of [
    [anyFile, 300],
    [nested, 20],
  ] as const) {
    fc.assert(
      fc.property(files, (text) => {
        tried++;
        try {
          readShardReport(text, 'j.json');
        } catch (error) {
          ok(oneLineNaming('j.json')(error), String(error));
        }
      }),
      { numRuns: runs, seed: SEED },
    );
  }
  equal(tried, 320);
  throws(
    () => readShardReport(' '.repeat(SHARD_REPORT_LIMITS.bytes + 1), 'big.json'),
    /^ShardReportError: big\.json: 16,777,217 characters, more than/,
  );
  throws(
    () => readShardReport('', 'empty.json'),
    /empty\.json: not a complete JSON report \(empty: the shard did not finish writing it\)/,
  );
  throws(
    () => readShardReport('{"kind":"fuzz","shard":null,"run":"s","counterexa', 'cut.json'),
    /cut\.json: not a complete JSON report/,
  );
});

test('the merge takes every shard of each kind exactly once, or names what is missing or twice', () => {
  const report = (kind: 'explore' | 'fuzz', index: number, total: number): ShardReport => ({
    kind,
    shard: { index, count: total },
    run: kind === 'explore' ? 'deep' : `seed ${index}`,
    counterexample: null,
  });
  let tried = 0;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.nat({ max: 4 }), { maxLength: 7 }), (total, picks) => {
      tried++;
      const indices = picks.filter((i) => i < total);
      const reports = indices.map((i, n) => ({ file: `f${n}.json`, report: report('fuzz', i, total) }));
      const whole = indices.length === total && new Set(indices).size === total;
      if (whole) checkShardSet(reports);
      else if (reports.length)
        throws(
          () => checkShardSet(reports),
          (e: Error) => e instanceof ShardReportError && /missing|again/.test(e.message),
        );
    }),
    { numRuns: 500, seed: SEED },
  );
  equal(tried, 500);
  const one = { file: 'a.json', report: report('explore', 0, 2) };
  throws(
    () => checkShardSet([one]),
    /^ShardReportError: explore shard 2\/2 missing from the reports given \(a\.json\)/,
  );
  throws(() => checkShardSet([one, { ...one, file: 'b.json' }]), /b\.json: explore shard 1\/2 again \(also a\.json\)/);
  throws(
    () => checkShardSet([one, { file: 'c.json', report: { ...report('explore', 1, 2), run: 'default' } }]),
    /c\.json: explored bounds "default", but a\.json explored "deep"/,
  );
  throws(
    () => checkShardSet([one, { file: 'd.json', report: report('explore', 1, 3) }]),
    /d\.json: explore shard 2\/3, but a\.json is one of 2/,
  );
  throws(
    () =>
      checkShardSet([
        { file: 'u.json', report: { ...report('fuzz', 0, 1), shard: null } },
        { file: 'v.json', report: report('fuzz', 0, 1) },
      ]),
    /u\.json: a fuzz run without shards is merged alone, not with v\.json/,
  );
  checkShardSet([
    one,
    { file: 'b.json', report: report('explore', 1, 2) },
    { file: 'f.json', report: report('fuzz', 0, 1) },
  ]);
});

test('merged counts are sums of numbers, never of text, and never past 2^53', () => {
  const base = { kind: 'fuzz' as const, run: 's', counterexample: null };
  const merged = mergeReports([
    { ...base, shard: { index: 0, count: 2 }, steps: 5 },
    { ...base, shard: { index: 1, count: 2 }, steps: 7 },
  ]);
  equal(merged.steps, 12);
  throws(
    () =>
      mergeReports([
        { ...base, shard: null, steps: 2 ** 53 - 1 },
        { ...base, shard: null, steps: 1 },
      ]),
    /the shards' fuzzing steps add up past 2\^53 - 1/,
  );
  const refusals = JSON.parse('{"constructor":{"toString":3}}') as Record<string, Record<string, number>>;
  const ledger = mergeReports([
    {
      ...base,
      shard: null,
      behaviour: {
        thresholds: {},
        eventsDuringOutages: {},
        concurrentCustomers: {},
        refusals,
        serverStates: {},
        instancesFailed: {},
        agentsActing: {},
      },
    },
  ]).behaviour;
  match(ledger.describe().join('\n'), /constructor: toString {2}\(3\)/);
});
