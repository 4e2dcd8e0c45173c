// npm start: run the specification, generate the pages from the run, build the site and serve it on localhost.
// Failed scenarios do not stop it (they are published as failed); a run that leaves no messages file does.
// Everything up to serving holds the checkout's lock (scripts/checkout-lock.js): a second `npm start` waits for the
// first one's run and build, and swaps its finished site in under the first one's server (scripts/build.js).
// It exits non-zero whenever it cannot serve: PORT is checked first (a whole number from 1 to 65,535), a port
// another program holds is named before the run (as a warning: another `npm start` of this checkout serving there
// serves the new site too) and refused before serving, and a server that stops on its own is an error. A signal (Ctrl+C, kill) stops it, and the step it was in, by that signal, said as such: a
// specification stopped by a signal is never taken for failing scenarios.
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { takeLock, LockBusy, root, endBySignal, signalMeaning, SIGNALS } = require('./checkout-lock');
const { buildSite } = require('./build');

const bin = (name) => join(root, 'node_modules', '.bin', name);
const HOST = 'localhost';

/** A wrong PORT or a port another program holds: one line, exit status 2. */
class CannotServe extends Error {}

/** PORT, checked before anything runs: unset or empty is 3000. */
function portOf(env = process.env) {
  const raw = env.PORT;
  if (raw === undefined || raw.trim() === '') return 3000;
  const value = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(value >= 1 && value <= 65535)) {
    const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}...` : raw);
    throw new CannotServe(`PORT=${shown} is not a port to serve the site on: a whole number from 1 to 65,535`);
  }
  return value;
}

/** Resolves when `port` can be listened on here; a `CannotServe` naming it when another program holds it. */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'another program is listening on it'
          : error.code === 'EACCES'
            ? 'this user may not listen on it'
            : error.code;
      reject(new CannotServe(`cannot serve on port ${port} of ${HOST}: ${why}; stop it or choose another with PORT=`));
    });
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

/** The signal that is stopping this run, once one came; the child running then is stopped by it too. */
let stopping = null;
let current = null;
function listenForSignals() {
  for (const signal of Object.keys(SIGNALS)) {
    process.on(signal, () => {
      stopping ??= signal;
      current?.kill(signal);
    });
  }
}

/** Runs a step; its exit status, or the signal that ended it. */
function run(title, command, args) {
  if (title) console.log(`\n▶ ${title}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    current = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      current = null;
      resolve({ code, signal });
    });
  });
}

/** Ends the run by the signal that stopped it, saying so. */
function stopped(signal, what) {
  console.error(
    `\nnpm start: ${what} stopped by ${signalMeaning(signal)}; the last complete pages and site are left in place.`,
  );
  endBySignal(signal);
  return new Promise(() => undefined); // the signal ends the process
}

/** The steps npm start runs; a test gives stand-ins (a specification that waits, a build that does nothing). */
const STEPS = {
  spec: () => [bin('cucumber-js'), []],
  messages: join(root, 'reports', 'messages.ndjson'),
  build: () => buildSite(),
  serve: (port) => [bin('docusaurus'), ['serve', '--port', String(port), '--host', HOST, '--no-open']],
};

async function main(steps = STEPS) {
  listenForSignals();
  const port = portOf();
  // Said now, not refused: another `npm start` of this checkout serving there will serve this run's site too.
  await checkPortFree(port).catch((error) =>
    console.error(
      `npm start: ${error.message.replace(/; stop it.*/, '')} now; unless it is free once the site is built, npm start will stop there`,
    ),
  );
  const release = await takeLock('npm start');
  const spec = await run('Running the specification (npm run spec)', ...steps.spec());
  if (stopping || spec.signal) return stopped(stopping ?? spec.signal, 'the specification was');
  if (!existsSync(steps.messages)) {
    console.error('The specification left no reports/messages.ndjson; see the errors above.');
    return 1;
  }
  if (spec.code !== 0) {
    console.log('\nSome scenarios did not pass. Carrying on: the site shows them as failed (see "Last run").');
  }
  console.log('\n▶ Generating the pages (npm run docs:generate) and building the site (docusaurus build)');
  const built = await steps.build();
  if (stopping) return stopped(stopping, 'the build was');
  if (built !== 0) return built;
  release();

  await checkPortFree(port);
  console.log(`\n▶ Serving the site: open http://${HOST}:${port}/ (Ctrl+C to stop)\n`);
  const server = await run(null, ...steps.serve(port));
  if (stopping) return stopped(stopping, 'the server was');
  if (server.signal) return stopped(server.signal, 'the server was');
  console.error(
    `\nnpm start: the server stopped on its own (exit status ${server.code}): the site is no longer served.`,
  );
  return server.code || 1;
}

/** Runs npm start to its end: the process exits with its status (2 for one line naming what is wrong). */
function start(steps) {
  main(steps).then(
    (status) => process.exit(status),
    (error) => {
      const oneLine = error instanceof LockBusy || error instanceof CannotServe;
      console.error(oneLine ? `npm start: ${error.message}` : error);
      process.exit(oneLine ? 2 : 1);
    },
  );
}

module.exports = { start, portOf, CannotServe };

if (require.main === module) start();
