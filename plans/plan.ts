/**
 * Plans as plain data: reading a JSON plan (from a file, a URL or a counterexample) into actions, with an error
 * that names the step and the field that was wrong.
 */
import type { Action, Plan } from '../model/actions';
import { INFORMATION_TABS, type InformationTab } from '../model/agent-console';
import { isServer } from '../model/servers';

export class PlanError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'PlanError';
  }
}

const FIELDS: Record<Action['type'], { required: readonly string[]; optional: readonly string[] }> = {
  fail: { required: ['server'], optional: [] },
  restore: { required: ['server'], optional: [] },
  wait: { required: ['seconds'], optional: [] },
  'customer-starts-chat': { required: ['question'], optional: ['customer', 'name', 'activityId'] },
  'customer-sends': { required: ['text'], optional: ['customer'] },
  'agent-logs-in': { required: [], optional: ['agent'] },
  'agent-logs-out': { required: [], optional: [] },
  'agent-sends': { required: ['text'], optional: ['customer'] },
  'agent-completes-chat': { required: [], optional: ['customer'] },
  'agent-opens-tab': { required: ['tab'], optional: [] },
  'email-arrives': { required: ['from', 'to', 'subject', 'sent'], optional: ['caseId'] },
};

export const ACTION_TYPES = Object.keys(FIELDS) as Action['type'][];

const NUMBER_FIELDS = new Set(['seconds', 'activityId', 'caseId']);

export function parseAction(input: unknown, where = 'step'): Action {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PlanError(where, `expected an object with a "type", got ${JSON.stringify(input)}`);
  }
  const record = input as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !(type in FIELDS)) {
    throw new PlanError(where, `"type" must be one of ${ACTION_TYPES.join(', ')}; got ${JSON.stringify(type)}`);
  }
  const fields = FIELDS[type as Action['type']];
  for (const key of Object.keys(record)) {
    if (key !== 'type' && !fields.required.includes(key) && !fields.optional.includes(key)) {
      throw new PlanError(
        where,
        `"${type}" has no field "${key}" (it takes ${[...fields.required, ...fields.optional].join(', ') || 'none'})`,
      );
    }
  }
  for (const key of fields.required) {
    if (!(key in record)) throw new PlanError(where, `"${type}" needs a "${key}"`);
  }
  for (const key of [...fields.required, ...fields.optional]) {
    if (!(key in record)) continue;
    const value = record[key];
    if (NUMBER_FIELDS.has(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
        throw new PlanError(where, `"${key}" must be a whole number above 0, got ${JSON.stringify(value)}`);
      }
    } else if (typeof value !== 'string' || value.length === 0) {
      throw new PlanError(where, `"${key}" must be a non-empty string, got ${JSON.stringify(value)}`);
    }
  }
  if ((type === 'fail' || type === 'restore') && !isServer(record.server as string)) {
    throw new PlanError(
      where,
      `"server" must be Web, Application, Messaging, Services or Database; got ${JSON.stringify(record.server)}`,
    );
  }
  if (type === 'agent-opens-tab' && !INFORMATION_TABS.includes(record.tab as InformationTab)) {
    throw new PlanError(
      where,
      `"tab" must be one of ${INFORMATION_TABS.join(', ')}; got ${JSON.stringify(record.tab)}`,
    );
  }
  return record as unknown as Action;
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
