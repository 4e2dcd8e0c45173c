// node scripts/bench/same-messages.js <before.ndjson> <after.ndjson>: whether two cucumber runs wrote the same
// messages, but for what differs from run to run (ids, timestamps, durations). The check behind every optimisation of
// the specification's run (docs/engineering/testing.md): run the specification before and after a change, writing
// its messages, and compare. Ids are compared by where they first appear, so a message that points at another
// message still has to point at the same one. Exits 1 on the first envelope that differs, printing both.
// `--lines-moved` also sets aside the line numbers of source references (a step or hook definition's line), for
// a change that edited the step files themselves; a definition found in no file (uri "unknown") still differs.
const { readFileSync } = require('node:fs');

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Fields whose value is a time: when something happened, or how long it took. */
const TIMES = new Set(['timestamp', 'duration']);

/** The envelopes of a messages file, each with its ids renumbered in order of appearance and its times zeroed. */
function normalisedEnvelopes(file, { linesMoved = false } = {}) {
  const ids = new Map();
  const normalise = (value, key) => {
    if (TIMES.has(key)) return 0;
    if (linesMoved && key === 'sourceReference' && value?.uri !== 'unknown') return { uri: value?.uri };
    if (typeof value === 'string') {
      if (!ID.test(value)) return value;
      if (!ids.has(value)) ids.set(value, `id-${ids.size}`);
      return ids.get(value);
    }
    if (Array.isArray(value)) return value.map((v) => normalise(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
    return value;
  };
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.stringify(normalise(JSON.parse(line))));
}

/** The first difference between two messages files, or null if they are the same but for ids and times. */
function firstDifference(before, after, options) {
  const a = normalisedEnvelopes(before, options);
  const b = normalisedEnvelopes(after, options);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { envelope: i + 1, before: a[i] ?? '(none)', after: b[i] ?? '(none)' };
  }
  return null;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const linesMoved = args.includes('--lines-moved');
  const [before, after] = args.filter((arg) => arg !== '--lines-moved');
  if (!before || !after) {
    console.error('usage: node scripts/bench/same-messages.js [--lines-moved] <before.ndjson> <after.ndjson>');
    process.exit(2);
  }
  const difference = firstDifference(before, after, { linesMoved });
  if (difference) {
    console.log(`envelope ${difference.envelope} differs:\n- ${difference.before}\n+ ${difference.after}`);
    process.exit(1);
  }
  console.log(`${before} and ${after}: the same messages, ids and times${linesMoved ? ' and lines' : ''} aside`);
}

module.exports = { firstDifference, normalisedEnvelopes };
