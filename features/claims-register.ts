/**
 * The evidence register (claims.json): each observable statement of the source with a stable id and the
 * source's own sentence, each assumption the model makes where the source is silent with its rationale (and
 * the model parameter it rests on, if any), and for both the assertions (`Then` lines) that check them.
 *
 * A scenario names what it relies on with tags: a claim by its id (`@APP-F1`), an assumption by `@assumed-`
 * and its id (`@assumed-popup-wording`). Each asserted line of the scenario is then either *from the source*
 * or *assumed* (it matches a check of one of its assumptions); a line that is neither fails
 * test/unit/features/claims.test.ts and is marked as such on the site.
 *
 * A line is from the source only when it is true by value (features/claim-rules.ts): it matches a check of a
 * claim the scenario names, every value it quotes is in the source, an absence it asserts is one the claim's
 * sentence states, and the scenario took the steps the source shows before it. A check matching the line's
 * shape is not enough.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimRefusals, matchesCheck } from './claim-rules';

export { matchesCheck } from './claim-rules';

export interface Claim {
  readonly id: string;
  readonly section: string;
  readonly statement: string;
  /** The source's own words for this claim, verbatim (the test finds them in features/source/). */
  readonly source: string;
  /** Patterns of the asserted lines that check this claim (see `matchesCheck`). */
  readonly checks: readonly string[];
  /** The source marks the behaviour as incorrect; scenarios covering it carry @known-defect. */
  readonly defect?: boolean;
  /** The premise every scenario starts from: established by a Background, checked by no `Then`. */
  readonly premise?: boolean;
  /**
   * An instruction of the source ("Agent must log out."): shown by a scenario that names the claim and takes a
   * step matching this pattern, checked by no `Then`.
   */
  readonly shownBy?: string;
  /** Step patterns one of which must come before a line this claim marks: the source states it after that. */
  readonly after?: readonly string[];
  /** Step patterns the scenario must take, in this order, before a line this claim marks: what the source shows. */
  readonly requires?: readonly string[];
  /**
   * "Similar to ..." and "Combination of ...": the claims of the sections it refers to, facet by facet, each
   * the same here (its checks mark lines for this claim too, under its own rules) or differing, with why.
   */
  readonly facets?: readonly Facet[];
}

export interface Facet {
  readonly claim: string;
  /** Why this facet differs here; absent when it is the same. */
  readonly differs?: string;
}

/** A value written differently in the source (OCR noise, a colour the screenshot showed): the reading, and why. */
export interface Reading {
  readonly value: string;
  readonly source: string;
  readonly why: string;
}

export interface Assumption {
  readonly id: string;
  /** What the model assumes, as a reader should take it. */
  readonly statement: string;
  /** Why this answer rather than another, and what it rests on (docs/sources.md, the source's figures). */
  readonly rationale: string;
  /** The model parameter (model/parameters.ts) that sets the duration or choice, if the assumption has one. */
  readonly parameter?: string;
  readonly checks: readonly string[];
}

export interface Register {
  readonly claims: readonly Claim[];
  readonly assumptions: readonly Assumption[];
  /** Values the source writes differently, each with the source's own spelling. */
  readonly readings: readonly Reading[];
  /** Column and field names of the steps' tables: they name what a value is and assert nothing. */
  readonly labels: readonly string[];
  /** The source's text, as a reader sees it (no emphasis, whitespace collapsed). */
  readonly sourceText: string;
}

/** A tag that names a claim: @APP-F1, @SVC-R2, @PRE-1 ... */
export const CLAIM_TAG = /^@[A-Z]+-[A-Z]*\d+$/;

/** A tag that names an assumption: @assumed-popup-wording ... */
export const ASSUMPTION_TAG = /^@assumed-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Tags with a meaning of their own. Each changes nothing about how a scenario runs. */
export const OTHER_TAGS: readonly string[] = ['@known-defect', '@inferred', '@regression', '@invariants'];

export const CLAIMS_FILE = join(__dirname, 'claims.json');

