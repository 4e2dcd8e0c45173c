// Loads TypeScript with swc alone: for cucumber and node's test runner (through test/register.js) and for the
// scripts whose speed and memory are measured (the docs generator). ts-node also loads the `typescript` package
// to read tsconfig.json: about 0.3 s and 80 MB more, and a larger live heap lets V8 grow the heap further before
// it collects. Types are checked by `tsc --noEmit` (`npm run typecheck`), never here.
//
// Each compiled file is kept in node_modules/.cache/swc-register/, one entry per source file, stamped with a
// digest of swc's version, the options and the source text: a run whose sources did not change loads no
// compiler at all (loading swc's native binding alone costs about 0.1 s). A cache that cannot be written, or an
// entry whose stamp differs, only means compiling again. A copy of the sources that borrows another checkout's
// node_modules through a link (the unit tests make such copies in a temporary folder) compiles without a cache,
// so that folders which come and go leave nothing behind.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OPTIONS = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const root = join(__dirname, '..');
const cacheDir = join(root, 'node_modules', '.cache', 'swc-register');
const swcPackage = join(root, 'node_modules', '@swc', 'core', 'package.json');
const salt = `${JSON.parse(readFileSync(swcPackage, 'utf8')).version} ${JSON.stringify(OPTIONS)}`;
const ownModules = realpathSync(join(root, 'node_modules')) === join(realpathSync(root), 'node_modules');

const digest = (text) => createHash('sha1').update(text).digest('hex');

function compile(source, filename) {
  const { transformSync } = require('@swc/core');
  return transformSync(source, { ...OPTIONS, filename }).code;
}

function cached(source, filename) {
  if (!ownModules) return compile(source, filename);
  const entry = join(cacheDir, `${digest(filename)}.js`);
  const stamp = `// ${digest(`${salt}\n${filename}\n${source}`)}\n`;
  try {
    const kept = readFileSync(entry, 'utf8');
    if (kept.startsWith(stamp)) return kept.slice(stamp.length);
  } catch {
    // not compiled yet
  }
  const code = compile(source, filename);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written beside and renamed, so a process reading the entry meanwhile sees the old one or the new one whole.
    const partial = `${entry}.${process.pid}.partial`;
    writeFileSync(partial, stamp + code);
    renameSync(partial, entry);
  } catch {
    // a read-only checkout: compile every time
  }
  return code;
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(cached(readFileSync(filename, 'utf8'), filename), filename);
};
