/**
 * `npm run test:browser`: the browser tests over one built site and one browser. It serves build/ on a plain static
 * server and launches the browser once, then runs the test files (all of test/browser/*.test.ts, or those named on
 * the command line) with node's test runner, several files at once (`BROWSER_FILES`, 2 by default): each file's
 * `startSite()` connects to the site and browser through the environment (site-session.ts), and checks its own
 * pages a few at a time (`BROWSER_PAGES`). Each file runs under node's test runner in a process of its own, its
 * output printed whole when it ends. Prints how long each file took; exits with 1 if any failed.
 *
 *   npm run test:browser                                   every browser test
 *   npm run test:browser -- test/browser/links.test.ts     one file, on the shared site and browser all the same
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchBrowserServer } from './browser';
import { SHARED_SITE, buildDir, root } from './site-session';
import { serveStatic } from './static-server';

function filesAtOnce(value: string | undefined): number {
  if (value === undefined) return 2;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new Error(`BROWSER_FILES is "${value}": a whole number from 1 to 16`);
  return n;
}

/**
 * The files that take longest, started first so that none of them is left running alone at the end (an order
 * only: every file of test/browser/ runs, these first, then the others by name).
 */
const LONGEST_FIRST = ['accessibility.test.ts', 'links.test.ts', 'diagnose.test.ts', 'playground-scenarios.test.ts'];

function testFiles(named: readonly string[]): string[] {
  if (named.length) return [...named];
  const dir = join(root, 'test', 'browser');
  const rank = (name: string) => (LONGEST_FIRST.includes(name) ? LONGEST_FIRST.indexOf(name) : LONGEST_FIRST.length);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => relative(root, join(dir, name)));
}

interface FileResult {
  readonly file: string;
  readonly seconds: number;
  readonly status: number;
}

/**
 * Runs one test file under node's test runner, its output held and printed whole when it ends (files run side by
 * side, so their lines would otherwise interleave).
 */
function runFile(file: string, env: NodeJS.ProcessEnv, children: Set<ChildProcess>): Promise<FileResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--require', 'ts-node/register', '--test', file], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('exit', (code, signal) => {
      children.delete(child);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`\n# ── ${file} (${seconds.toFixed(1)} s) ──\n${Buffer.concat(output).toString()}`);
      resolve({ file, seconds, status: code ?? (signal ? 1 : 0) });
    });
  });
}

async function main(): Promise<number> {
  const files = testFiles(process.argv.slice(2));
  const concurrency = filesAtOnce(process.env.BROWSER_FILES);
  if (!existsSync(join(buildDir, 'index.html'))) throw new Error('build/ has no index.html: run npm run build first');
  const started = Date.now();
  const site = await serveStatic(buildDir);
  const browser = await launchBrowserServer();
  const children = new Set<ChildProcess>();
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    const env = { ...process.env, [SHARED_SITE.url]: site.url, [SHARED_SITE.browser]: browser.wsEndpoint() };
    const results: FileResult[] = [];
    let next = 0;
    const lane = async () => {
      while (next < files.length) results.push(await runFile(files[next++]!, env, children));
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, lane));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\n# browser tests: ${files.length} files, ${concurrency} at once, in ${seconds} s\n`);
    for (const r of results) {
      process.stdout.write(`#   ${r.file}  ${r.seconds.toFixed(1)} s  ${r.status === 0 ? 'passed' : 'FAILED'}\n`);
    }
    return results.some((r) => r.status !== 0) ? 1 : 0;
  } finally {
    await browser.close();
    await site.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