/** The user's specification, kept beside the register so that every quoted sentence can be found in it. */
export const SOURCE_FILE = join(__dirname, 'source', 'chat-session-failure-scenarios.txt');

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The source's text as a reader sees it: no Markdown emphasis, whitespace collapsed. */
export const plainText = (text: string): string => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** A check must name what it checks: at least three letters besides its `*`s. */
function checkProblem(check: string): string | null {
  return /[a-z].*[a-z].*[a-z]/is.test(check.replace(/\*/g, ''))
    ? null
    : `check "${check}" matches any line: write the shape of the lines it checks`;
}

export function loadRegister(file = CLAIMS_FILE, sourceFile = SOURCE_FILE): Register {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    claims?: unknown;
    assumptions?: unknown;
    readings?: unknown;
    labels?: unknown;
  };
  if (!Array.isArray(data.claims)) throw new Error(`${file}: expected an object with a "claims" array`);
  if (!Array.isArray(data.assumptions)) throw new Error(`${file}: expected an "assumptions" array`);
  const claims = data.claims.map((claim: Partial<Claim>, index: number) => {
    const where = `${file}: claim ${index + 1}${typeof claim.id === 'string' ? ` (${claim.id})` : ''}`;
    if (typeof claim.id !== 'string' || typeof claim.section !== 'string' || typeof claim.statement !== 'string') {
      throw new Error(`${where} needs a string id, section and statement`);
    }
    if (typeof claim.source !== 'string' || claim.source.trim() === '')
      throw new Error(`${where} needs "source": the source's sentence, verbatim`);
    if (!strings(claim.checks)) throw new Error(`${where} needs "checks": a list of step patterns`);
    for (const check of claim.checks) if (checkProblem(check)) throw new Error(`${where}: ${checkProblem(check)}`);
    for (const field of ['after', 'requires'] as const)
      if (claim[field] !== undefined && !strings(claim[field]))
        throw new Error(`${where}: ${field} is a list of step patterns`);
    if (
      claim.facets !== undefined &&
      !(Array.isArray(claim.facets) && claim.facets.every((f) => typeof f?.claim === 'string'))
    )
      throw new Error(`${where}: facets is a list of {"claim": id, "differs"?: why}`);
    return claim as Claim;
  });
  const assumptions = data.assumptions.map((a: Partial<Assumption>, index: number) => {
    const where = `${file}: assumption ${index + 1}${typeof a.id === 'string' ? ` (${a.id})` : ''}`;
    for (const field of ['id', 'statement', 'rationale'] as const) {
      if (typeof a[field] !== 'string' || a[field].trim() === '') throw new Error(`${where} needs a string ${field}`);
    }
    if (!ASSUMPTION_TAG.test(`@assumed-${a.id}`))
      throw new Error(`${where}: the id must be lower-case words joined by -`);
    if (a.parameter !== undefined && typeof a.parameter !== 'string') throw new Error(`${where}: parameter is a name`);
    if (!strings(a.checks)) throw new Error(`${where} needs "checks": a list of step patterns`);
    for (const check of a.checks) if (checkProblem(check)) throw new Error(`${where}: ${checkProblem(check)}`);
    return a as Assumption;
  });
  const readings = data.readings ?? [];
  if (
    !Array.isArray(readings) ||
    !readings.every(
      (r: Partial<Reading>) =>
        typeof r?.value === 'string' && typeof r.source === 'string' && typeof r.why === 'string',
    )
  )
    throw new Error(`${file}: "readings" is a list of {"value", "source", "why"}`);
  const labels = data.labels ?? [];
  if (!strings(labels)) throw new Error(`${file}: "labels" is a list of column names`);
  for (const claim of claims)
    for (const facet of claim.facets ?? [])
      if (!claims.some((c) => c.id === facet.claim))
        throw new Error(`${file}: claim ${claim.id} has a facet ${facet.claim}, which is no claim`);
  return {
    claims,
    assumptions,
    readings: readings as Reading[],
    labels,
    sourceText: plainText(readFileSync(sourceFile, 'utf8')),
  };
}

