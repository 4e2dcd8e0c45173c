/**
 * The evidence register and the features agree: every statement of the source is checked by an asserted line
 * of a scenario, every asserted line is either from the source (a check of a claim its scenario names) or
 * assumed (a check of an assumption it names), every quoted sentence is the source's own, and every tag is
 * one the project defines.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import {
  ASSUMPTION_TAG,
  CLAIM_TAG,
  OTHER_TAGS,
  SOURCE_FILE,
  classifyAssertion,
  loadRegister,
  type Evidence,
} from '../../features/claims-register';
import { DEFAULT_PARAMETERS } from '../../model/parameters';

const featuresDir = join(__dirname, '..', '..', 'features');
const register = loadRegister();

interface Line {
  readonly text: string;
  readonly evidence: Evidence;
}

function pickles() {
  const newId = IdGenerator.incrementing();
  return readdirSync(featuresDir)
    .filter((file) => file.endsWith('.feature'))
    .flatMap((file) => {
      const uri = `features/${file}`;
      const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
      const document = parser.parse(readFileSync(join(featuresDir, file), 'utf8'));
      return compile(document, uri, newId).map((pickle) => {
        const tags = pickle.tags.map((t) => t.name);
        const assertions: Line[] = pickle.steps
          .filter((step) => step.type === 'Outcome')
          .map((step) => ({ text: step.text, evidence: classifyAssertion(register, tags, step.text) }));
        return { uri, name: pickle.name, tags, assertions };
      });
    });
}

const all = pickles();
const where = (p: { name: string; uri: string }) => `"${p.name}" (${p.uri})`;

test('every asserted line is from the source or a named assumption', () => {
  const neither = all.flatMap((p) =>
    p.assertions
      .filter((line) => line.evidence.kind === 'unclassified')
      .map((line) => `${where(p)}: Then ${line.text}  [tags: ${p.tags.join(' ')}]`),
  );
  deepStrictEqual(
    neither,
    [],
    `Asserted lines that check no claim their scenario names and no assumption it names:\n${neither.join('\n')}`,
  );
});

test('every claim of the source is checked by an asserted line of a scenario naming it', () => {
  const checked = new Set(
    all.flatMap((p) =>
      p.assertions.flatMap((l) => (l.evidence.kind === 'source' ? l.evidence.claims.map((c) => c.id) : [])),
    ),
  );
  const covered = new Set(all.flatMap((p) => p.tags));
  const unchecked = register.claims
    .filter((claim) => (claim.premise ? !covered.has(`@${claim.id}`) : !checked.has(claim.id)))
    .map((c) => c.id);
  deepStrictEqual(unchecked, [], `Claims no asserted line checks: ${unchecked.join(', ')}`);
});

test('every claim or assumption a scenario names is what one of its asserted lines rests on', () => {
  const idle = all.flatMap((p) =>
    p.tags
      .filter((tag) => {
        if (CLAIM_TAG.test(tag)) {
          if (register.claims.find((c) => `@${c.id}` === tag)?.premise) return false;
          return !p.assertions.some(
            (l) => l.evidence.kind === 'source' && l.evidence.claims.some((c) => `@${c.id}` === tag),
          );
        }
        const id = ASSUMPTION_TAG.exec(tag)?.[1];
        if (id === undefined) return false;
        // A feature- or rule-wide assumption need not be used by each scenario under it: only by one.
        return !all.some(
          (q) =>
            q.tags.includes(tag) &&
            q.assertions.some((l) => l.evidence.kind === 'assumed' && l.evidence.assumption.id === id),
        );
      })
      .map((tag) => `${tag} on ${where(p)}`),
  );
  deepStrictEqual(idle, [], `Tags that no asserted line of their scenario rests on:\n${idle.join('\n')}`);
});

test('every assumption is relied on by a scenario, and its parameter is a model parameter', () => {
  const used = new Set(
    all.flatMap((p) => p.assertions.flatMap((l) => (l.evidence.kind === 'assumed' ? [l.evidence.assumption.id] : []))),
  );
  deepStrictEqual(
    register.assumptions.filter((a) => !used.has(a.id)).map((a) => a.id),
    [],
    'Assumptions no scenario relies on',
  );
  for (const assumption of register.assumptions) {
    if (assumption.parameter !== undefined)
      ok(assumption.parameter in DEFAULT_PARAMETERS, `${assumption.id}: no model parameter ${assumption.parameter}`);
  }
});

/** The source's text as a reader sees it: no Markdown emphasis, whitespace collapsed. */
const plain = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

test("every claim quotes the source's own words", () => {
  const source = plain(readFileSync(SOURCE_FILE, 'utf8'));
  const misquoted = register.claims.filter((claim) => !source.includes(plain(claim.source))).map((c) => c.id);
  deepStrictEqual(misquoted, [], `Claims whose "source" is not in ${SOURCE_FILE}: ${misquoted.join(', ')}`);
});

test('@inferred scenarios name no claim other than the premise', () => {
  const claimed = all
    .filter((p) => p.tags.includes('@inferred'))
    .flatMap((p) =>
      p.tags
        .filter((tag) => CLAIM_TAG.test(tag) && !register.claims.find((c) => `@${c.id}` === tag)?.premise)
        .map((tag) => `${tag} on ${where(p)}`),
    );
  deepStrictEqual(
    claimed,
    [],
    `An @inferred scenario shows what the source does not, so it checks no claim:\n${claimed.join('\n')}`,
  );
});

test('every tag names a claim, an assumption or one of the project tags', () => {
  const claims = new Set(register.claims.map((claim) => `@${claim.id}`));
  const assumptions = new Set(register.assumptions.map((a) => `@assumed-${a.id}`));
  const unknown = all.flatMap((p) =>
    p.tags
      .filter((tag) =>
        CLAIM_TAG.test(tag)
          ? !claims.has(tag)
          : ASSUMPTION_TAG.test(tag)
            ? !assumptions.has(tag)
            : !OTHER_TAGS.includes(tag),
      )
      .map((tag) => `${tag} on ${where(p)}`),
  );
  deepStrictEqual(unknown, [], `Tags that name nothing:\n${unknown.join('\n')}`);
});

test('claims the source marks as incorrect behaviour are covered by @known-defect scenarios only', () => {
  const defects = register.claims.filter((claim) => claim.defect);
  ok(defects.length > 0);
  for (const claim of defects) {
    const covering = all.filter((p) => p.tags.includes(`@${claim.id}`));
    ok(covering.length > 0);
    for (const p of covering)
      ok(p.tags.includes('@known-defect'), `${where(p)} covers ${claim.id} without @known-defect`);
  }
});

test('claim and assumption ids are unique and well formed', () => {
  const ids = register.claims.map((claim) => claim.id);
  deepStrictEqual(ids.length, new Set(ids).size);
  for (const id of ids) ok(CLAIM_TAG.test(`@${id}`), id);
  const assumptionIds = register.assumptions.map((a) => a.id);
  deepStrictEqual(assumptionIds.length, new Set(assumptionIds).size);
});
