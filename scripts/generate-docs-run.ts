/**
 * npm run docs:generate once its arguments are read (scripts/generate-docs.ts says what it does, and how to run it):
 * reads the run and what the pages are made of, renders with generator/, and publishes the pages and reports.
 */ import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { loadClaims } from '../features/claims-register';
import { AT_A_GLANCE_TEMPLATE } from '../generator/site';
import { generate, readBaseline, type Baseline } from '../generator/generate';
import { DEFAULT_HOSTILE_SEED } from '../generator/hostile-run';
import { OUTCOME_MARKS_FILE, type OutcomeTable } from '../generator/outcome-marks';
import { formatHistory, HistoryError, type HistoryEntry } from '../generator/history';
import { MessagesFileError } from '../generator/messages';
import type { BenchInput } from '../generator/performance-page';
import { scenariosOf } from '../generator/run';
import { LockBusy, onInterrupt, removeLeftovers, takeLock } from './checkout-lock';
import { WriteFailed, writeAtomically } from './files';
import { ArgumentError, type Options } from './generate-docs-options';
import {
  gitCommit,
  messageLines,
  modelDigest,
  pageOptions,
  readBench,
  readFeatureFiles,
  readHistory,
  readText,
  REAL_RUN,
  shown,
} from './generate-docs-inputs';

const root = resolve(__dirname, '..');

// V8 lets the heap grow to several times what is live before it collects (its factor rises to 4 when collecting
// is cheap, as it is here). Holding it to twice keeps the peak memory of a large run bounded by what is live,
// at no cost in time measured on the 10,000-scenario synthetic run (scripts/bench/).
setFlagsFromString('--heap-growing-percent=100');

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

/** Generates and publishes the pages `options` ask for (scripts/generate-docs.ts reads them). */
export async function generateDocs(options: Options): Promise<void> {
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
  const crafted = selfTest ? { ...readText(REAL_RUN), seed: options.hostileSeed ?? DEFAULT_HOSTILE_SEED } : null;
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

/** Generates the pages for `options`; a failure ends the process with one line and its exit status. */
export function main(options: Options): void {
  generateDocs(options).catch((error: unknown) => {
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
}