/** The claims alone (the run model and the claims page need no more). */
export function loadClaims(file = CLAIMS_FILE): Claim[] {
  return [...loadRegister(file).claims];
}

/** What one asserted line rests on. */
export type Evidence =
  /** Every claim the scenario names that marks the line, in the order of the scenario's tags. */
  | { readonly kind: 'source'; readonly claims: readonly Claim[] }
  | { readonly kind: 'assumed'; readonly assumption: Assumption; readonly refused: readonly string[] }
  /** `refused`: why each claim whose check matched the line could not mark it as the source's. */
  | { readonly kind: 'unclassified'; readonly refused: readonly string[] };

/** One step of a scenario, as the classification reads it. */
export interface ScenarioStep {
  /** A `Then` line (or an `And`/`But` after one). */
  readonly outcome: boolean;
  readonly text: string;
  readonly docString?: string | null;
  readonly dataTable?: readonly (readonly string[])[] | null;
}

/**
 * Classifies the asserted line `steps[index]` by the scenario's tags (its own and those inherited from its rule
 * and feature): from the source if a claim the scenario names marks it (`claimRefusal` finds nothing against
 * it), else assumed if an assumption the scenario names has a check matching it, else neither.
 */
export function classifyLine(
  register: Register,
  tags: readonly string[],
  steps: readonly ScenarioStep[],
  index: number,
): Evidence {
  const line = steps[index]!;
  const { claims, refused } = claimsMarking(register, tags, steps, index);
  if (claims.length) return { kind: 'source', claims };
  for (const tag of tags) {
    const id = ASSUMPTION_TAG.exec(tag)?.[1];
    const assumption = id === undefined ? undefined : register.assumptions.find((a) => a.id === id);
    if (assumption?.checks.some((check) => matchesCheck(check, line.text)))
      return { kind: 'assumed', assumption, refused };
  }
  return { kind: 'unclassified', refused };
}

/**
 * The claims the scenario names that mark the asserted line `steps[index]` as the source's (`classifyLine`'s
 * claims when it says `source`, else none), and why each claim whose check matched could not: the first half of
 * `classifyLine`, all the claims' witnesses (steps/support/claim_witnesses.ts) need of it.
 */
export function claimsMarking(
  register: Register,
  tags: readonly string[],
  steps: readonly ScenarioStep[],
  index: number,
): { claims: Claim[]; refused: string[] } {
  const refused: string[] = [];
  const claims = tags.flatMap((tag) => {
    const claim = CLAIM_TAG.test(tag) ? register.claims.find((c) => `@${c.id}` === tag) : undefined;
    if (!claim) return [];
    const refusals = claimRefusals(register, claim, steps, index);
    if (refusals === null) return [];
    if (refusals.length === 0) return [claim];
    refused.push(...refusals);
    return [];
  });
  return { claims, refused };
}

/** The instructions of the source (`shownBy`) that a scenario naming them shows by taking the step `step`. */
export function claimsShownBy(register: Register, tags: readonly string[], step: ScenarioStep): Claim[] {
  if (step.outcome) return [];
  return register.claims.filter(
    (claim) => claim.shownBy !== undefined && tags.includes(`@${claim.id}`) && matchesCheck(claim.shownBy, step.text),
  );
}

/** Each asserted step of a scenario classified (`null` for the others). */
export function classifyScenario(
  register: Register,
  tags: readonly string[],
  steps: readonly ScenarioStep[],
): (Evidence | null)[] {
  return steps.map((step, i) => (step.outcome ? classifyLine(register, tags, steps, i) : null));
}

/**
 * Which steps of a scenario are assertions, from their keywords: a `Then` and the `And`/`But` lines after it.
 * (`*` continues whatever came before, as in Gherkin.)
 */
export function assertionFlags(keywords: readonly string[]): boolean[] {
  let outcome = false;
  return keywords.map((keyword) => {
    const k = keyword.trim();
    if (k === 'Then') outcome = true;
    else if (k === 'Given' || k === 'When') outcome = false;
    return outcome;
  });
}
