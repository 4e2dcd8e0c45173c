/**
 * No file under exploration/ is over 300 lines (the house rule for that folder): each concept in a file of its own
 * that a reader can take in whole. The check is shown to fail on a folder holding a file one line over.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const LIMIT = 300;
const root = join(__dirname, '..', '..', '..');

/** Each source file under `dir` with more than `limit` lines, as `path: N lines`, its path from `from`. */
function overLimit(dir: string, limit: number, from: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return overLimit(path, limit, from);
      if (!/\.(ts|tsx|js)$/.test(entry.name)) return [];
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      return lines > limit ? [`${relative(from, path)}: ${lines} lines`] : [];
    });
}

test(`no file under exploration/ is over ${LIMIT} lines`, () => {
  deepStrictEqual(overLimit(join(root, 'exploration'), LIMIT, root), []);
});

test('the check names a file one line over the limit, in a folder below', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-sizes-'));
  try {
    mkdirSync(join(dir, 'laws'));
    writeFileSync(join(dir, 'laws', 'long.ts'), 'x;\n'.repeat(LIMIT + 1));
    writeFileSync(join(dir, 'short.ts'), 'x;\n'.repeat(LIMIT));
    deepStrictEqual(overLimit(dir, LIMIT, dir), [`laws/long.ts: ${LIMIT + 1} lines`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
