/**
 * npm test (scripts/test.js) stops what it started: a signal stops every running phase and everything each phase
 * started, the phases after them never start, and npm test ends by that signal, saying which phases it stopped.
 * The phases are stand-ins given to `main` (each starts a grandchild, as npm run starts its script, and both wait),
 * so the test runs no real phase.
 */
import { test } from 'node:test';
import { deepEqual, equal, match } from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, seconds = 20): Promise<void> {
  const deadline = process.hrtime.bigint() + BigInt(seconds * 1e9);
  while (!check()) {
    if (process.hrtime.bigint() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const signal of ['SIGTERM', 'SIGINT'] as const)
  test(`${signal} stops every running phase and all it started, and ends npm test by ${signal}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'test-runner-'));
    try {
      // Each phase writes its own pid and its grandchild's to <dir>/<phase>, then waits.
      const phase = (name: string) =>
        `const { spawn } = require('node:child_process');
         const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         require('node:fs').writeFileSync(${JSON.stringify(join(dir, name))}, process.pid + ' ' + grandchild.pid);
         setInterval(() => {}, 1000);`;
      const phases = Object.fromEntries(['first', 'second', 'third'].map((name) => [name, phase(name)]));
      const driver = `const phases = ${JSON.stringify(phases)};
        require('./scripts/test.js').main(false, {
          lanes: [['first'], ['second', 'third']],
          command: (script) => [process.execPath, ['-e', phases[script]]],
        })`;
      const child = spawn(process.execPath, ['-e', driver], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on('exit', (code, endSignal) => resolve({ code, signal: endSignal })),
      );
      await until('both phases to start', () => existsSync(join(dir, 'first')) && existsSync(join(dir, 'second')));
      const pids = ['first', 'second'].flatMap((name) => readFileSync(join(dir, name), 'utf8').split(' ').map(Number));
      deepEqual(pids.map(alive), [true, true, true, true]);
      child.kill(signal);
      const { code, signal: endSignal } = await ended;
      equal(endSignal, signal, `npm test ended by ${signal} (code ${code}); stderr: ${err}`);
      match(err, new RegExp(`npm test: stopped by ${signal} .*, and with it (first, second|second, first)`));
      await until('every phase and grandchild to end', () => !pids.some(alive), 10);
      equal(existsSync(join(dir, 'third')), false, 'the phase after a stopped one never starts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
