// npm start: run the specification, generate the pages from the run, build the site and serve it on localhost.
// Failed scenarios do not stop it (they are published as failed); a run that leaves no messages file does.
// Everything up to serving holds the checkout's lock (scripts/checkout-lock.js): a second `npm start` waits for the
// first one's run and build, and swaps its finished site in under the first one's server (scripts/build.js).
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { createInterface } = require('node:readline');
const { takeLock, LockBusy, root } = require('./checkout-lock');
const { buildSite } = require('./build');

const bin = (name) => join(root, 'node_modules', '.bin', name);
const port = process.env.PORT ?? '3000';

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const release = await takeLock('npm start');
  const specStatus = await run('Running the specification (npm run spec)', bin('cucumber-js'), []);
  if (!existsSync(join(root, 'reports', 'messages.ndjson'))) {
    console.error('The specification left no reports/messages.ndjson; see the errors above.');
    return 1;
  }
  if (specStatus !== 0) {
    console.log('\nSome scenarios did not pass. Carrying on: the site shows them as failed (see "Last run").');
  }
  console.log('\n▶ Generating the pages (npm run docs:generate) and building the site (docusaurus build)');
  const built = await buildSite();
  if (built !== 0) return built;
  release();

  console.log(`\n▶ Serving the site: open http://localhost:${port}/ (Ctrl+C to stop)\n`);
  const server = spawn(bin('docusaurus'), ['serve', '--port', port, '--host', 'localhost', '--no-open'], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  // The address is said above, once: Docusaurus's own line names the folder it serves instead.
  createInterface({ input: server.stdout }).on('line', (line) => {
    if (!/Serving "build" directory at/.test(line)) console.log(line);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) => server.on('exit', (code) => resolve(code ?? 0)));
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(error instanceof LockBusy ? error.message : error);
    process.exit(error instanceof LockBusy ? 2 : 1);
  },
);
