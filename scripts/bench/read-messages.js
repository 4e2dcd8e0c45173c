// The generation benchmark's baseline: read a messages file line by line and parse every line, nothing else (no
// TypeScript, no pages). What generation adds on top of this is the generator's own cost.
//
//   node scripts/bench/read-messages.js FILE
const { createReadStream } = require('node:fs');

/** 1 for a message line, 0 for a blank one. */
function parsed(line) {
  if (!line) return 0;
  JSON.parse(line);
  return 1;
}

async function main(file) {
  let rest = '';
  let messages = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) messages += parsed(line);
  }
  messages += parsed(rest);
  return messages;
}

main(process.argv[2]).then(
  (messages) => console.log(`${messages} messages`),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
