/**
 * The history file as a file: a folder, a line of any size, any JSON, and any field of a run of the wrong type
 * (an array for `startedAt`, a string for `stepsPerSecond`) is one line naming the file, the line and the field;
 * nothing of it reaches a page as NaN or a crash. The values are drawn; each property says how many it tried.
 */
import { test } from 'node:test';
import { equal, match, ok, throws } from 'node:assert/strict';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { HISTORY_LIMITS, HISTORY_VERSION, HistoryError, parseHistory } from '../../../generator/history';
import { generateDocs } from '../../support/generate-docs';
import { anyText, deeplyNested, wrongType } from '../../../generator/hostile-values';

const root = join(__dirname, '..', '..', '..');
const SEED = 20110712;

const entry = () => ({
  version: HISTORY_VERSION,
  run: '2026-12-07T10:00:00.000Z 1200 ms abc1234',
  startedAt: '2026-12-07T10:00:00.000Z',
  commit: 'abc1234',
  milliseconds: 1200,
  success: true,
  stepsPerSecond: 52000,
  features: { 'features/a.feature': '0123456789abcdef' },
  model: 'fedcba9876543210',
  scenarios: [
    {
      feature: 'features/a.feature',
      name: 'A chat survives',
      page: 'features/a',
      anchor: 'a-chat-survives',
      status: 'passed',
      milliseconds: 12,
      endState: '0123456789abcdef',
      trace: null,
    },
  ],
});

const SLOTS: readonly [
  field: string,
  allowed: Parameters<typeof wrongType>[0] | 'textOrNull' | 'countOrNull' | 'boolean' | 'number',
][] = [
  ['run', 'string'],
  ['model', 'string'],
  ['startedAt', 'textOrNull'],
  ['commit', 'textOrNull'],
  ['milliseconds', 'number'],
  ['success', 'boolean'],
  ['stepsPerSecond', 'countOrNull'],
  ['features', 'object'],
  ['scenarios', 'list'],
  ['scenarios.0.name', 'string'],
  ['scenarios.0.milliseconds', 'number'],
  ['scenarios.0.endState', 'textOrNull'],
];

const isWrongFor = (allowed: string, value: unknown): boolean =>
  allowed === 'textOrNull'
    ? value !== null && typeof value !== 'string'
    : allowed === 'countOrNull'
      ? value !== null && !(typeof value === 'number' && value >= 0)
      : allowed === 'boolean'
        ? typeof value !== 'boolean'
        : allowed === 'number'
          ? typeof value !== 'number'
          : true;

test('a run of the history with any field of the wrong type is refused by file, line and field', () => {
  equal(parseHistory(JSON.stringify(entry()), 'h.ndjson').length, 1);
  let tried = 0;
  const wrong = fc
    .constantFrom(...SLOTS)
    .chain(([field, allowed]) =>
      fc.tuple(
        fc.constant(field),
        ['textOrNull', 'countOrNull', 'boolean', 'number'].includes(allowed)
          ? fc.jsonValue({ maxDepth: 2 }).filter((v) => isWrongFor(allowed, v))
          : wrongType(allowed as Parameters<typeof wrongType>[0]),
      ),
    );
  fc.assert(
    fc.property(wrong, ([field, value]) => {
      tried++;
      const run: Record<string, unknown> = entry();
      const path = field.split('.');
      let at: Record<string, unknown> = run;
      for (const step of path.slice(0, -1)) at = at[step] as Record<string, unknown>;
      at[path.at(-1)!] = value;
      const text = `${JSON.stringify(entry())}\n${JSON.stringify(run)}\n`;
      throws(
        () => parseHistory(text, 'h.ndjson'),
        (e: unknown) =>
          e instanceof HistoryError &&
          /^h\.ndjson:2: not a run of the history: /.test(e.message) &&
          !e.message.includes('\n'),
      );
    }),
    { numRuns: 1000, seed: SEED },
  );
  equal(tried, 1000);
  throws(
    () => parseHistory(JSON.stringify({ ...entry(), startedAt: ['2026'] }), 'h.ndjson'),
    /h\.ndjson:1: not a run of the history: "startedAt" should be a string or null/,
  );
  throws(
    () => parseHistory(JSON.stringify({ ...entry(), stepsPerSecond: '52000' }), 'h.ndjson'),
    /h\.ndjson:1: not a run of the history: "stepsPerSecond" should be a number of 0 or more, or null/,
  );
});

test('any text, deep nesting and overlong lines: read or one line naming the file and line', () => {
  let tried = 0;
  const files = fc.oneof(
    fc.array(fc.oneof(fc.json({ maxDepth: 3 }), anyText), { maxLength: 4 }).map((lines) => lines.join('\n')),
    fc.integer({ min: 1_000, max: 100_000 }).chain(deeplyNested),
  );
  fc.assert(
    fc.property(files, (text) => {
      tried++;
      try {
        parseHistory(text, 'h.ndjson');
      } catch (error) {
        ok(error instanceof HistoryError, String(error));
        match(error.message, /^h\.ndjson:\d+: [^\n]+$/);
      }
    }),
    { numRuns: 400, seed: SEED },
  );
  equal(tried, 400);
  const long = `${JSON.stringify(entry())}\n${' '.repeat(HISTORY_LIMITS.lineLength + 1)}`;
  throws(() => parseHistory(long, 'h.ndjson'), /h\.ndjson:2: a line of 33,554,433 characters, more than a run takes/);
  throws(() => parseHistory('\n'.repeat(HISTORY_LIMITS.runs + 1), 'h.ndjson'), /h\.ndjson:1001: more than 1000 runs/);
});

test('a history file that is a folder stops the generator with one line, exit status 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-file-'));
  const folder = join(dir, 'history.ndjson');
  mkdirSync(folder);
  const result = generateDocs(join(root, 'test', 'fixtures', 'hostile-text', 'messages.ndjson'), dir, [
    '--history',
    folder,
  ]);
  equal(result.status, 2, result.stderr);
  match(
    result.stderr,
    /^generate-docs: \S*history\.ndjson: it is a folder; give --history a file, or delete it to start a new history\n$/,
  );
});
