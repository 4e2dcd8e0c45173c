/** Commands shown in the hand-written docs exist: every `npm run x` they mention is a script in package.json. */
import { test } from 'node:test';
import { deepStrictEqual } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

test('every npm script the hand-written pages mention exists', () => {
  const scripts = Object.keys(
    (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: object }).scripts,
  );
  const missing: string[] = [];
  for (const file of readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(root, 'docs', file), 'utf8');
    for (const [, name] of text.matchAll(/npm run ([\w:-]+)/g)) {
      if (!scripts.includes(name!)) missing.push(`${file}: npm run ${name}`);
    }
    for (const [, name] of text.matchAll(/npm (start|test)\b/g)) {
      if (!scripts.includes(name!)) missing.push(`${file}: npm ${name}`);
    }
  }
  deepStrictEqual(missing, []);
});
