/**
 * What `npm run fuzz` reads from the environment, checked before anything runs: a budget (FUZZ_RUNS or
 * FUZZ_SECONDS), a seed, a fast-check replay path, or a plan file. Each wrong value is one `FuzzInputError` naming
 * the variable, what it held and what is allowed; scripts/fuzz.ts prints it as one line, with no stack trace.
 */
import { statSync } from 'node:fs';
import { CannotRead, readWithin } from './files';
import { shown } from '../exploration/shown';
import type { Plan } from '../model/actions';
import { parsePlanJson, PlanError } from '../plans/validate';
import { parseShard } from '../exploration/state-space/shard-report';
import type { Shard } from '../exploration/state-space/search';

export class FuzzInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuzzInputError';
  }
}

/** fast-check uses a seed exactly only within 32-bit signed integers; anything else it silently folds into one. */
export const SEED_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;
export const RUNS_RANGE = { min: 1, max: 100_000_000 } as const;
export const SECONDS_RANGE = { min: 1, max: 7 * 24 * 3600 } as const;
/**
 * fast-check reaches the n-th run of a path by stepping its random generator n times (about 0.5 µs each here),
 * so a run index is bounded like FUZZ_RUNS: 100,000,000 takes under a minute, 99,999,999,999,999 would take
 * years. A shrink index counts steps of one shrink, far fewer.
 */
export const PATH_INDEX_MAX = RUNS_RANGE.max;
/** A plan file larger than this is no counterexample the fuzzer printed (500 steps take about 60 KB). */
export const PLAN_FILE_MAX_BYTES = 1_000_000;

export type FuzzInputs =
  | { readonly kind: 'plan'; readonly file: string; readonly plan: Plan }
  | {
      readonly kind: 'random';
      readonly shard: Shard | null;
      /** FUZZ_REPORT: where the run's ledger goes, checked to be writable before the run. */
      readonly report: string | null;
      readonly seed: number;
      /** Where the seed came from, for the first line printed. */
      readonly seedFrom: 'FUZZ_SEED' | 'CI' | 'random';
      readonly runs?: number;
      readonly seconds?: number;
      readonly path?: string;
      readonly replayPath?: string;
    };

type Env = Readonly<Record<string, string | undefined>>;

const number = (n: number) => n.toLocaleString('en-GB');

function whole(env: Env, name: string, range: { min: number; max: number }, what: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  const allowed = `${what}: a whole number from ${number(range.min)} to ${number(range.max)}`;
  if (Number.isNaN(value)) throw new FuzzInputError(`${name}="${clip(raw)}" is not ${allowed}`);
  if (value < range.min || value > range.max) {
    const why =
      value < 0 && range.min >= 0 ? 'is negative' : value === 0 && range.min > 0 ? 'is zero' : 'is out of range';
    throw new FuzzInputError(`${name}=${text} ${why}; it must be ${allowed}`);
  }
  return value;
}

/** What only the random phase reads: with FUZZ_PLAN they would do nothing, so they are refused by name. */
const PLAN_IGNORES = [
  'FUZZ_RUNS',
  'FUZZ_SECONDS',
  'FUZZ_SEED',
  'FUZZ_PATH',
  'FUZZ_REPLAY_PATH',
  'FUZZ_SHARD',
  'FUZZ_REPORT',
] as const;

/** A value shown in an error: one line, at most 80 characters, whatever it holds. */
export const clip = (text: string): string => shown(text);

function checkPath(path: string): void {
  if (!/^\d+(:\d+)*$/.test(path) || path.length > 10_000) {
    throw new FuzzInputError(
      `FUZZ_PATH="${clip(path)}" is not a fast-check path such as 12:0:3 (copy it from a counterexample)`,
    );
  }
  const run = Number(path.split(':')[0]);
  if (run > PATH_INDEX_MAX) {
    throw new FuzzInputError(
      `FUZZ_PATH=${clip(path)} starts at run ${clip(path.split(':')[0]!)}, past ${number(PATH_INDEX_MAX)}: ` +
        'no run of this fuzzer reaches it (copy the path from a counterexample)',
    );
  }
}

