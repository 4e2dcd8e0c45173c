/**
 * Prints its standard input as one fenced code block for a Markdown job summary (CI's counterexamples):
 * the fence is longer than any run of backticks in the text, so a counterexample holding ``` cannot end the
 * block and turn what follows into Markdown (generator/escape.ts's codeBlock).
 *
 *   tail -n 300 merge.log | node --require ts-node/register scripts/code-block.ts [INFO]
 */
import { readFileSync } from 'node:fs';
import { codeBlock } from '../generator/escape';

const info = process.argv[2] ?? '';
if (!/^[a-z]*$/.test(info)) {
  console.error(
    `code-block: the info string must be lowercase letters (a language such as text); got ${JSON.stringify(info)}`,
  );
  process.exit(2);
}
process.stdout.write(`${codeBlock(readFileSync(0, 'utf8').replace(/\n$/, ''), info)}\n`);
