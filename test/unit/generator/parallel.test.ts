/**
 * Cucumber's `--parallel` runs publish the same pages as serial runs: the specification run both ways (into
 * temporary messages files, leaving reports/ alone), each generated into a folder of its own, and every file
 * compared byte for byte, except the run summary, the one page that carries the run's date, commit and timings.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GENERATE_DOCS, generatorOptions } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
/** The only generated file allowed to differ between two runs of the same specification. */
const RUN_SUMMARY = 'summary.md';

function run(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`)),
    );
  });
}

function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return found;
}

function workersOf(messages: string): Set<string> {
  const workers = new Set<string>();
  for (const line of readFileSync(messages, 'utf8').split('\n')) {
    if (!line.startsWith('{"testCaseStarted"')) continue;
    const started = (JSON.parse(line) as { testCaseStarted: { workerId?: string } }).testCaseStarted;
    workers.add(started.workerId ?? 'main');
  }
  return workers;
}

test('a --parallel run publishes the same pages as a serial run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallel-pages-'));
  try {
    const messages = { serial: join(dir, 'serial.ndjson'), parallel: join(dir, 'parallel.ndjson') };
    const spec = (file: string, extra: readonly string[]) =>
      run([cucumber, '--profile', 'bare', '--format', `message:${file}`, ...extra]);
    await Promise.all([spec(messages.serial, []), spec(messages.parallel, ['--parallel', '2'])]);
    strictEqual(workersOf(messages.serial).size, 1);
    strictEqual(workersOf(messages.parallel).size, 2, 'the parallel run used two workers');

    const generate = (name: 'serial' | 'parallel') =>
      run([
        ...GENERATE_DOCS,
        ...generatorOptions(messages[name], join(dir, `${name}-pages`), join(dir, `${name}-static`)),
      ]);
    await Promise.all([generate('serial'), generate('parallel')]);

    const serial = files(join(dir, 'serial-pages'));
    const parallel = files(join(dir, 'parallel-pages'));
    deepStrictEqual([...parallel.keys()].sort(), [...serial.keys()].sort());
    ok(serial.size >= 10, `only ${serial.size} files generated`);
    const differing = [...serial].filter(([path, bytes]) => path !== RUN_SUMMARY && !bytes.equals(parallel.get(path)!));
    deepStrictEqual(
      differing.map(([path]) => path),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
