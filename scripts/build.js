// npm run build: the pages from the last run (npm run docs:generate), then the site. Docusaurus builds into
// build.partial/, which replaces build/ only once the build is complete: a failed or interrupted build leaves the
// last good site in place, and a server serving build/ never sees it empty. It runs under the checkout's lock
// (scripts/checkout-lock.js), so a second build waits; interrupted (Ctrl+C, kill), it stops its child and
// removes what it had half written.
const { spawn } = require('node:child_process');
const { existsSync, renameSync, rmSync } = require('node:fs');
const { createInterface } = require('node:readline');
const { join } = require('node:path');
const { takeLock, LockBusy, onInterrupt, root } = require('./checkout-lock');

const bin = (name) => join(root, 'node_modules', '.bin', name);
const BUILD = join(root, 'build');
const PARTIAL = join(root, 'build.partial');
const OLD = join(root, 'build.old');

let child = null;

/**
 * Lines of Docusaurus's build that speak of its internals, not of what npm run build and npm start do: the
 * temporary folder it builds into, and its advice to run another command (npm start serves the site itself).
 * Everything else it prints, warnings and errors included, passes through.
 */
const DOCUSAURUS_CHATTER = [/Generated static files in "build\.partial"/, /Use `npm run serve` command/];

/** Runs a command with the terminal; lines of its output matching one of `quiet` are left out. */
function run(command, args, quiet = []) {
  return new Promise((resolve, reject) => {
    child = spawn(command, args, { cwd: root, stdio: ['inherit', quiet.length ? 'pipe' : 'inherit', 'inherit'] });
    if (quiet.length) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (!quiet.some((pattern) => pattern.test(line))) console.log(line);
      });
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : 15));
    });
  });
}

/** Generates the pages and builds the site into build/; the exit status of the step that failed, or 0. */
async function buildSite({ generate = true } = {}) {
  await takeLock('npm run build');
  // A build is a temporary folder while it runs; one left by a killed run (the lock's holder is gone) goes.
  rmSync(PARTIAL, { recursive: true, force: true });
  rmSync(OLD, { recursive: true, force: true });
  const stop = onInterrupt(() => {
    child?.kill('SIGTERM');
    rmSync(PARTIAL, { recursive: true, force: true });
  }, 'npm run build');
  try {
    if (generate) {
      const status = await run(process.execPath, ['--require', 'ts-node/register', 'scripts/generate-docs.ts']);
      if (status !== 0) return status;
    }
    const status = await run(bin('docusaurus'), ['build', '--out-dir', PARTIAL], DOCUSAURUS_CHATTER);
    if (status !== 0) {
      rmSync(PARTIAL, { recursive: true, force: true });
      return status;
    }
    if (existsSync(BUILD)) renameSync(BUILD, OLD);
    renameSync(PARTIAL, BUILD);
    rmSync(OLD, { recursive: true, force: true });
    console.log('The site is built.');
    return 0;
  } finally {
    stop();
  }
}

module.exports = { buildSite };

if (require.main === module) {
  buildSite().then(
    (status) => process.exit(status),
    (error) => {
      console.error(error instanceof LockBusy ? error.message : error);
      process.exit(error instanceof LockBusy ? 2 : 1);
    },
  );
}
