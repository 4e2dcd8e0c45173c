/**
 * Plans as plain data: reading a JSON plan (from a file, a URL or a counterexample) into actions, with an error
 * that names the step and the field that was wrong.
 */
import { ACTION_TYPES, definitionOfType, type Action, type Field, type Plan } from '../model/actions';

export class PlanError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'PlanError';
  }
}

export function parseAction(input: unknown, where = 'step'): Action {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PlanError(where, `expected an object with a "type", got ${JSON.stringify(input)}`);
  }
  const record = input as Record<string, unknown>;
  const type = record.type;
  const definition = typeof type === 'string' ? definitionOfType(type) : undefined;
  if (!definition) {
    throw new PlanError(where, `"type" must be one of ${ACTION_TYPES.join(', ')}; got ${JSON.stringify(type)}`);
  }
  const fields = Object.entries(definition.fields as Record<string, Field>);
  const names = [...fields.filter(([, f]) => !f.optional), ...fields.filter(([, f]) => f.optional)].map(([n]) => n);
  for (const key of Object.keys(record)) {
    if (key !== 'type' && !names.includes(key)) {
      throw new PlanError(where, `"${definition.type}" has no field "${key}" (it takes ${names.join(', ') || 'none'})`);
    }
  }
  for (const [key, field] of fields) {
    if (!field.optional && !(key in record)) throw new PlanError(where, `"${definition.type}" needs a "${key}"`);
  }
  for (const key of names) {
    if (key in record) checkField(where, key, fields.find(([n]) => n === key)![1], record[key]);
  }
  return record as unknown as Action;
}

function checkField(where: string, key: string, field: Field, value: unknown): void {
  if (field.kind === 'count') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new PlanError(where, `"${key}" must be a whole number above 0, got ${JSON.stringify(value)}`);
    }
    return;
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new PlanError(where, `"${key}" must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  if (field.kind === 'choice' && !field.accepts(value)) {
    throw new PlanError(where, `"${key}" must be ${field.expected}; got ${JSON.stringify(value)}`);
  }
}

export function parsePlan(input: unknown, source = 'plan'): Plan {
  if (!Array.isArray(input)) throw new PlanError(source, 'a plan is a JSON array of steps');
  return input.map((step, index) => parseAction(step, `${source}, step ${index + 1}`));
}

export function parsePlanJson(text: string, source = 'plan'): Plan {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new PlanError(source, `not valid JSON (${(error as Error).message})`);
  }
  return parsePlan(input, source);
}
