/**
 * Reading the shards' reports that `npm run explore -- --merge` adds together, trusting nothing in them: each
 * report is checked field by field against the shape `ShardReport` gives it (own keys only, counts as whole
 * numbers, no field it does not know), within limits of size and counts, and the set of reports must hold every
 * shard of each kind exactly once. Every problem is one `ShardReportError` line naming the report and the field.
 */
import { INVARIANT_MODULES } from '../invariants';
import { LAWS } from '../laws';
import { RECORDS } from './ledger';
import { shown } from '../shown';
import type { ShardReport } from './shard-report';

export class ShardReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardReportError';
  }
}

/** Limits past which a report is no report a shard wrote (the deep bounds' largest is about 60 KB). */
export const SHARD_REPORT_LIMITS = {
  /** Bytes of one report file. */
  bytes: 16 * 1024 * 1024,
  /** Entries of one ledger record (orderings, refusal reasons, ...). */
  entries: 100_000,
  /** Characters of one key or name. */
  keyLength: 1_000,
  /** Characters of a counterexample's text. */
  textLength: 1_000_000,
  /** Shards of one kind. */
  shards: 1_000,
} as const;

type Json = unknown;
type Fail = (field: string, expected: string) => never;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A wrong value as the error shows it: its type for lists and objects, else the value, quoted and cut short. */
const described = (value: Json): string =>
  Array.isArray(value)
    ? 'a list'
    : typeof value === 'object'
      ? String(value && 'an object')
      : typeof value === 'string'
        ? `"${shown(value, 40)}"`
        : String(value);

/** A message that quotes the input, as one line of at most 200 characters whatever the input holds. */
const oneLine = (message: string): string => shown(message, 200);

/** A count: a whole number from 0 to 2^53 - 1 (never a string, which `+` would join as text). */
function count(value: Json, field: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(field, `a whole number from 0 to 9,007,199,254,740,991, not ${described(value)}`);
  }
  return value as number;
}

function text(value: Json, field: string, fail: Fail, max: number = SHARD_REPORT_LIMITS.keyLength): string {
  if (typeof value !== 'string') fail(field, `a string, not ${described(value)}`);
  if ((value as string).length > max) fail(field, `at most ${max.toLocaleString('en-GB')} characters long`);
  return value as string;
}

/** The object's own keys, each checked: none inherited or prototype-changing, none unknown when `known` is given. */
function keysOf(value: Json, field: string, fail: Fail, known?: readonly string[]): string[] {
  if (!isObject(value)) fail(field, `an object, not ${described(value)}`);
  const keys = Object.keys(value as object);
  if (keys.length > SHARD_REPORT_LIMITS.entries) fail(field, `at most ${SHARD_REPORT_LIMITS.entries} entries`);
  for (const key of keys) {
    const at = `${field}${field ? '.' : ''}${key}`;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype')
      fail(at, 'absent: it is no name a shard writes');
    if (key.length > SHARD_REPORT_LIMITS.keyLength)
      fail(field, `keys of at most ${SHARD_REPORT_LIMITS.keyLength} characters`);
    if (known && !known.includes(key)) fail(at, `absent: a report has only ${known.join(', ')}`);
  }
  return keys;
}

function countRecord(value: Json, field: string, fail: Fail, known?: readonly string[]): void {
  for (const key of keysOf(value, field, fail, known))
    count((value as Record<string, Json>)[key], `${field}.${key}`, fail);
}

function list(value: Json, field: string, fail: Fail, each: (item: Json, at: string) => void): void {
  if (!Array.isArray(value)) fail(field, `a list, not ${described(value)}`);
  const items = value as Json[];
  if (items.length > SHARD_REPORT_LIMITS.entries) fail(field, `at most ${SHARD_REPORT_LIMITS.entries} entries`);
  items.forEach((item, i) => each(item, `${field}[${i}]`));
}

const REPORT_FIELDS = [
  'kind',
  'shard',
  'run',
  'distinctStates',
  'transitions',
  'steps',
  'behaviour',
  'orderings',
  'serverStates',
  'allServerStates',
  'premises',
  'counterexample',
] as const satisfies readonly (keyof ShardReport)[];

