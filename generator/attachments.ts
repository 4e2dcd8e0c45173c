/**
 * The project's own attachments to cucumber messages, read strictly: each is JSON of a known shape, and anything
 * else is a `MessagesFileError` naming the file and the attachment's line.
 */
import type { Attachment } from '@cucumber/messages';
import type { Trace } from '../model/trace';
import type { DeploymentView } from '../model/views';
import type { ExplorationReport } from '../exploration/report';
import type { Plan } from '../model/actions';
import { parsePlan, PlanError } from '../plans/plan';
import { checkAttachment, END_STATE_SHAPE, EXPLORATION_SHAPE, TRACE_SHAPE } from './attachment-shapes';
import { MessagesFileError } from './messages';
import type { QueryDoc } from './run-model';

/** An attachment and the line of the messages file it came from. */
export interface Found {
  readonly line: number;
  readonly attachment: Attachment;
}

function decode(attachment: Attachment): string {
  return attachment.contentEncoding === 'BASE64'
    ? Buffer.from(attachment.body, 'base64').toString('utf8')
    : attachment.body;
}

function attachmentJson(file: string, found: Found, what: string): unknown {
  try {
    return JSON.parse(decode(found.attachment));
  } catch (error) {
    throw new MessagesFileError(
      file,
      found.line,
      `the ${what} attachment is not valid JSON (${(error as Error).message})`,
    );
  }
}

export function readTrace(file: string, found: Found): Trace {
  const trace = checkAttachment<Trace>(TRACE_SHAPE, attachmentJson(file, found, 'trace'), 'trace', file, found.line);
  return { parameters: trace.parameters ?? {}, events: trace.events };
}

export function readEndState(file: string, found: Found): DeploymentView {
  const value = attachmentJson(file, found, 'end state');
  return checkAttachment<DeploymentView>(END_STATE_SHAPE, value, 'end state', file, found.line);
}

export function readPlan(file: string, found: Found): Plan {
  const value = attachmentJson(file, found, 'plan');
  try {
    return parsePlan(value, 'the plan attachment');
  } catch (error) {
    if (error instanceof PlanError) throw new MessagesFileError(file, found.line, error.message);
    throw error;
  }
}

export function readQuery(file: string, found: Found, step: string | null): QueryDoc {
  const value = attachmentJson(file, found, 'query') as Record<string, unknown>;
  const fail = (problem: string): never => {
    throw new MessagesFileError(file, found.line, `the query attachment ${problem}`);
  };
  if (typeof value !== 'object' || value === null) fail('should be an object');
  const { title, sql, sqlServer, columns, rows } = value;
  if (typeof title !== 'string' || typeof sql !== 'string' || typeof sqlServer !== 'string') {
    fail('should have the strings "title", "sql" and "sqlServer"');
  }
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    fail('should have "columns", a list of column names');
  }
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    fail('should have "rows", a list of objects keyed by column name');
  }
  const cell = (v: unknown): string | number | null =>
    v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
  return {
    title: title as string,
    sql: sql as string,
    sqlServer: sqlServer as string,
    columns: columns as string[],
    rows: (rows as Record<string, unknown>[]).map((row) => (columns as string[]).map((c) => cell(row[c]))),
    step,
  };
}

export function readExploration(file: string, found: Found): ExplorationReport {
  const value = attachmentJson(file, found, 'exploration');
  return checkAttachment<ExplorationReport>(EXPLORATION_SHAPE, value, 'exploration', file, found.line);
}
