/**
 * npm run docs:generate's command line (scripts/generate-docs.ts): its options, read with node's parseArgs, with
 * the project's own run's defaults (reports/messages.ndjson: its baseline, history, comparison summary and every
 * feature file), and a one-line error naming a wrong argument. It loads nothing of the generator, so that a wrong
 * argument is answered before the generator is loaded (scripts/generate-docs.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { quoted } from '../generator/escape';
import { SEED_RANGE } from './fuzz-inputs';

const root = resolve(__dirname, '..');

export interface Options {
  messages: string;
  selfTest: string | null;
  out: string;
  staticReports: string;
  bench: string | null;
  stats: string | null;
  baseline: string | null;
  changes: string | null;
  history: string | null;
  /** The folder of the specification's feature files, laid under the run's results (null: only what ran). */
  features: string | null;
  /** The seed the crafted self-test pages' hostile run is drawn with (null: its default, DEFAULT_HOSTILE_SEED). */
  hostileSeed: number | null;
}

/** A wrong command-line argument: one line, exit status 2. */
export class ArgumentError extends Error {}

const FILE_OPTIONS = {
  messages: 'messages',
  'self-test': 'selfTest',
  out: 'out',
  'static-reports': 'staticReports',
  bench: 'bench',
  stats: 'stats',
  baseline: 'baseline',
  changes: 'changes',
  history: 'history',
  features: 'features',
} as const satisfies Record<string, keyof Options>;
const NEGATIONS = {
  'no-self-test': 'selfTest',
  'no-bench': 'bench',
  'no-history': 'history',
  'no-features': 'features',
} as const;

export function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    messages: join(root, 'reports', 'messages.ndjson'),
    selfTest: join(root, 'test', 'fixtures', 'hostile-text', 'messages.ndjson'),
    out: join(root, 'docs', 'generated'),
    staticReports: join(root, 'static', 'reports'),
    // This machine's latest `npm run bench`, or else the table last committed with the README's figures.
    bench:
      [join(root, 'reports', 'bench.json'), join(root, 'benchmarks', 'latest.json')].find((f) => existsSync(f)) ?? null,
    stats: null,
    baseline: null,
    changes: null,
    history: null,
    features: null,
    hostileSeed: null,
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(Object.keys(FILE_OPTIONS).map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(Object.keys(NEGATIONS).map((name) => [name, { type: 'boolean' as const }])),
        'hostile-seed': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const usage = `${Object.keys(FILE_OPTIONS)
      .map((o) => `--${o} FILE`)
      .join(', ')}, ${Object.keys(NEGATIONS)
      .map((o) => `--${o}`)
      .join(', ')}, --hostile-seed N`;
    const first = (error as Error).message.split(/\n|\. To specify| To specify/)[0]!.replace(/\.+$/, '');
    throw new ArgumentError(`${first}. Options: ${usage}`);
  }
  const given = new Set(Object.keys(values));
  const seed = values['hostile-seed'];
  if (typeof seed === 'string') options.hostileSeed = hostileSeed(seed);
  for (const [name, field] of Object.entries(FILE_OPTIONS)) {
    const value = values[name];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') throw new ArgumentError(`--${name} needs a file, not an empty value`);
    options[field] = resolve(value);
  }
  for (const [name, field] of Object.entries(NEGATIONS)) {
    if (!values[name]) continue;
    const positive = name.slice(3);
    if (given.has(positive)) throw new ArgumentError(`--${name} and --${positive} contradict each other: give one`);
    options[field] = null;
  }
  // The project's own run (reports/messages.ndjson) keeps its history and its comparison summary in reports/,
  // and takes its baseline from DOCS_BASELINE (CI's target branch); other messages files only when asked.
  if (options.messages === join(root, 'reports', 'messages.ndjson')) {
    if (!given.has('baseline') && process.env.DOCS_BASELINE) options.baseline = resolve(process.env.DOCS_BASELINE);
    if (!given.has('changes')) options.changes = join(root, 'reports', 'changes.md');
    if (!given.has('history') && !given.has('no-history')) options.history = join(root, 'reports', 'history.ndjson');
    // Every feature's page, whatever the last run left out (`npx cucumber-js features/one.feature`).
    if (!given.has('features') && !given.has('no-features')) options.features = join(root, 'features');
  }
  return options;
}

/** --hostile-seed: a whole number fast-check uses as it is (32-bit signed), or one line saying what it is not. */
function hostileSeed(raw: string): number {
  const value = /^[+-]?\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isNaN(value) || value < SEED_RANGE.min || value > SEED_RANGE.max) {
    const range = `${SEED_RANGE.min.toLocaleString('en-GB')} to ${SEED_RANGE.max.toLocaleString('en-GB')}`;
    throw new ArgumentError(`--hostile-seed ${quoted(raw)} is not a seed: a whole number from ${range}`);
  }
  return value;
}
