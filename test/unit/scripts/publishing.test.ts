/**
 * Publishing is atomic and exclusive: the generator writes into a folder Docusaurus skips and swaps it in only when
 * complete, removes it when interrupted (SIGINT, SIGTERM), removes what a killed run left, and a second run in the
 * same checkout waits for the lock or says clearly who holds it.
 */
import { test } from 'node:test';
import { equal, match, ok } from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_DIR, readOwner, takeLock } from '../../../scripts/checkout-lock';
import { GENERATE_DOCS } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const fixture = join(root, 'test/fixtures/hostile-text/messages.ndjson');

function generate(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const childEnv = { ...process.env, ...env };
  delete childEnv.CHAT_KB_LOCK;
  return spawn(process.execPath, [...GENERATE_DOCS, ...args], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 6000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  ok(condition(), `timed out waiting for ${what}`);
};

test('an interrupted generation removes its half-written pages and leaves the published ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'publishing-'));
  const out = join(dir, 'generated');
  mkdirSync(out);
  writeFileSync(join(out, 'summary.md'), 'the pages published before\n');
  // A killed run's leftover, and one of the name earlier versions used (inside docs/ they broke the build).
  mkdirSync(join(dir, '_generated.partial-999999'));
  mkdirSync(join(dir, 'generated.partial-999998'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const fifo = join(dir, `messages-${signal}.ndjson`);
    spawnSync('mkfifo', [fifo]);
    const child = generate(['--messages', fifo, '--out', out, '--static-reports', join(dir, 'reports'), '--no-bench']);
    const result = finished(child);
    // Half the run, then nothing more: the generator is mid-way, its pages half written.
    const lines = readFileSync(fixture, 'utf8').split('\n');
    const writer = createWriteStream(fifo);
    // The child reads the pipe until it is killed; a write still queued then fails with EPIPE, which is the
    // interruption this test makes, not a fault. Any other write error is.
    const writeErrors: string[] = [];
    writer.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') writeErrors.push(`${error.code ?? ''} ${error.message}`);
    });
    writer.write(lines.slice(0, lines.length / 2).join('\n') + '\n');
    // Whatever happens, the child does not outlive the test (it would wait on the pipe for ever).
    setTimeout(() => child.kill('SIGKILL'), 90_000).unref();
    await until(
      () => readdirSync(dir).some((e) => e.startsWith('_generated.partial-') && e !== '_generated.partial-999999'),
      'the partial folder',
    );
    child.kill(signal);
    const ended = await result;
    writer.destroy();
    // It ends by the signal itself, as a shell expects (130, 143), even with the pipe still open.
    equal(ended.signal, signal);
    const left = readdirSync(dir).filter((e) => e.includes('.partial-') || e.includes('.old-'));
    equal(left.join(', '), '', 'nothing half-written is left beside the pages');
    equal(readFileSync(join(out, 'summary.md'), 'utf8'), 'the pages published before\n');
    equal(writeErrors.join('; '), '', 'writing the messages into the pipe failed other than by the interruption');
  }
});

test('a second run waits for the checkout lock, naming who holds it, or says so and stops', async () => {
  // Into a folder of the test's own inside the checkout (reports/ is the checkout's scratch space, ignored by git):
  // the generator takes the checkout's lock for anything it writes there, and the checkout's pages and reports stay
  // those of its last run while other phases of npm test build and read them.
  mkdirSync(join(root, 'reports'), { recursive: true });
  const dir = mkdtempSync(join(root, 'reports', 'publishing-lock-'));
  const args = ['--messages', fixture, '--out', join(dir, 'generated'), '--static-reports', join(dir, 'static')];
  const release = await takeLock('the publishing test');
  let waiting: ChildProcess | undefined;
  try {
    const refused = await finished(generate(args, { CHAT_KB_LOCK_WAIT: '0' }));
    equal(refused.code, 2);
    match(refused.err, /another run in this checkout holds .*\.run\.lock: the publishing test \(process \d+, since /);
    equal(readdirSync(dir).join(), '', 'the refused run wrote nothing');
    waiting = generate(args, { CHAT_KB_LOCK_WAIT: '60' });
    const result = finished(waiting);
    let err = '';
    waiting.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await until(() => err.includes('waiting for the publishing test'), 'the waiting message');
    release();
    const done = await result;
    equal(done.code, 0, done.err);
    match(done.out, /^Generated \d+ files in /m);
    ok(existsSync(join(dir, 'generated', 'summary.md')), 'the waiting run published its pages');
  } finally {
    release();
  }
  rmSync(dir, { recursive: true, force: true });
  // Neither this test nor the run it started holds the lock now (another phase of npm test may).
  const holder = readOwner(LOCK_DIR);
  ok(
    holder === null || 'unknown' in holder || (holder.command !== 'the publishing test' && holder.pid !== waiting?.pid),
    'the lock is released',
  );
});
