/**
 * The one validation of plans that come from outside: a playground link, a `FUZZ_PLAN` file, a plan attachment in
 * a messages file. Everything the model would not survive is refused here with the step, the field and what was
 * allowed: unknown action types (inherited property names such as `constructor` or `__proto__` included), fields an
 * action does not take, numbers outside their range, texts over their length or holding line breaks (no Gherkin
 * step can carry one), and plans longer than any reader needs.
 */
import { ACTION_TYPES, definitionOfType, type Action, type Field, type Plan } from '../model/actions';

export { ACTION_TYPES };

export class PlanError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'PlanError';
  }
}

/** The bounds of what a plan may hold: generous for any reader, small enough for the model, a link and a page. */
export const PLAN_LIMITS = {
  /** Steps in one plan (the fuzzer's longest plans have under 100). */
  steps: 500,
  /** Characters in one text field. */
  textLength: 1000,
  /** One wait: a second to a year. The model's calendar (database timestamps) breaks far beyond that. */
  seconds: { min: 1, max: 366 * 24 * 3600 },
  /** Characters in a playground link's query string: well under the 8 KB many servers accept (16 KB for Node's). */
  linkLength: 8000,
  /** Activity and case ids, as SQL Server's `int` holds them. */
  id: { min: 1, max: 2 ** 31 - 1 },
  /** Arrays and objects inside one another: a plan is a list of flat steps (2); past this a value is no step. */
  nesting: 8,
} as const;

/**
 * How deeply the JSON text nests arrays and objects, read without parsing it: a plan nested thousands deep would
 * otherwise overflow the stack of whatever walks it (JSON.stringify in an error message, for one).
 */
export function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** An email address as the steps' `{customer}` and `{address}` read it, and a user name as `{agent}` reads it. */
export const ADDRESS = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
export const USER_NAME = /^[A-Z][A-Za-z]+$/;

/**
 * What a plan from outside must hold beyond each field's kind in the action table (model/actions): the range of
 * each count, and the pattern of the names and addresses the step sentences read. Fields not named here are
 * checked by their kind alone (texts: one line, at most `PLAN_LIMITS.textLength`).
 */
interface Range {
  readonly kind: 'range';
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}
type Bound = Range | { readonly kind: 'pattern'; readonly pattern: RegExp; readonly example: string };

const AN_ADDRESS: Bound = {
  kind: 'pattern',
  pattern: ADDRESS,
  example: 'an email address such as customer@awesome.com',
};
const AN_ID: Range = { kind: 'range', ...PLAN_LIMITS.id, unit: '' };

const BOUNDS: Readonly<Record<string, Bound>> = {
  seconds: { kind: 'range', ...PLAN_LIMITS.seconds, unit: 'seconds' },
  activityId: AN_ID,
  caseId: AN_ID,
  customer: AN_ADDRESS,
  from: AN_ADDRESS,
  to: AN_ADDRESS,
  agent: {
    kind: 'pattern',
    pattern: USER_NAME,
    example: 'a user name such as JDoe (letters, starting with a capital)',
  },
};

const has = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

function checkField(where: string, key: string, field: Field, value: unknown): void {
  const bound = has(BOUNDS, key) ? BOUNDS[key] : undefined;
  if (field.kind === 'count') {
    const range = bound?.kind === 'range' ? bound : AN_ID;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      throw new PlanError(
        where,
        `"${key}" must be a whole number from ${range.min} to ${range.max.toLocaleString('en-GB')}${range.unit ? ` ${range.unit}` : ''}, got ${shown(value)}`,
      );
    }
    return;
  }
  if (field.kind === 'choice') {
    if (typeof value !== 'string' || !field.accepts(value)) {
      throw new PlanError(where, `"${key}" must be ${field.expected}; got ${shown(value)}`);
    }
    return;
  }
  if (bound?.kind === 'pattern') {
    if (typeof value !== 'string' || value.length > PLAN_LIMITS.textLength || !bound.pattern.test(value)) {
      throw new PlanError(where, `"${key}" must be ${bound.example}; got ${shown(value)}`);
    }
    return;
  }
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new PlanError(where, `"${key}" must be a non-empty string, got ${shown(value)}`);
  }
  if (value.length > PLAN_LIMITS.textLength) {
    throw new PlanError(
      where,
      `"${key}" is ${value.length} characters long; at most ${PLAN_LIMITS.textLength} are allowed`,
    );
  }
  if (CONTROL.test(value)) {
    throw new PlanError(
      where,
      `"${key}" holds a line break or another control character, which no Gherkin step can carry; got ${shown(value)}`,
    );
  }
}

/** One step of a plan, checked field by field; `where` names it in errors ("FILE, step 3"). */
export function parseAction(input: unknown, where = 'step'): Action {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PlanError(where, `expected an object with a "type", got ${shown(input)}`);
  }
  const record = input as Record<string, unknown>;
  const type = has(record, 'type') ? record.type : undefined;
  // The table is a Map: an inherited name (constructor, __proto__, toString) is no action type.
  const definition = typeof type === 'string' ? definitionOfType(type) : undefined;
  if (!definition) {
    throw new PlanError(where, `"type" must be one of ${ACTION_TYPES.join(', ')}; got ${shown(type)}`);
  }
  const fields = Object.entries(definition.fields as Readonly<Record<string, Field>>);
  const names = [...fields.filter(([, f]) => !f.optional), ...fields.filter(([, f]) => f.optional)].map(([n]) => n);
  for (const key of Object.keys(record)) {
    if (key !== 'type' && !names.includes(key)) {
      throw new PlanError(where, `"${definition.type}" has no field "${key}" (it takes ${names.join(', ') || 'none'})`);
    }
  }
  for (const [key, field] of fields) {
    if (!field.optional && !has(record, key)) throw new PlanError(where, `"${definition.type}" needs a "${key}"`);
  }
  for (const [key, field] of fields) if (has(record, key)) checkField(where, key, field, record[key]);
  // A copy of the checked fields, in the input's order (a plan's JSON stays the same bytes), so nothing inherited
  // or odd rides along into the model.
  return Object.fromEntries(Object.keys(record).map((k) => [k, record[k]])) as unknown as Action;
}

/** A whole plan: a JSON array of at most `PLAN_LIMITS.steps` steps. */
export function parsePlan(input: unknown, source = 'plan'): Plan {
  if (!Array.isArray(input)) throw new PlanError(source, 'a plan is a JSON array of steps');
  checkLength(input.length, source);
  return input.map((step, index) => parseAction(step, `${source}, step ${index + 1}`));
}

export function checkLength(steps: number, source: string): void {
  if (steps > PLAN_LIMITS.steps) {
    throw new PlanError(source, `the plan has ${steps} steps; at most ${PLAN_LIMITS.steps} are allowed`);
  }
}

export function parsePlanJson(text: string, source = 'plan'): Plan {
  const nesting = jsonNesting(text);
  if (nesting > PLAN_LIMITS.nesting) {
    throw new PlanError(
      source,
      `arrays and objects nested ${nesting} deep; a plan's steps nest at most ${PLAN_LIMITS.nesting}`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new PlanError(
      source,
      `not valid JSON (${JSON.stringify((error as Error).message)
        .slice(1, -1)
        .slice(0, 200)})`,
    );
  }
  return parsePlan(input, source);
}
