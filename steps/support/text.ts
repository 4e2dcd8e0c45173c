/** Comparing what a screen shows with what a feature quotes, with a message that shows both. */
import { deepStrictEqual } from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';

/** Lines of a doc string, each trimmed: the source's transcripts carry stray indentation from screenshots. */
export function lines(docString: string): string[] {
  return docString
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function expectLines(what: string, actual: readonly string[], expected: readonly string[]): void {
  deepStrictEqual(
    [...actual],
    [...expected],
    `${what} shows:\n  ${actual.join('\n  ') || '(nothing)'}\nbut the feature expects:\n  ${expected.join('\n  ')}`,
  );
}

export function expectEndsWith(what: string, actual: readonly string[], expected: readonly string[]): void {
  expectLines(what + ' ends with', actual.slice(Math.max(0, actual.length - expected.length)), expected);
}

export function expectNotShown(what: string, actual: readonly string[], line: string): void {
  if (actual.includes(line)) {
    throw new Error(`${what} should not show "${line}", but shows:\n  ${actual.join('\n  ')}`);
  }
}

/**
 * Compares rows with a table, column by column, over the table's columns only. Values are compared as text, so
 * `5000` in a feature matches the number 5000.
 */
export function expectRows(what: string, actual: readonly object[], table: DataTable): void {
  const expected = table.hashes();
  const columns = table.raw()[0] ?? [];
  const shown = actual.map((row) =>
    Object.fromEntries(
      columns.map((column) => [column, String((row as Record<string, unknown>)[column] ?? '(no such column)')]),
    ),
  );
  const render = (rows: Record<string, string>[]) =>
    rows.length === 0
      ? '  (no rows)'
      : rows.map((row) => '  | ' + columns.map((c) => row[c]).join(' | ') + ' |').join('\n');
  deepStrictEqual(
    shown,
    expected,
    `${what} returned:\n  | ${columns.join(' | ')} |\n${render(shown)}\nbut the feature expects:\n  | ${columns.join(' | ')} |\n${render(expected)}`,
  );
}
