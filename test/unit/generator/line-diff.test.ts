/**
 * The run comparison's line diff (generator/line-diff.ts, Myers in linear space) against its plain reference, the
 * full longest-common-subsequence table it replaced: over drawn line lists, both keep as many lines in common,
 * and the diff is a true edit script (its same and removed lines are `before`, its same and added lines `now`,
 * removed before added in each stretch). Then the sizes the table could not take: 25,000-line traces.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import fc from 'fast-check';
import { diffLines, MAX_EDIT_DISTANCE, type DiffLine } from '../../../generator/line-diff';

/** The reference: the length of a longest common subsequence, from the full (n+1) × (m+1) table. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  return table[0]![0]!;
}

/** Checks that `diff` is an edit script from `before` to `now`, removed lines first in each stretch. */
function checkScript(diff: readonly DiffLine[], before: readonly string[], now: readonly string[]): void {
  deepStrictEqual(
    diff.filter((l) => l.kind !== 'added').map((l) => l.text),
    before,
  );
  deepStrictEqual(
    diff.filter((l) => l.kind !== 'removed').map((l) => l.text),
    now,
  );
  for (let i = 1; i < diff.length; i++) {
    ok(!(diff[i - 1]!.kind === 'added' && diff[i]!.kind === 'removed'), `added before removed at line ${i}`);
  }
}

const same = (diff: readonly DiffLine[]) => diff.filter((l) => l.kind === 'same').length;

test('as many lines in common as the full table finds, in a true edit script', () => {
  const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 40 });
  let tried = 0;
  fc.assert(
    fc.property(lines, lines, (before, now) => {
      tried++;
      const diff = diffLines(before, now);
      checkScript(diff, before, now);
      equal(same(diff), lcsLength(before, now));
    }),
    { numRuns: 2000, seed: 20110712 },
  );
  equal(tried, 2000);
  deepStrictEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), [
    { kind: 'same', text: 'a' },
    { kind: 'removed', text: 'b' },
    { kind: 'added', text: 'x' },
    { kind: 'same', text: 'c' },
    { kind: 'added', text: 'd' },
  ]);
});

test('a 25,000-line trace against its baseline: edits found exactly, in linear space', () => {
  const before = Array.from({ length: 25_000 }, (_, i) => `Web → Application: message ${i}`);
  // Every 50th line replaced, every 101st removed, and lines added in between: 1,247 differences.
  const now: string[] = [];
  before.forEach((line, i) => {
    if (i % 101 === 0) return;
    now.push(i % 50 === 0 ? `${line} (changed)` : line);
    if (i % 997 === 0) now.push(`inserted after ${i}`);
  });
  const heap = process.memoryUsage().heapUsed;
  const diff = diffLines(before, now);
  // The full table took 25,000 × 25,000 cells (out of memory at 4.3 GB); what the heap grew by here, garbage
  // included, stays within the budget docs/engineering/hardening.md states.
  const grewMB = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  ok(grewMB < 64, `the heap grew by ${grewMB.toFixed(0)} MB`);
  checkScript(diff, before, now);
  const kept = before.filter((_, i) => i % 101 !== 0 && i % 50 !== 0).length;
  equal(same(diff), kept);
});

test('two unrelated 25,000-line traces compare in bounded time, as removed then added', () => {
  const before = Array.from({ length: 25_000 }, (_, i) => `before ${i}`);
  const now = Array.from({ length: 25_000 }, (_, i) => `now ${i}`);
  const started = performance.now();
  const heap = process.memoryUsage().heapUsed;
  const diff = diffLines(before, now);
  const grewMB = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  const seconds = (performance.now() - started) / 1000;
  ok(grewMB < 64, `the heap grew by ${grewMB.toFixed(0)} MB`);
  checkScript(diff, before, now);
  equal(same(diff), 0);
  // About (N + M) × MAX_EDIT_DISTANCE steps: under a second here; 30 s leaves room for a loaded machine.
  ok(seconds < 30, `${seconds.toFixed(1)} s for ${MAX_EDIT_DISTANCE} edits of search`);
});
