/**
 * When a claim may mark a line as the source's: true by value, not by shape. A check of the claim (or of a facet
 * it shares with the section it says it is "similar to" or a "combination of") must match the line, and then:
 *
 * - every value the line asserts (a quoted string, a line of its text block, a cell of its table) is in the
 *   source, or is one of the source's values as the register reads it, or is the scenario's own data (what a
 *   Given or When step typed);
 * - an absence it asserts ("does not show", "is not told", "no rows") is one the claim's sentence states;
 * - the scenario took the steps the source shows before it (`requires`, in order), and one of the steps the
 *   source states it after (`after`).
 *
 * Anything else the line asserts is the model's, so the line is assumed (or unmarked, and the claims test fails).
 */
import type { Claim, Register, ScenarioStep } from './claims-register';

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

/** A line that says something is not there, or does not happen. */
const ABSENCE = /\b(not|no|never|cannot|nothing|none)\b/i;
/** A sentence of the source that states an absence ("lost" does not: it says what went, not what is not shown). */
const SOURCE_ABSENCE = /\b(not|no|never|cannot)\b/i;

const quoted = (text: string): string[] => [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);

/** What the scenario itself typed: the quoted values of its Given and When steps. */
function scenarioData(steps: readonly ScenarioStep[], index: number): Set<string> {
  return new Set(steps.slice(0, index).flatMap((step) => (step.outcome ? [] : quoted(step.text))));
}

/** The values a line asserts, each with what it is ("the value", "the line", "the cell"). */
function valuesOf(line: ScenarioStep, labels: readonly string[]): { what: string; value: string }[] {
  const values = quoted(line.text).map((value) => ({ what: 'the value', value }));
  for (const text of line.docString?.split('\n') ?? [])
    if (text.trim() !== '') values.push({ what: 'the line', value: text.trim() });
  for (const row of line.dataTable ?? [])
    for (const cell of row) if (!labels.includes(cell)) values.push({ what: 'the cell', value: cell });
  return values;
}

function valueRefused(register: Register, value: string, data: Set<string>): boolean {
  if (value === '' || register.sourceText.includes(value) || data.has(value)) return false;
  const reading = register.readings.find((r) => r.value === value);
  if (reading && register.sourceText.includes(reading.source)) return false;
  // A transcript line: a name, then what the scenario had that person type.
  const said = /^[^:]+ : (.*)$/.exec(value)?.[1];
  if (said !== undefined && data.has(said)) return false;
  return true;
}

/** Whether `patterns` match steps before `index` in this order. */
function tookInOrder(patterns: readonly string[], steps: readonly ScenarioStep[], index: number): boolean {
  let next = 0;
  for (let i = 0; i < index && next < patterns.length; i++)
    if (!steps[i]!.outcome && matchesCheck(patterns[next]!, steps[i]!.text)) next++;
  return next === patterns.length;
}

/** Why `claim` cannot mark the line through `via` (the claim itself, or one of its facets), or [] if it can. */
function refusalsVia(register: Register, claim: Claim, via: Claim, steps: readonly ScenarioStep[], index: number) {
  const line = steps[index]!;
  const name = via === claim ? claim.id : `${claim.id} (as ${via.id})`;
  const refusals: string[] = [];
  const data = scenarioData(steps, index);
  for (const { what, value } of valuesOf(line, register.labels))
    if (valueRefused(register, value, data))
      refusals.push(`${name}: ${what} "${value}" is not in the source (nor a reading of it, nor the scenario's data)`);
  if (ABSENCE.test(line.text) && !SOURCE_ABSENCE.test(via.source))
    refusals.push(`${name}: "${line.text}" asserts an absence the sentence "${via.source}" does not state`);
  if (via.requires && !tookInOrder(via.requires, steps, index))
    refusals.push(`${name}: the source shows it only after these steps, in order: ${via.requires.join('; ')}`);
  if (via.after && !via.after.some((step) => tookInOrder([step], steps, index)))
    refusals.push(`${name}: the source states it only after one of: ${via.after.join('; ')}`);
  return refusals;
}

/**
 * `null` if no check of `claim` (nor of a facet it shares) matches the line `steps[index]`; else why it cannot
 * mark the line as the source's, [] when it can.
 */
export function claimRefusals(
  register: Register,
  claim: Claim,
  steps: readonly ScenarioStep[],
  index: number,
): string[] | null {
  const text = steps[index]!.text;
  const vias = [
    claim,
    ...(claim.facets ?? [])
      .filter((facet) => facet.differs === undefined)
      .map((facet) => register.claims.find((c) => c.id === facet.claim)!),
  ].filter((via) => via.checks.some((check) => matchesCheck(check, text)));
  if (vias.length === 0) return null;
  const all: string[] = [];
  for (const via of vias) {
    const refusals = refusalsVia(register, claim, via, steps, index);
    if (refusals.length === 0) return [];
    all.push(...refusals);
  }
  return all;
}

/**
 * Why `claim` cannot mark a statement written by hand (a line of the home page) as the source's, or [] if it can:
 * the same rules by value as a scenario's line, with no steps before it, so every value it quotes is in the
 * source (or a reading of it) and an absence it asserts is one the claim's sentence states.
 */
export function statementRefusals(register: Register, claim: Claim, statement: string): string[] {
  const refusals = valuesNotInSource(register, quoted(statement)).map(
    (value) => `${claim.id}: the value "${value}" is not in the source (nor a reading of it)`,
  );
  if (ABSENCE.test(statement) && !SOURCE_ABSENCE.test(claim.source))
    refusals.push(`${claim.id}: "${statement}" asserts an absence the sentence "${claim.source}" does not state`);
  return refusals;
}

/** The values (words a screen shows) that are neither in the source nor a reading of it. */
export function valuesNotInSource(register: Register, values: readonly string[]): string[] {
  return values.filter((value) => valueRefused(register, value, new Set()));
}
