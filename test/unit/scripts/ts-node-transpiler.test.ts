/**
 * The cached transpiler (scripts/ts-node-transpiler.js, named in tsconfig.json's "ts-node" block) against the plain
 * reference it wraps, ts-node's own swc transpiler: for every TypeScript file of the project, the output ts-node
 * gives through the cache is the output it gives through swc with no cache, once the cache holds it and after the
 * source changes (a stale entry must never be served).
 */
import { test } from 'node:test';
import { equal, notEqual, ok } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { create } from 'ts-node';

const root = join(__dirname, '..', '..', '..');
const project = join(root, 'tsconfig.json');
const FOLDERS = ['model', 'steps', 'exploration', 'plans', 'generator', 'diagnosis', 'diagnostics', 'scripts', 'test'];

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const cached = create({ project });
const plain = create({ project, transpiler: require.resolve('ts-node/transpilers/swc') });

test('tsconfig.json loads TypeScript through the cached swc transpiler, transpile only', () => {
  const config = JSON.parse(readFileSync(project, 'utf8')) as { 'ts-node': Record<string, unknown> };
  equal(config['ts-node'].transpileOnly, true);
  equal(config['ts-node'].transpiler, './scripts/ts-node-transpiler.js');
});

test('every file of the project compiles through the cache exactly as through ts-node’s swc transpiler', () => {
  const files = FOLDERS.flatMap((folder) => typeScriptFiles(join(root, folder)));
  ok(files.length > 200, `only ${files.length} TypeScript files found`);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const expected = plain.compile(source, file);
    // Twice: the first may compile and keep the output, the second reads it back.
    equal(cached.compile(source, file), expected, relative(root, file));
    equal(cached.compile(source, file), expected, `${relative(root, file)}, read back`);
  }
});

test('a changed source is compiled again, never served from the cache', () => {
  const file = join(root, 'model', 'parameters.ts');
  const source = readFileSync(file, 'utf8');
  const before = cached.compile(source, file);
  const changed = `${source}\nexport const addedByTheTest = 1;\n`;
  const after = cached.compile(changed, file);
  notEqual(after, before);
  equal(after, plain.compile(changed, file));
  ok(after.includes('addedByTheTest'));
  // And the original again, which the cache no longer holds.
  equal(cached.compile(source, file), plain.compile(source, file));
});
