/**
 * The docs generator (scripts/generate-docs.ts) run as `npm run docs:generate` runs it, for the tests that run
 * it on messages files of their own: pages and reports into the test's folders, and none of the pages a real
 * run adds (the self-test pages, the benchmark table).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Node's arguments that start the generator; the generator's own options follow them. */
export const GENERATE_DOCS: readonly string[] = ['--require', 'ts-node/register', 'scripts/generate-docs.ts'];

/** The generator's options for `messages`, writing pages into `out` and the reports into `staticReports`. */
export function generatorOptions(
  messages: string,
  out: string,
  staticReports: string,
  more: readonly string[] = [],
): string[] {
  return [
    '--messages',
    messages,
    ...more,
    '--out',
    out,
    '--static-reports',
    staticReports,
    '--no-self-test',
    '--no-bench',
  ];
}

/**
 * Runs the generator to its end from the checkout's root, pages into `dir`/generated and reports into
 * `dir`/static; `more` are further options (`--baseline`, `--history`, ...).
 */
export function generateDocs(messages: string, dir: string, more: readonly string[] = []): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    [...GENERATE_DOCS, ...generatorOptions(messages, join(dir, 'generated'), join(dir, 'static'), more)],
    { cwd: root, encoding: 'utf8' },
  );
}
