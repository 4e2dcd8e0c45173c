// The tests mirror the source folders (docs/engineering/layout.md): a unit test lives in test/unit/<folder>/ named
// after the source folder it tests, a browser test in test/browser/, and what tests share in test/support/. This
// also keeps every test file inside the globs package.json runs, so that none is silently never run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const testDir = join(root, 'test');

/** The files under `dir`, at any depth, relative to the checkout. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(root, path));

test('each unit test folder is named after a source folder, and holds only tests', () => {
  const unit = join(testDir, 'unit');
  const misplaced: string[] = [];
  for (const name of readdirSync(unit)) {
    const path = join(unit, name);
    if (!statSync(path).isDirectory()) misplaced.push(`test/unit/${name}: a file at the top of test/unit`);
    else if (!existsSync(join(root, name)) || !statSync(join(root, name)).isDirectory())
      misplaced.push(`test/unit/${name}/: no source folder ${name}/ to mirror`);
    else
      for (const file of filesUnder(path))
        if (!file.endsWith('.test.ts')) misplaced.push(`${file}: not a test (helpers belong in test/support/)`);
  }
  assert.deepEqual(misplaced, []);
});

test('test/browser holds only browser tests; helpers are in test/support/', () => {
  const stray = filesUnder(join(testDir, 'browser')).filter((file) => !file.endsWith('.test.ts'));
  assert.deepEqual(stray, []);
});

test('every test file is one that npm test runs', () => {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  assert.match(scripts['test:unit'] ?? '', /--test test\/unit\/\*\/\*\.test\.ts$/);
  const run = readFileSync(join(testDir, 'support', 'browser', 'run.ts'), 'utf8');
  assert.match(run, /join\(root, 'test', 'browser'\)/);
  const tests = filesUnder(testDir).filter((file) => file.endsWith('.test.ts'));
  const outside = tests.filter(
    (file) => !/^test\/unit\/[^/]+\/[^/]+\.test\.ts$/.test(file) && !/^test\/browser\/[^/]+\.test\.ts$/.test(file),
  );
  assert.deepEqual(outside, []);
});
