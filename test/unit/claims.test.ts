/**
 * The claims register and the features agree: every statement of the source is covered by at least one
 * scenario, every claim tag names a claim, and every other tag is one the project defines.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { CLAIM_TAG, OTHER_TAGS, loadClaims } from '../../features/claims-register';

const featuresDir = join(__dirname, '..', '..', 'features');

function pickles() {
  const newId = IdGenerator.incrementing();
  return readdirSync(featuresDir)
    .filter((file) => file.endsWith('.feature'))
    .flatMap((file) => {
      const uri = `features/${file}`;
      const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
      const document = parser.parse(readFileSync(join(featuresDir, file), 'utf8'));
      return compile(document, uri, newId).map((pickle) => ({
        uri,
        name: pickle.name,
        tags: pickle.tags.map((t) => t.name),
      }));
    });
}

test('every claim of the source is covered by a scenario', () => {
  const covered = new Set(pickles().flatMap((p) => p.tags));
  const uncovered = loadClaims()
    .filter((claim) => !covered.has(`@${claim.id}`))
    .map((c) => c.id);
  deepStrictEqual(uncovered, [], `Claims no scenario covers: ${uncovered.join(', ')}`);
});

test('every tag names a claim or one of the project tags', () => {
  const ids = new Set(loadClaims().map((claim) => `@${claim.id}`));
  const unknown = pickles().flatMap((p) =>
    p.tags
      .filter((tag) => (CLAIM_TAG.test(tag) ? !ids.has(tag) : !OTHER_TAGS.includes(tag)))
      .map((tag) => `${tag} on "${p.name}" (${p.uri})`),
  );
  deepStrictEqual(unknown, [], `Tags that name nothing:\n${unknown.join('\n')}`);
});

test('claims the source marks as incorrect behaviour are covered by @known-defect scenarios only', () => {
  const defects = loadClaims().filter((claim) => claim.defect);
  ok(defects.length > 0);
  for (const claim of defects) {
    const covering = pickles().filter((p) => p.tags.includes(`@${claim.id}`));
    ok(covering.length > 0);
    for (const p of covering)
      ok(p.tags.includes('@known-defect'), `"${p.name}" covers ${claim.id} without @known-defect`);
  }
});

test('claim ids are unique and well formed', () => {
  const ids = loadClaims().map((claim) => claim.id);
  deepStrictEqual(ids.length, new Set(ids).size);
  for (const id of ids) ok(CLAIM_TAG.test(`@${id}`), id);
});
