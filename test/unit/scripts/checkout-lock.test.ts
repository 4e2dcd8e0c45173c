/**
 * No run wedges the next: the checkout's lock is made whole (its owner written before it exists), a lock that
 * records no owner (a full disk between creating it and writing the owner, with the older code) is taken over at
 * once, a failed creation leaves no lock, CHAT_KB_LOCK_WAIT is checked like the FUZZ_* variables, and the
 * generator takes the lock whenever it writes into the checkout, whatever --out says.
 */
import { test } from 'node:test';
import { equal, match, ok, rejects, throws } from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { lockWait, LockBusy, LockWaitInvalid, takeLock } from '../../../scripts/checkout-lock';
import { GENERATE_DOCS } from '../../support/generate-docs';
import { anyText } from '../../../generator/hostile-values';

const root = join(__dirname, '..', '..', '..');

test('CHAT_KB_LOCK_WAIT: a whole number of seconds up to a day, or one line naming it', () => {
  equal(lockWait({}), 900);
  equal(lockWait({ CHAT_KB_LOCK_WAIT: '' }), 900, 'empty is unset, not "no wait"');
  equal(lockWait({ CHAT_KB_LOCK_WAIT: ' 0 ' }), 0);
  equal(lockWait({ CHAT_KB_LOCK_WAIT: '86400' }), 86400);
  for (const raw of ['abc', '0x10', '1e3', '-1', '86401', '1.5', '99999999999999999999']) {
    throws(
      () => lockWait({ CHAT_KB_LOCK_WAIT: raw }),
      (e: unknown) =>
        e instanceof LockWaitInvalid &&
        e instanceof LockBusy &&
        e.message.startsWith(`CHAT_KB_LOCK_WAIT=${JSON.stringify(raw)} is not how long to wait`),
    );
  }
  let tried = 0;
  fc.assert(
    fc.property(fc.oneof(anyText, fc.integer().map(String), fc.double().map(String)), (raw) => {
      tried++;
      const valid = /^\s*\d+\s*$/.test(raw) && Number(raw) <= 86400;
      if (raw.trim() === '') equal(lockWait({ CHAT_KB_LOCK_WAIT: raw }), 900);
      else if (valid) equal(lockWait({ CHAT_KB_LOCK_WAIT: raw }), Number(raw));
      else {
        throws(
          () => lockWait({ CHAT_KB_LOCK_WAIT: raw }),
          (e: unknown) => e instanceof LockWaitInvalid && !e.message.includes('\n'),
        );
      }
    }),
    { numRuns: 500, seed: 20110712 },
  );
  equal(tried, 500);
});

test('a lock that records no owner, or a broken one, is taken over at once; a live one is waited for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const lock = join(dir, '.run.lock');
  for (const owner of [null, '', '{"pid":', '{"pid":"1","token":5}', '[]']) {
    mkdirSync(lock);
    if (owner !== null) writeFileSync(join(lock, 'owner.json'), owner);
    const said: string[] = [];
    const release = await takeLock('the lock test', { dir: lock, waitSeconds: 0, say: (l) => said.push(l) });
    // An empty lock folder is replaced by the rename that makes the new lock whole; one with a file is taken over.
    if (owner !== null)
      match(said.join('\n'), /took over the lock .* from a run that recorded no owner .*, which records no owner/);
    match(readFileSync(join(lock, 'owner.json'), 'utf8'), /"command":"the lock test","pid":\d+/);
    release();
    ok(!existsSync(lock), 'released');
  }
  const held = await takeLock('the first run', { dir: lock, waitSeconds: 0 });
  delete process.env.CHAT_KB_LOCK; // the second run is another process's, not a child of the first
  await rejects(takeLock('a second run', { dir: lock, waitSeconds: 0, say: () => undefined }), (e: Error) => {
    ok(e instanceof LockBusy);
    match(e.message, /^a second run: another run in this checkout holds .*: the first run \(process \d+, since /);
    return true;
  });
  held();
  equal(readdirSync(dir).join(), '', 'no partial or old lock folder is left');
});

test('a lock that cannot be made leaves none behind and says why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  writeFileSync(join(dir, 'a-file'), '');
  const lock = join(dir, 'a-file', '.run.lock');
  await rejects(
    takeLock('the lock test', { dir: lock, waitSeconds: 0 }),
    (e: Error) =>
      e instanceof LockBusy &&
      /cannot take this checkout's lock .*: writing its owner failed \(E[A-Z]+\)/.test(e.message),
  );
  equal(readdirSync(dir).join(), 'a-file');
});

test('docs:generate --out elsewhere still takes the lock: it writes static/reports and the history', async () => {
  // As long as any run may hold it: npm test builds the site beside the unit tests.
  const release = await takeLock('the lock test', { waitSeconds: 900 });
  try {
    const out = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CHAT_KB_LOCK_WAIT: '0' };
    delete env.CHAT_KB_LOCK;
    const child = spawn(process.execPath, [...GENERATE_DOCS, '--out', join(out, 'generated'), '--no-bench'], {
      cwd: root,
      env,
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    equal(code, 2, err);
    match(
      err,
      /^generate-docs: npm run docs:generate: another run in this checkout holds .*\.run\.lock: the lock test/,
    );
    equal(readdirSync(out).join(), '', 'nothing written');
  } finally {
    release();
  }
});