function checkReport(report: Json, fail: Fail): void {
  keysOf(report, '', fail, REPORT_FIELDS);
  const r = report as Record<string, Json>;
  if (r.kind !== 'explore' && r.kind !== 'fuzz') fail('kind', `"explore" or "fuzz", not ${described(r.kind)}`);
  if (r.shard !== null) {
    keysOf(r.shard, 'shard', fail, ['index', 'count']);
    const shard = r.shard as Record<string, Json>;
    const total = count(shard.count, 'shard.count', fail);
    if (total < 1 || total > SHARD_REPORT_LIMITS.shards) fail('shard.count', `from 1 to ${SHARD_REPORT_LIMITS.shards}`);
    if (count(shard.index, 'shard.index', fail) >= total) fail('shard.index', `below shard.count (${total})`);
  }
  text(r.run, 'run', fail);
  for (const field of ['distinctStates', 'transitions', 'steps'] as const) {
    if (Object.hasOwn(r, field)) count(r[field], field, fail);
  }
  if (Object.hasOwn(r, 'behaviour')) {
    keysOf(r.behaviour, 'behaviour', fail, [...RECORDS, 'refusals']);
    const behaviour = r.behaviour as Record<string, Json>;
    for (const record of RECORDS) {
      if (Object.hasOwn(behaviour, record)) countRecord(behaviour[record], `behaviour.${record}`, fail);
    }
    if (!Object.hasOwn(behaviour, 'refusals')) fail('behaviour.refusals', 'present (an object, even if empty)');
    for (const type of keysOf(behaviour.refusals, 'behaviour.refusals', fail)) {
      countRecord((behaviour.refusals as Record<string, Json>)[type], `behaviour.refusals.${type}`, fail);
    }
  }
  if (Object.hasOwn(r, 'orderings')) list(r.orderings, 'orderings', fail, (item, at) => text(item, at, fail));
  for (const field of ['serverStates', 'allServerStates'] as const) {
    if (Object.hasOwn(r, field)) list(r[field], field, fail, (item, at) => count(item, at, fail));
  }
  if (Object.hasOwn(r, 'premises'))
    countRecord(
      r.premises,
      'premises',
      fail,
      // A report counts each law's premise and each invariant's witnessed case (exploration/witnesses.ts).
      [...LAWS.map((law) => law.id), ...INVARIANT_MODULES.map((invariant) => invariant.id)],
    );
  if (r.counterexample !== null) {
    keysOf(r.counterexample, 'counterexample', fail, ['steps', 'text']);
    const ce = r.counterexample as Record<string, Json>;
    count(ce.steps, 'counterexample.steps', fail);
    text(ce.text, 'counterexample.text', fail, SHARD_REPORT_LIMITS.textLength);
  }
}

/** Parses one shard's report, naming the file and the field that is wrong. */
export function readShardReport(source: string, file: string): ShardReport {
  if (source.length > SHARD_REPORT_LIMITS.bytes) {
    throw new ShardReportError(
      `${file}: ${source.length.toLocaleString('en-GB')} characters, more than the ${SHARD_REPORT_LIMITS.bytes.toLocaleString('en-GB')} a shard's report holds`,
    );
  }
  let value: Json;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const empty =
      source.trim() === '' ? 'empty: the shard did not finish writing it' : oneLine((error as Error).message);
    throw new ShardReportError(`${file}: not a complete JSON report (${empty})`);
  }
  const fail: Fail = (field, expected) => {
    throw new ShardReportError(`${file}: ${field ? `"${field}"` : 'the report'} must be ${expected}`);
  };
  if (!isObject(value)) fail('', `an object, not ${described(value)}`);
  for (const field of ['kind', 'shard', 'run', 'counterexample'])
    if (!Object.hasOwn(value as object, field)) fail(field, 'present');
  checkReport(value, fail);
  return value as unknown as ShardReport;
}

const shardName = (report: ShardReport): string =>
  report.shard ? `${report.kind} shard ${report.shard.index + 1}/${report.shard.count}` : `${report.kind} (no shards)`;

/**
 * Checks that the reports are whole sets: for each kind, either one report of an unsharded run, or shards 1 to n
 * of one n, each exactly once (an exploring shard's bounds the same as the others'). Names the report at fault.
 */
export function checkShardSet(reports: readonly { readonly file: string; readonly report: ShardReport }[]): void {
  for (const kind of ['explore', 'fuzz'] as const) {
    const ofKind = reports.filter((r) => r.report.kind === kind);
    const unsharded = ofKind.find((r) => r.report.shard === null);
    if (unsharded && ofKind.length > 1) {
      const other = ofKind.find((r) => r !== unsharded)!;
      throw new ShardReportError(
        `${unsharded.file}: a ${kind} run without shards is merged alone, not with ${other.file}`,
      );
    }
    const first = ofKind[0];
    const firstShard = first?.report.shard;
    if (!first || !firstShard) continue;
    const seen = new Map<number, string>();
    for (const { file, report } of ofKind) {
      if (!report.shard) continue;
      if (report.shard.count !== firstShard.count) {
        throw new ShardReportError(`${file}: ${shardName(report)}, but ${first.file} is one of ${firstShard.count}`);
      }
      if (kind === 'explore' && report.run !== first.report.run) {
        throw new ShardReportError(
          `${file}: explored bounds "${report.run}", but ${first.file} explored "${first.report.run}"`,
        );
      }
      const twice = seen.get(report.shard.index);
      if (twice !== undefined) throw new ShardReportError(`${file}: ${shardName(report)} again (also ${twice})`);
      seen.set(report.shard.index, file);
    }
    const total = firstShard.count;
    const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !seen.has(i));
    if (missing.length) {
      throw new ShardReportError(
        `${kind} shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i + 1}/${total}`).join(', ')} missing ` +
          `from the reports given (${ofKind.map((r) => r.file).join(', ')}): a merge speaks for every shard or none`,
      );
    }
  }
}
