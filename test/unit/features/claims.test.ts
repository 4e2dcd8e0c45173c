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
  classifyScenario,
  claimsShownBy,
  loadRegister,
  matchesCheck,
  plainText,
  type Claim,
  type Evidence,
} from '../../../features/claims-register';
import { DEFAULT_PARAMETERS } from '../../../model/parameters';

const featuresDir = join(__dirname, '..', '..', '..', 'features');
const register = loadRegister();

interface Line {
  readonly text: string;
  readonly evidence: Evidence;
}

interface Step {
  readonly text: string;
  readonly outcome: boolean;
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
        const steps = pickle.steps.map((step) => ({
          outcome: step.type === 'Outcome',
          text: step.text,
          docString: step.argument?.docString?.content ?? null,
          dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((c) => c.value)) ?? null,
        }));
        const evidence = classifyScenario(register, tags, steps);
        const assertions: Line[] = steps.flatMap((step, i) =>
          step.outcome ? [{ text: step.text, evidence: evidence[i]! }] : [],
        );
        return { uri, name: pickle.name, tags, assertions, steps: steps as Step[] };
      });
    });
}

const all = pickles();
const where = (p: { name: string; uri: string }) => `"${p.name}" (${p.uri})`;

test('every asserted line is from the source or a named assumption', () => {
  const neither = all.flatMap((p) =>
    p.assertions
      .filter((line) => line.evidence.kind === 'unclassified')
      .map(
        (line) =>
          `${where(p)}: Then ${line.text}  [tags: ${p.tags.join(' ')}]${
            line.evidence.kind === 'unclassified' && line.evidence.refused.length
              ? `\n    not the source's because ${line.evidence.refused.join('\n    and ')}`
              : ''
          }`,
      ),
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
    .filter((claim) =>
      byStepsOnly(claim) ? !covered.has(`@${claim.id}`) : claim.facets ? false : !checked.has(claim.id),
    )
    .map((c) => c.id);
  deepStrictEqual(unchecked, [], `Claims no asserted line checks: ${unchecked.join(', ')}`);
});

/** Claims a scenario shows by its steps (the premise, an instruction), checked by no asserted line. */
const byStepsOnly = (claim: Claim): boolean => claim.premise === true || claim.shownBy !== undefined;

test('every facet a "similar to" or "combination" claim shares is checked through it, and every facet of the sections it names is listed', () => {
  const problems: string[] = [];
  for (const claim of register.claims.filter((c) => c.facets)) {
    const sections = new Set(claim.facets!.map((f) => register.claims.find((c) => c.id === f.claim)!.section));
    const listed = new Set(claim.facets!.map((f) => f.claim));
    for (const other of register.claims)
      if (sections.has(other.section) && !other.premise && !listed.has(other.id))
        problems.push(`${claim.id} does not say whether ${other.id} (${other.section}) is the same or differs`);
    for (const facet of claim.facets!.filter((f) => f.differs === undefined)) {
      const via = register.claims.find((c) => c.id === facet.claim)!;
      const checked = all.some(
        (p) =>
          p.tags.includes(`@${claim.id}`) &&
          p.assertions.some(
            (l) =>
              l.evidence.kind === 'source' &&
              l.evidence.claims.includes(claim) &&
              via.checks.some((check) => matchesCheck(check, l.text)),
          ),
      );
      if (!checked) problems.push(`${claim.id}: no asserted line checks its facet ${facet.claim}`);
    }
  }
  deepStrictEqual(problems, []);
});

test('a scenario naming an instruction of the source takes the step it shows', () => {
  const missing = all.flatMap((p) =>
    register.claims
      .filter((c) => c.shownBy !== undefined && p.tags.includes(`@${c.id}`))
      .filter((c) => !p.steps.some((step) => claimsShownBy(register, p.tags, step).includes(c)))
      .map((c) => `${where(p)} names ${c.id} but takes no step "${c.shownBy}"`),
  );
  deepStrictEqual(missing, []);
});

test('every claim or assumption a scenario names is what one of its asserted lines rests on', () => {
  const idle = all.flatMap((p) =>
    p.tags
      .filter((tag) => {
        if (CLAIM_TAG.test(tag)) {
          const claim = register.claims.find((c) => `@${c.id}` === tag);
          if (claim && byStepsOnly(claim)) return false;
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

test("every claim quotes the source's own words", () => {
  const source = plainText(readFileSync(SOURCE_FILE, 'utf8'));
  const misquoted = register.claims.filter((claim) => !source.includes(plainText(claim.source))).map((c) => c.id);
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

test('a @known-defect scenario shows behaviour the source calls incorrect, and nothing inferred', () => {
  const defectTags = new Set(register.claims.filter((c) => c.defect).map((c) => `@${c.id}`));
  const wrong = all
    .filter((p) => p.tags.includes('@known-defect'))
    .filter((p) => p.tags.includes('@inferred') || !p.tags.some((tag) => defectTags.has(tag)))
    .map(where);
  deepStrictEqual(
    wrong,
    [],
    'Known defects are the source\'s: each names a claim marked "defect" and none is @inferred',
  );
});

test('the values the register reads differently are spelt that way in the source', () => {
  const source = plainText(readFileSync(SOURCE_FILE, 'utf8'));
  deepStrictEqual(
    register.readings.filter((r) => !source.includes(r.source)).map((r) => r.value),
    [],
  );
});

test('claim and assumption ids are unique and well formed', () => {
  const ids = register.claims.map((claim) => claim.id);
  deepStrictEqual(ids.length, new Set(ids).size);
  for (const id of ids) ok(CLAIM_TAG.test(`@${id}`), id);
  const assumptionIds = register.assumptions.map((a) => a.id);
  deepStrictEqual(assumptionIds.length, new Set(assumptionIds).size);
});
