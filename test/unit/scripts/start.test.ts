/**
 * npm start tells the truth: a wrong PORT is one line before anything runs, a port another program holds is
 * refused before serving (exit status 2), a server that stops on its own is an error, and a signal during the
 * specification stops it by that signal, never taken for failing scenarios. The steps are stand-ins (a
 * specification that waits, a build that does nothing) given to scripts/start.js's `start`, so no test here
 * writes the checkout's reports or site; it takes the checkout's lock as npm start does.
 */
import { test } from 'node:test';
import { equal, match, ok, throws } from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { anyText } from '../../../generator/hostile-values';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { portOf, CannotServe } = require('../../../scripts/start') as {
  portOf: (env: Record<string, string | undefined>) => number;
  CannotServe: new (message: string) => Error;
};

const root = join(__dirname, '..', '..', '..');

/** Runs npm start with stand-in steps; `serve` is the stand-in server's code (node -e). */
function startWith(env: Record<string, string>, spec: string, serve = 'setTimeout(() => {}, 60000)') {
  const driver = `require('./scripts/start.js').start({
    spec: () => [process.execPath, ['-e', ${JSON.stringify(spec)}]],
    messages: ${JSON.stringify(__filename)},
    build: async () => 0,
    serve: () => [process.execPath, ['-e', ${JSON.stringify(serve)}]],
  })`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.CHAT_KB_LOCK;
  const child = spawn(process.execPath, ['-e', driver], { cwd: root, env: childEnv });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, ended, out: () => out, err: () => err };
}

/** A port free now (the system's choice), for a run that must get as far as serving. */
async function freePort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, 'localhost', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return String(port);
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 3000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  ok(condition(), `timed out waiting for ${what}`);
};

test('PORT: a whole number from 1 to 65,535, or one line naming it', () => {
  equal(portOf({}), 3000);
  equal(portOf({ PORT: '' }), 3000);
  equal(portOf({ PORT: '8080' }), 8080);
  for (const raw of ['abc', '0', '65536', '-1', '80.5', '0x50', '1e3', '99999999999999']) {
    throws(
      () => portOf({ PORT: raw }),
      (e: Error) =>
        e instanceof CannotServe &&
        e.message === `PORT=${JSON.stringify(raw)} is not a port to serve the site on: a whole number from 1 to 65,535`,
    );
  }
  let tried = 0;
  fc.assert(
    fc.property(fc.oneof(anyText, fc.integer().map(String)), (raw) => {
      tried++;
      const n = Number(raw.trim());
      const valid = /^\s*\d{1,5}\s*$/.test(raw) && n >= 1 && n <= 65535;
      if (raw.trim() === '') equal(portOf({ PORT: raw }), 3000);
      else if (valid) equal(portOf({ PORT: raw }), n);
      else
        throws(
          () => portOf({ PORT: raw }),
          (e: Error) => e instanceof CannotServe && !e.message.includes('\n'),
        );
    }),
    { numRuns: 500, seed: 20110712 },
  );
  equal(tried, 500);
});

test('npm start with PORT=abc stops before running anything, in one line', async () => {
  const run = startWith({ PORT: 'abc' }, 'process.exit(0)');
  const { code } = await run.ended;
  equal(code, 2);
  equal(run.out(), '');
  equal(run.err(), 'npm start: PORT="abc" is not a port to serve the site on: a whole number from 1 to 65,535\n');
});

test('a port another program holds is named, and npm start exits 2 instead of announcing the site', async () => {
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, 'localhost', resolve));
  const port = (other.address() as AddressInfo).port;
  try {
    const run = startWith({ PORT: String(port) }, 'process.exit(0)');
    const { code } = await run.ended;
    equal(code, 2, run.err());
    match(run.err(), new RegExp(`cannot serve on port ${port} of localhost: another program is listening on it`));
    ok(!run.out().includes('open http://'), 'the site is not announced');
  } finally {
    other.close();
  }
});

test('a server that stops on its own is an error, not a served site', async () => {
  const run = startWith({ PORT: await freePort() }, 'process.exit(0)', 'process.exit(0)');
  const { code } = await run.ended;
  equal(code, 1, run.err());
  match(run.err(), /npm start: the server stopped on its own \(exit status 0\): the site is no longer served\./);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} during the specification stops npm start by ${signal}, not as failing scenarios`, async () => {
    const run = startWith({ PORT: await freePort() }, 'console.log("spec running"); setTimeout(() => {}, 60000)');
    await until(() => run.out().includes('spec running'), 'the specification to start');
    run.child.kill(signal);
    const { code, signal: ended } = await run.ended;
    equal(ended, signal, `exit code ${code}`);
    match(run.err(), new RegExp(`npm start: the specification was stopped by ${signal} \\(`));
    ok(!run.out().includes('did not pass'), 'not taken for failing scenarios');
    ok(!run.out().includes('Generating the pages'), 'it does not carry on');
  });
}
