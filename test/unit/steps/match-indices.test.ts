/**
 * steps/support/match_indices.ts replaces cucumber-expressions' step matching (its regexp-match-indices
 * polyfill) by one over Node's native match indices. Here both match every step of the suite's features against
 * every step definition: the groups (values, positions, nested groups) must be the same, and the replacement
 * must be in place (a cucumber-expressions whose shape changed would silently keep the slow matching).
 */
import { test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { loadConfiguration, loadSupport } from '@cucumber/cucumber/api';
import { polyfilledMatch, type TreeRegexp } from '../../../steps/support/match_indices';

const root = join(__dirname, '..', '..', '..');

function stepTexts(): string[] {
  const newId = IdGenerator.incrementing();
  const features = join(root, 'features');
  return readdirSync(features)
    .filter((file) => file.endsWith('.feature'))
    .flatMap((file) => {
      const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
      const document = parser.parse(readFileSync(join(features, file), 'utf8'));
      return compile(document, `features/${file}`, newId).flatMap((pickle) => pickle.steps.map((s) => s.text));
    });
}

test('step matching through native match indices gives the polyfill’s groups for every step of the suite', async () => {
  ok(polyfilledMatch, 'cucumber-expressions no longer has the shape steps/support/match_indices.ts replaces');
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { require: ['steps/**/*.ts'], requireModule: [], format: [] } },
    { cwd: root },
  );
  // The API types the library as opaque; its step definitions carry their expressions.
  const support = (await loadSupport(runConfiguration, { cwd: root })) as unknown as {
    stepDefinitions: readonly { pattern: string | RegExp; expression: unknown }[];
  };
  const texts = [...new Set(stepTexts())];
  let matched = 0;
  for (const definition of support.stepDefinitions) {
    const tree = (definition.expression as { treeRegexp: TreeRegexp }).treeRegexp;
    ok(tree.match !== polyfilledMatch, 'the step definitions match through the polyfill');
    for (const text of texts) {
      const native = tree.match(text);
      deepStrictEqual(native, polyfilledMatch.call(tree, text), `"${definition.pattern}" on "${text}"`);
      if (native) matched++;
    }
  }
  ok(matched >= texts.length, `only ${matched} matches for ${texts.length} distinct steps`);
});
