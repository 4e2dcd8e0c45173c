// Loads TypeScript with swc alone, for scripts whose speed and memory are measured (the docs generator). ts-node
// (test/register.js) also loads the `typescript` package to read tsconfig.json: about 0.3 s and 80 MB more, and
// a larger live heap lets V8 grow the heap further before it collects. Types are checked by `tsc --noEmit`.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
