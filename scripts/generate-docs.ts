/**
 * Generates the site's pages from the last cucumber run: reads reports/messages.ndjson (and the claims register),
 * renders with generator/, and writes docs/generated/ and static/reports/. The only module that touches files.
 *
 *   node --require ./test/register.js scripts/generate-docs.ts [--messages FILE] [--self-test FILE | --no-self-test]
 *
 * A missing or corrupt messages file stops it with the file and line at fault; failed scenarios do not.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadClaims } from '../features/claims-register';
import { MessagesFileError, parseMessages } from '../generator/messages';
import { buildRun, scenariosOf, type Claim, type RunDoc } from '../generator/run';
import { renderSite } from '../generator/site';

const root = resolve(__dirname, '..');

interface Options {
  messages: string;
  selfTest: string | null;
  out: string;
  staticReports: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    messages: join(root, 'reports', 'messages.ndjson'),
    selfTest: join(root, 'test', 'fixtures', 'hostile-text', 'messages.ndjson'),
    out: join(root, 'docs', 'generated'),
    staticReports: join(root, 'static', 'reports'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return resolve(v);
    };
    if (arg === '--messages') options.messages = value();
    else if (arg === '--self-test') options.selfTest = value();
    else if (arg === '--no-self-test') options.selfTest = null;
    else if (arg === '--out') options.out = value();
    else if (arg === '--static-reports') options.staticReports = value();
    else
      throw new Error(`Unknown option ${arg}. Options: --messages FILE, --self-test FILE, --no-self-test, --out DIR`);
  }
  return options;
}

function readRun(file: string, claims: readonly Claim[], commit: string | null): RunDoc {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new MessagesFileError(
      shown,
      null,
      `cannot read the messages file (${code}); run the specification first: npm run spec`,
    );
  }
  return buildRun(parseMessages(text, shown), shown, claims, commit);
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

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const claims = loadClaims();
  const commit = gitCommit();

  const started = performance.now();
  const run = readRun(options.messages, claims, commit);
  const selfTest = options.selfTest ? readRun(options.selfTest, [], null) : null;
  const reportsDir = dirname(options.messages);
  const reports = {
    html: existsSync(join(reportsDir, 'cucumber.html')),
    junit: existsSync(join(reportsDir, 'junit.xml')),
  };
  const files = renderSite(run, reports, selfTest);
  const elapsed = performance.now() - started;

  rmSync(options.out, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(options.out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  rmSync(options.staticReports, { recursive: true, force: true });
  mkdirSync(options.staticReports, { recursive: true });
  if (reports.html) copyFileSync(join(reportsDir, 'cucumber.html'), join(options.staticReports, 'cucumber.html'));
  if (reports.junit) copyFileSync(join(reportsDir, 'junit.xml'), join(options.staticReports, 'junit.xml'));

  const scenarios = run.features.flatMap(scenariosOf);
  const notPassed = scenarios.filter((s) => s.status !== 'passed').length;
  console.log(
    `Generated ${files.size} files in ${relative(process.cwd(), options.out)} from ${scenarios.length} scenarios` +
      `${notPassed ? ` (${notPassed} did not pass, published as such)` : ''} in ${elapsed.toFixed(0)} ms.`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof MessagesFileError) {
    console.error(`generate-docs: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
