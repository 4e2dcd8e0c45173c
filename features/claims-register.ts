/**
 * The evidence register (claims.json): each observable statement of the source with a stable id and the
 * source's own sentence, each assumption the model makes where the source is silent with its rationale (and
 * the model parameter it rests on, if any), and for both the assertions (`Then` lines) that check them.
 *
 * A scenario names what it relies on with tags: a claim by its id (`@APP-F1`), an assumption by `@assumed-`
 * and its id (`@assumed-popup-wording`). Each asserted line of the scenario is then either *from the source*
 * (it matches a check of one of the scenario's claims) or *assumed* (it matches a check of one of its
 * assumptions); a line that is neither fails test/unit/claims.test.ts and is marked as such on the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export function loadRegister(file = CLAIMS_FILE): Register {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { claims?: unknown; assumptions?: unknown };
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
    return a as Assumption;
  });
  return { claims, assumptions };
}

/** The claims alone (the run model and the claims page need no more). */
export function loadClaims(file = CLAIMS_FILE): Claim[] {
  return [...loadRegister(file).claims];
}

const patterns = new Map<string, RegExp>();

/** A check is a step's text with `*` standing for any run of characters: `the agent sees the pop-up "*"`. */
export function matchesCheck(check: string, stepText: string): boolean {
  let pattern = patterns.get(check);
  if (!pattern) {
    const parts = check.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`^${parts.join('.*')}$`, 's');
    patterns.set(check, pattern);
  }
  return pattern.test(stepText);
}

/** What one asserted line rests on. */
export type Evidence =
  /** Every claim the scenario names that the line checks, in the order of the scenario's tags. */
  | { readonly kind: 'source'; readonly claims: readonly Claim[] }
  | { readonly kind: 'assumed'; readonly assumption: Assumption }
  | { readonly kind: 'unclassified' };

/**
 * Classifies an asserted line by the scenario's tags (its own and those inherited from its rule and feature):
 * from the source if a claim the scenario names has a check matching it, else assumed if an assumption the
 * scenario names does, else neither.
 */
export function classifyAssertion(register: Register, tags: readonly string[], stepText: string): Evidence {
  const claims = tags.flatMap((tag) => {
    const claim = CLAIM_TAG.test(tag) ? register.claims.find((c) => `@${c.id}` === tag) : undefined;
    return claim?.checks.some((check) => matchesCheck(check, stepText)) ? [claim] : [];
  });
  if (claims.length) return { kind: 'source', claims };
  for (const tag of tags) {
    const id = ASSUMPTION_TAG.exec(tag)?.[1];
    const assumption = id === undefined ? undefined : register.assumptions.find((a) => a.id === id);
    if (assumption?.checks.some((check) => matchesCheck(check, stepText))) return { kind: 'assumed', assumption };
  }
  return { kind: 'unclassified' };
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
