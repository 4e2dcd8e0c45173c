/**
 * The project reads Gherkin and cucumber messages with the very packages cucumber-js runs with: the claims test
 * parses the features with cucumber's Gherkin parser, and the generator checks messages against the schema of the
 * `@cucumber/messages` cucumber-js writes them with. If a bump of either side lets them drift apart, this fails,
 * naming both versions.
 */
import { strictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { SCHEMA_FILE } from '../../../generator/message-schema';

const root = join(__dirname, '..', '..', '..');
const project = createRequire(join(root, 'package.json'));

/** The folder of a package as `from` resolves it (package.json is not always exported). */
function packageDir(name: string, from: NodeJS.Require): string {
  let dir = dirname(from.resolve(name));
  while (!dir.endsWith(join('node_modules', name))) dir = dirname(dir);
  return dir;
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

const cucumberDir = packageDir('@cucumber/cucumber', project);
const cucumber = createRequire(join(cucumberDir, 'package.json'));

for (const name of ['@cucumber/gherkin', '@cucumber/messages']) {
  test(`${name} is the one cucumber-js runs with`, () => {
    const pinned = manifest(cucumberDir).dependencies?.[name];
    const ours = manifest(packageDir(name, project)).version;
    strictEqual(ours, pinned, `the project resolves ${name} ${ours}, cucumber-js depends on ${pinned}`);
    strictEqual(
      packageDir(name, project),
      packageDir(name, cucumber),
      `${name}: cucumber-js resolves a copy of its own, not the project's`,
    );
    strictEqual(
      manifest(root).devDependencies?.[name],
      pinned,
      `package.json should ask for ${name} ${pinned} exactly`,
    );
  });
}

test('the generator reads the schema of the messages cucumber-js writes with', () => {
  strictEqual(SCHEMA_FILE, cucumber.resolve('@cucumber/messages/schema'));
});
