/**
 * Generates the site's pages from the last cucumber run: reads reports/messages.ndjson as a stream (and the
 * claims register), renders with generator/, and writes docs/generated/ and static/reports/. The only module
 * that touches files. Each feature's page is written as soon as the messages complete it, so memory holds only
 * the features still running, whatever the size of the run.
 *
 *   node --require ts-node/register scripts/generate-docs.ts [--messages FILE] [--self-test FILE | --no-self-test]
 *     [--out DIR] [--static-reports DIR] [--bench FILE | --no-bench] [--stats FILE]
 *     [--baseline OLD.ndjson] [--changes FILE] [--history FILE | --no-history] [--features DIR | --no-features]
 *     [--hostile-seed N]
 *
 * With --features (the default for the project's own run: features/), every feature file's page is built, the last
 * run's results laid over it: what the run left out (one feature run alone, `--name`, `--tags`) shows as not run,
 * and the generator names the features it left out.
 *
 * With a baseline, the "What changed" page compares this run with it, and --changes FILE summarises the comparison
 * for a pull request. For the project's own run (reports/messages.ndjson) the baseline may come from DOCS_BASELINE
 * (CI sets it to the target branch's last run), the summary goes to reports/changes.md, and the run is added to
 * the run history, reports/history.ndjson; other messages files get these only when asked.
 *
 * With the self-test pages, the crafted ones are a hostile copy of the recorded real run drawn with a seed
 * (generator/hostile-run.ts): DEFAULT_HOSTILE_SEED, or --hostile-seed N (a 32-bit whole number); it is printed.
 *
 * A missing or corrupt messages file stops it with the file and line at fault, leaving the pages generated
 * before untouched; failed scenarios do not stop it. Pages are written to `_generated.partial-<pid>/` beside the
 * target (Docusaurus skips folders starting with `_`) and replace it only once complete; an interrupted run removes
 * it, and the next run removes what a killed one left. Writing anything inside the checkout takes its lock
 * (scripts/checkout-lock.js): a second run waits for the first. A missing reports/bench.json does not either: the
 * Performance page then says it was not measured yet.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { loadClaims } from '../features/claims-register';
import { parseBenchReport } from '../generator/bench-report';
import type { FeatureFile } from '../generator/feature-files';
import type { PageOptions } from '../generator/feature-page';
import { AT_A_GLANCE_TEMPLATE } from '../generator/site';
import { quoted } from '../generator/escape';
import { DEFAULT_HOSTILE_SEED } from '../generator/hostile-run';
import { generate, readBaseline, type Baseline, type MessageLines, type MessagesText } from '../generator/generate';
import { OUTCOME_MARKS_FILE, type OutcomeTable } from '../generator/outcome-marks';
import { digest, formatHistory, HistoryError, parseHistory, type HistoryEntry } from '../generator/history';
import { linesOf, MessagesFileError } from '../generator/messages';
import type { BenchInput } from '../generator/performance-page';
import { scenariosOf } from '../generator/run';
import { LockBusy, onInterrupt, removeLeftovers, takeLock } from './checkout-lock';
import { CannotRead, readWithin, WriteFailed, writeAtomically } from './files';
import { SEED_RANGE } from './fuzz-inputs';

const root = resolve(__dirname, '..');

// V8 lets the heap grow to several times what is live before it collects (its factor rises to 4 when collecting
// is cheap, as it is here). Holding it to twice keeps the peak memory of a large run bounded by what is live,
// at no cost in time measured on the 10,000-scenario synthetic run (scripts/bench/).
setFlagsFromString('--heap-growing-percent=100');

interface Options {
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
  /** The seed the crafted self-test pages' hostile run is drawn with. */
  hostileSeed: number;
}

/** A wrong command-line argument: one line, exit status 2. */
class ArgumentError extends Error {}

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

function parseOptions(argv: readonly string[]): Options {
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
    hostileSeed: DEFAULT_HOSTILE_SEED,
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

const shown = (file: string): string => relative(process.cwd(), file) || file;

function cannotRead(file: string, error: unknown): MessagesFileError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
  return new MessagesFileError(
    shown(file),
    null,
    `cannot read the messages file (${code}); run the specification first: npm run spec`,
  );
}

/** The file's lines, read in chunks: the file is never whole in memory. */
async function* fileLines(file: string): AsyncGenerator<string> {
  try {
    yield* linesOf(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }), shown(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw cannotRead(file, error);
    throw error;
  }
}

/** A messages file as the generator reads it: line by line, named as the user gave it. */
const messageLines = (file: string): MessageLines => ({ name: shown(file), lines: fileLines(file) });

/**
 * Writes pages under a folder while the next ones are rendered: the file system works in the background, with
 * at most a few pages waiting, so memory stays bounded.
 */
class PageWriter {
  private readonly pending = new Set<Promise<void>>();
  private readonly folders = new Set<string>();
  private failure: unknown = null;
  files = 0;

  constructor(private readonly dir: string) {}

