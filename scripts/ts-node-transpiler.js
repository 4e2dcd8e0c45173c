// ts-node's own swc transpiler (`ts-node/transpilers/swc`, what `"swc": true` selects), with each file's output
// kept on disk: tsconfig.json's "ts-node" block names this module as its `transpiler` (ts-node's documented
// extension point for transpilers), so cucumber, node's test runner and the scripts load TypeScript through
// `ts-node/register`, transpile only (`tsc --noEmit` checks the types). ts-node itself keeps no cache and compiles
// every file on every run; the cache is what keeps the specification's run from paying swc for some 140 files each
// time (docs/engineering/dependencies.md has the figures).
//
// Each file's output is kept in node_modules/.cache/ts-node-swc/, one entry per source file, stamped with a digest
// of ts-node's and swc's versions, the compiler options and the source text: a run whose sources did not change
// loads no swc at all. A cache that cannot be written, or an entry whose stamp differs, only means compiling again.
// A copy of the sources that borrows another checkout's node_modules through a link (the unit tests make such
// copies in a temporary folder) compiles without a cache, so that folders which come and go leave nothing behind.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cacheDir = join(root, 'node_modules', '.cache', 'ts-node-swc');
const ownModules = realpathSync(join(root, 'node_modules')) === join(realpathSync(root), 'node_modules');
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const digest = (text) => createHash('sha1').update(text).digest('hex');

/** ts-node's transpiler factory: the same arguments as ts-node's swc transpiler, which it wraps. */
function create(createOptions) {
  let swc;
  const compile = (input, options) => {
    swc ??= require('ts-node/transpilers/swc').create(createOptions);
    return swc.transpile(input, options);
  };
  if (!ownModules) return { transpile: compile };
  const salt = `${version('ts-node')} ${version('@swc/core')} ${JSON.stringify(createOptions.service.config.options)}`;
  const transpile = (input, options) => {
    const entry = join(cacheDir, `${digest(options.fileName)}.json`);
    const stamp = digest(`${salt}\n${options.fileName}\n${input}`);
    try {
      const kept = JSON.parse(readFileSync(entry, 'utf8'));
      if (kept.stamp === stamp) return kept.output;
    } catch {
      // not compiled yet, or an entry cut short
    }
    const output = compile(input, options);
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Written beside and renamed, so a process reading the entry meanwhile sees the old one or the new one whole.
      const partial = `${entry}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify({ stamp, output }));
      renameSync(partial, entry);
    } catch {
      // a read-only checkout: compile every time
    }
    return output;
  };
  return { transpile };
}

module.exports = { create };
