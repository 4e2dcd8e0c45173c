// npm start: run the specification, generate the pages from the run, build the site and serve it on localhost.
// Failed scenarios do not stop it (they are published as failed); a run that leaves no messages file does.
const { spawnSync, spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const port = process.env.PORT ?? '3000';

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status;
}

const specStatus = run('Running the specification (npm run spec)', bin('cucumber-js'), []);
if (!existsSync(join(root, 'reports', 'messages.ndjson'))) {
  console.error('The specification left no reports/messages.ndjson; see the errors above.');
  process.exit(1);
}
if (specStatus !== 0) {
  console.log('\nSome scenarios did not pass. Carrying on: the site shows them as failed (see "Last run").');
}
if (run('Generating the pages (npm run docs:generate)', 'npm', ['run', '--silent', 'docs:generate']) !== 0)
  process.exit(1);
if (run('Building the site (docusaurus build)', bin('docusaurus'), ['build']) !== 0) process.exit(1);

console.log(`\n▶ Serving the site: open http://localhost:${port}/ (Ctrl+C to stop)\n`);
const server = spawn(bin('docusaurus'), ['serve', '--port', port, '--host', 'localhost', '--no-open'], {
  cwd: root,
  stdio: 'inherit',
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