  async write(path: string, content: string): Promise<void> {
    const target = join(this.dir, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const written: Promise<void> = writeFile(target, content)
      .catch((error: unknown) => void (this.failure ??= error))
      .finally(() => this.pending.delete(written));
    this.pending.add(written);
    this.files++;
    if (this.pending.size >= 8) await Promise.race(this.pending);
    if (this.failure) throw this.failure;
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}

function readText(file: string): MessagesText {
  try {
    return { name: shown(file), text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw cannotRead(file, error);
  }
}

const REAL_RUN = join(root, 'test', 'fixtures', 'real-run', 'messages.ndjson');

/** A history file larger than this is none the generator wrote (30 runs of 10,000 scenarios take about 75 MB). */
const HISTORY_FILE_MAX_BYTES = 256 * 1024 * 1024;

/** The feature files under `dir`, named as cucumber names them (relative to the checkout, `/`-separated). */
function readFeatureFiles(dir: string | null): FeatureFile[] {
  if (dir === null) return [];
  const files: FeatureFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.feature'))
        files.push({ uri: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

function readHistory(file: string | null): HistoryEntry[] {
  if (file === null || !existsSync(file)) return [];
  let text: string;
  try {
    text = readWithin(file, HISTORY_FILE_MAX_BYTES, 'a history of runs');
  } catch (error) {
    if (!(error instanceof CannotRead)) throw error;
    throw new HistoryError(`${shown(file)}: ${error.why}; give --history a file, or delete it to start a new history`);
  }
  return parseHistory(text, shown(file));
}

/**
 * One digest of the sources that decide a scenario's result besides its feature: the model, the steps, the
 * plans and the diagnostic queries (a result that changes while these and the feature do not is flaky).
 */
function modelDigest(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  for (const dir of ['model', 'steps', 'plans', 'diagnostics']) if (existsSync(join(root, dir))) walk(join(root, dir));
  return digest(
    files
      .sort()
      .map((f) => `${relative(root, f)}\n${readFileSync(f, 'utf8')}`)
      .join('\n'),
  );
}

function readBench(file: string | null): BenchInput {
  if (file === null || !existsSync(file)) return null;
  try {
    return { report: parseBenchReport(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { problem: `${shown(file)}: ${(error as Error).message}` };
  }
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return null;
  }
}

/**
 * How the pages link to the site: its base URL, and whether the playground page exists yet. Until it does,
 * "Open in playground" links are plain anchors the docs build does not check, so they cannot break the build.
 */
function pageOptions(): PageOptions {
  // The site's own configuration (CommonJS, read where Docusaurus reads it), so the two cannot disagree.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(root, 'docusaurus.config.js')) as { baseUrl?: string };
  const pages = join(root, 'src', 'pages');
  const candidates = ['tsx', 'jsx', 'js', 'md', 'mdx'].flatMap((ext) => [
    join(pages, `playground.${ext}`),
    join(pages, 'playground', `index.${ext}`),
  ]);
  return {
    baseUrl: config.baseUrl ?? '/',
    playgroundLinks: candidates.some((file) => existsSync(file)) ? 'checked' : 'unchecked',
  };
}

/** Replaces `target` by the complete folder `partial` (in the same folder), leaving no moment without one for long. */
function replaceFolder(partial: string, target: string): void {
  const old = join(dirname(target), `_${basename(target)}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(partial, target);
  rmSync(old, { recursive: true, force: true });
}

/** Runs scripts/diagnosis-index.ts; rejects, naming it, if it fails. */
function diagnosisIndexBuild(): Promise<void> {
  const child = spawn(process.execPath, ['--require', 'ts-node/register', 'scripts/diagnosis-index.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`scripts/diagnosis-index.ts failed (exit code ${code})`)),
    );
  });
}

interface Publication {
  readonly options: Options;
  /** The pages, all written under this folder beside `options.out`. */
  readonly partial: string;
  readonly reportsPartial: string;
  readonly reports: { readonly html: boolean; readonly junit: boolean };
  readonly bench: BenchInput;
  readonly changesReport: string | null;
  readonly history: readonly HistoryEntry[] | null;
  readonly outcomeTable: OutcomeTable;
}

/** The one step that writes outside the partial folders: the summary, the history, the reports and the pages. */
function publish(p: Publication): void {
  const { options } = p;
  if (options.changes !== null) {
    if (p.changesReport !== null) writeAtomically(options.changes, p.changesReport);
    else rmSync(options.changes, { force: true }); // a summary of an earlier comparison would mislead
  }
  if (options.history !== null && p.history !== null) writeAtomically(options.history, formatHistory(p.history));
  const reportsDir = dirname(options.messages);
  mkdirSync(p.reportsPartial, { recursive: true });
  if (p.reports.html) copyFileSync(join(reportsDir, 'cucumber.html'), join(p.reportsPartial, 'cucumber.html'));
  if (p.reports.junit) copyFileSync(join(reportsDir, 'junit.xml'), join(p.reportsPartial, 'junit.xml'));
  if (p.bench && 'report' in p.bench) copyFileSync(options.bench!, join(p.reportsPartial, 'bench.json'));
  writeAtomically(join(p.reportsPartial, OUTCOME_MARKS_FILE), JSON.stringify(p.outcomeTable));
  replaceFolder(p.partial, options.out);
  replaceFolder(p.reportsPartial, options.staticReports);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Whatever it writes inside the checkout (pages, static/reports/, the history, the changes summary) is the
  // checkout's: two runs must not write it together, so it takes the lock, whatever --out says.
  const inCheckout = (file: string | null) => file !== null && !/^\.\.($|[\\/])/.test(relative(root, file));
  const written = [options.out, options.staticReports, options.history, options.changes, options.stats];
  if (written.some(inCheckout)) await takeLock('npm run docs:generate');
  for (const target of [options.out, options.staticReports]) {
    for (const left of removeLeftovers(dirname(target), [basename(target)])) {
      console.log(`Removed ${shown(join(dirname(target), left))}, left by an interrupted run.`);
    }
  }
  // The diagnosis page's index (scripts/diagnosis-index.ts) is built by a process of its own beside the pages,
  // and only when its sources changed since it was last built.
  const diagnosisIndex = options.out === join(root, 'docs', 'generated') ? diagnosisIndexBuild() : Promise.resolve();
  diagnosisIndex.catch(() => undefined); // awaited below; a failure before then is the one reported
  const started = performance.now();
  // Read: everything the pages are made from but the run's messages, which stream.
  const claims = loadClaims();
  const reportsDir = dirname(options.messages);
  const reports = {
    html: existsSync(join(reportsDir, 'cucumber.html')),
    junit: existsSync(join(reportsDir, 'junit.xml')),
  };
  const bench = readBench(options.bench);
  const baseline: Baseline | null = options.baseline
    ? await readBaseline(messageLines(options.baseline), claims)
    : null;
  const history = options.history ? { earlier: readHistory(options.history), modelDigest: modelDigest() } : null;
  const selfTest = options.selfTest ? readText(options.selfTest) : null;
  const crafted = selfTest ? { ...readText(REAL_RUN), seed: options.hostileSeed } : null;
  if (crafted)
    console.log(`Self-test: the crafted pages are a hostile copy of ${crafted.name} drawn with seed ${crafted.seed}.`);

  // Pages go to a folder beside the target, which replaces the target only once every page is written.
  const partial = join(dirname(options.out), `_${basename(options.out)}.partial-${process.pid}`);
  const reportsPartial = join(
    dirname(options.staticReports),
    `_${basename(options.staticReports)}.partial-${process.pid}`,
  );
  rmSync(partial, { recursive: true, force: true });
  const stopListening = onInterrupt(() => {
    rmSync(partial, { recursive: true, force: true });
    rmSync(reportsPartial, { recursive: true, force: true });
  }, 'npm run docs:generate');
  mkdirSync(partial, { recursive: true });
  const writer = new PageWriter(partial);
  const pages = generate({
    messages: messageLines(options.messages),
    claims,
    commit: gitCommit(),
    pages: pageOptions(),
    reports,
    bench,
    baseline,
    history,
    selfTest,
    crafted,
    featureFiles: readFeatureFiles(options.features),
    atAGlance: readFileSync(join(root, AT_A_GLANCE_TEMPLATE), 'utf8'),
  });
  let generated;
  try {
    let next = await pages.next();
    while (!next.done) {
      await writer.write(...next.value);
      next = await pages.next();
    }
    generated = next.value;
    await writer.flush();
  } catch (error) {
    await writer.flush().catch(() => undefined);
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  await diagnosisIndex;
  publish({ options, partial, reportsPartial, reports, bench, ...generated });
  stopListening();
  const elapsed = performance.now() - started;

  const scenarios = generated.run.features.flatMap(scenariosOf);
  const notRun = scenarios.filter((s) => s.status === 'not run').length;
  const notPassed = scenarios.filter((s) => s.status !== 'passed').length - notRun;
  console.log(
    `Generated ${writer.files} files in ${shown(options.out)} from ${scenarios.length} scenarios` +
      `${notPassed ? ` (${notPassed} did not pass, published as such)` : ''}${notRun ? ` (${notRun} not run)` : ''} in ${elapsed.toFixed(0)} ms.`,
  );
  const leftOut = generated.run.notRun;
  if (leftOut.length) {
    console.log(
      `The last run left out ${leftOut.length} feature files, shown as not run: ${leftOut.join(', ')}. Run them all with npm run spec.`,
    );
  }
  if (options.stats) {
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    writeAtomically(
      options.stats,
      JSON.stringify({ milliseconds: elapsed, maxRssMB, scenarios: scenarios.length, files: writer.files }) + '\n',
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof WriteFailed) {
    console.error(`generate-docs: ${error.message}; the pages were not published`);
    process.exit(3);
  }
  if (
    error instanceof MessagesFileError ||
    error instanceof HistoryError ||
    error instanceof LockBusy ||
    error instanceof ArgumentError
  ) {
    console.error(`generate-docs: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
