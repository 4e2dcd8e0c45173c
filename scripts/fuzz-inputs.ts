/**
 * What `npm run fuzz` reads from the environment, checked before anything runs: a budget (FUZZ_RUNS or
 * FUZZ_SECONDS), a seed, a fast-check replay path, or a plan file. Each wrong value is one `FuzzInputError` naming
 * the variable, what it held and what is allowed; scripts/fuzz.ts prints it as one line, with no stack trace.
 */
import { readFileSync } from 'node:fs';
import type { Plan } from '../model/actions';
import { parsePlanJson, PlanError } from '../plans/validate';

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

export type FuzzInputs =
  | { readonly kind: 'plan'; readonly file: string; readonly plan: Plan }
  | {
      readonly kind: 'random';
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
  if (Number.isNaN(value)) throw new FuzzInputError(`${name}="${raw}" is not ${allowed}`);
  if (value < range.min || value > range.max) {
    const why =
      value < 0 && range.min >= 0 ? 'is negative' : value === 0 && range.min > 0 ? 'is zero' : 'is out of range';
    throw new FuzzInputError(`${name}=${text} ${why}; it must be ${allowed}`);
  }
  return value;
}

/** Reads and checks the environment; `drawSeed` gives a random seed when none is set and not under CI. */
export function fuzzInputs(env: Env, drawSeed: () => number, fixedSeed: number): FuzzInputs {
  const planFile = env.FUZZ_PLAN;
  if (planFile !== undefined && planFile !== '') {
    const others = ['FUZZ_RUNS', 'FUZZ_SECONDS', 'FUZZ_SEED', 'FUZZ_PATH'].filter((n) => env[n]);
    if (others.length) {
      throw new FuzzInputError(`FUZZ_PLAN checks one plan; ${others.join(', ')} would be ignored: leave them unset`);
    }
    let text: string;
    try {
      text = readFileSync(planFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : `cannot read it (${code})`;
      throw new FuzzInputError(
        `FUZZ_PLAN=${planFile}: ${why}; give the path of a JSON plan (a counterexample prints one)`,
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
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) {
    throw new FuzzInputError(
      `FUZZ_PATH="${path}" is not a fast-check path such as 12:0:3 (copy it from a counterexample)`,
    );
  }
  if (replayPath !== undefined && path === undefined) {
    throw new FuzzInputError('FUZZ_REPLAY_PATH is set without FUZZ_PATH: copy both from the counterexample');
  }
  return {
    kind: 'random',
    seed,
    seedFrom: given !== undefined ? 'FUZZ_SEED' : env.CI ? 'CI' : 'random',
    ...(seconds !== undefined ? { seconds } : { runs: runs ?? 1000 }),
    ...(path !== undefined && { path }),
    ...(replayPath !== undefined && { replayPath }),
  };
}
