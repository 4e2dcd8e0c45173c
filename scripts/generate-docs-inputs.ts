/**
 * What npm run docs:generate (scripts/generate-docs.ts) reads besides the command line: the messages files (line
 * by line, never whole in memory), the feature files, the run history, the benchmark table, the digest of the
 * model's sources, the commit, and how the pages link to the site. A file that cannot be read is one line naming it.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseBenchReport } from '../generator/bench-report';
import type { FeatureFile } from '../generator/feature-files';
import type { PageOptions } from '../generator/feature-page';
import type { MessageLines, MessagesText } from '../generator/generate';
import { digest, HistoryError, parseHistory, type HistoryEntry } from '../generator/history';
import { linesOf, MessagesFileError } from '../generator/messages';
import type { BenchInput } from '../generator/performance-page';
import { CannotRead, readWithin } from './files';

const root = resolve(__dirname, '..');

export const shown = (file: string): string => relative(process.cwd(), file) || file;

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
export const messageLines = (file: string): MessageLines => ({ name: shown(file), lines: fileLines(file) });

export function readText(file: string): MessagesText {
  try {
    return { name: shown(file), text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw cannotRead(file, error);
  }
}

export const REAL_RUN = join(root, 'test', 'fixtures', 'real-run', 'messages.ndjson');

/** A history file larger than this is none the generator wrote (30 runs of 10,000 scenarios take about 75 MB). */
const HISTORY_FILE_MAX_BYTES = 256 * 1024 * 1024;

/** The feature files under `dir`, named as cucumber names them (relative to the checkout, `/`-separated). */
export function readFeatureFiles(dir: string | null): FeatureFile[] {
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

export function readHistory(file: string | null): HistoryEntry[] {
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
export function modelDigest(): string {
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

export function readBench(file: string | null): BenchInput {
  if (file === null || !existsSync(file)) return null;
  try {
    return { report: parseBenchReport(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { problem: `${shown(file)}: ${(error as Error).message}` };
  }
}

export function gitCommit(): string | null {
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
export function pageOptions(): PageOptions {
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