function shardOf(text: string | undefined): Shard | null {
  if (!text) return null;
  try {
    return parseShard(text, 'FUZZ_SHARD');
  } catch (error) {
    throw new FuzzInputError((error as Error).message);
  }
}

/**
 * A report file named by `variable`, checked before a run that may last hours: a folder, or a file in a folder
 * that is not one, is refused now rather than after the run (a missing folder is made when it is written).
 */
export function writableReport(file: string, variable: string): string {
  const fail = (why: string) =>
    new FuzzInputError(`${variable}=${clip(file)}: ${why}; give the path of a file to write`);
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return file;
    if (code === 'ENOTDIR') throw fail('a folder on its path is a file');
    throw fail(`cannot look at it (${code})`);
  }
  if (stat.isDirectory()) throw fail('it is a folder');
  return file;
}

/** Reads and checks the environment; `drawSeed` gives a random seed when none is set and not under CI. */
export function fuzzInputs(env: Env, drawSeed: () => number, fixedSeed: number): FuzzInputs {
  const planFile = env.FUZZ_PLAN;
  if (planFile !== undefined && planFile !== '') {
    const others = PLAN_IGNORES.filter((n) => env[n]);
    if (others.length) {
      throw new FuzzInputError(`FUZZ_PLAN checks one plan; ${others.join(', ')} would be ignored: leave them unset`);
    }
    let text: string;
    try {
      text = readWithin(planFile, PLAN_FILE_MAX_BYTES, 'a plan of at most 500 steps');
    } catch (error) {
      if (!(error instanceof CannotRead)) throw error;
      throw new FuzzInputError(
        `FUZZ_PLAN=${error.message}; give the path of a JSON plan (a counterexample prints one)`,
      );
    }
    try {
      return { kind: 'plan', file: planFile, plan: parsePlanJson(text, `FUZZ_PLAN ${planFile}`) };
    } catch (error) {
      if (error instanceof PlanError) throw new FuzzInputError(error.message);
      throw error;
    }
  }
  const runs = whole(env, 'FUZZ_RUNS', RUNS_RANGE, 'the number of plans to run');
  const seconds = whole(env, 'FUZZ_SECONDS', SECONDS_RANGE, 'a time budget in seconds');
  if (runs !== undefined && seconds !== undefined) {
    throw new FuzzInputError(
      'FUZZ_RUNS and FUZZ_SECONDS are both set: give one budget, a number of runs or of seconds',
    );
  }
  const given = whole(env, 'FUZZ_SEED', SEED_RANGE, 'the seed');
  const seed = given ?? (env.CI ? fixedSeed : drawSeed());
  const path = env.FUZZ_PATH?.trim() || undefined;
  const replayPath = env.FUZZ_REPLAY_PATH?.trim() || undefined;
  if (path !== undefined) checkPath(path);
  if (replayPath !== undefined && path === undefined) {
    throw new FuzzInputError('FUZZ_REPLAY_PATH is set without FUZZ_PATH: copy both from the counterexample');
  }
  if (replayPath !== undefined && !/^[A-Za-z0-9+/=:_-]{1,10000}$/.test(replayPath)) {
    throw new FuzzInputError(
      `FUZZ_REPLAY_PATH="${clip(replayPath)}" is not a replay path fast-check prints (letters, digits, at most 10,000)`,
    );
  }
  const shard = shardOf(env.FUZZ_SHARD);
  const report = env.FUZZ_REPORT ? writableReport(env.FUZZ_REPORT, 'FUZZ_REPORT') : null;
  return {
    kind: 'random',
    shard,
    report,
    seed,
    seedFrom: given !== undefined ? 'FUZZ_SEED' : env.CI ? 'CI' : 'random',
    ...(seconds !== undefined ? { seconds } : { runs: runs ?? 1000 }),
    ...(path !== undefined && { path }),
    ...(replayPath !== undefined && { replayPath }),
  };
}
