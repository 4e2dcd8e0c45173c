// npm run test:reproducible: the same pages give the same site, byte for byte, whatever was built before. Builds
// docs/generated/ as it is, then a site of other pages (the run summary changed, as every run changes it), then the
// first pages again, and compares the first and the last build file by file. Under the checkout's lock; the pages
// are put back however it ends.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative } = require('node:path');
const { takeLock, onInterrupt, root } = require('./checkout-lock');

const pages = join(root, 'docs', 'generated');

function build(outDir) {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'docusaurus'), ['build', '--out-dir', outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`docusaurus build into ${outDir} failed (${result.status})`);
}

function digests(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

async function main() {
  await takeLock('npm run test:reproducible');
  const work = mkdtempSync(join(tmpdir(), 'reproducible-'));
  const saved = join(work, 'pages');
  cpSync(pages, saved, { recursive: true });
  const restore = () => {
    rmSync(pages, { recursive: true, force: true });
    cpSync(saved, pages, { recursive: true });
  };
  const stop = onInterrupt(restore);
  try {
    console.log('building the pages as they are');
    build(join(work, 'first'));
    console.log('building other pages (the run summary changed)');
    appendFileSync(join(pages, 'summary.md'), '\nA line the first build did not have.\n');
    build(join(work, 'other'));
    restore();
    console.log('building the first pages again');
    build(join(work, 'again'));
  } finally {
    restore();
    stop();
  }
  const first = digests(join(work, 'first'));
  const again = digests(join(work, 'again'));
  const differ = [...new Set([...first.keys(), ...again.keys()])].filter((f) => first.get(f) !== again.get(f)).sort();
  rmSync(work, { recursive: true, force: true });
  if (differ.length) {
    console.error(`The same pages built twice differ in ${differ.length} of ${first.size} files:`);
    for (const file of differ.slice(0, 20)) console.error(`  ${file}`);
    return 1;
  }
  console.log(`The same pages built twice, around a build of other pages, are identical: ${first.size} files.`);
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(`test:reproducible: ${error.message}`);
    process.exit(1);
  },
);
