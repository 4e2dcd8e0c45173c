/**
 * A synthetic cucumber run of at least N scenarios (default 10,000) for measuring the docs generator at scale:
 * the suite's own messages file copied as many times as needed, every id and uri renamed per copy, so the
 * traces, end states and statuses are real ones. Written as a stream; one run's messages in order.
 *
 *   node --require ts-node/register scripts/bench/synthetic-run.ts [source.ndjson] [out.ndjson] [scenarios]
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Renames ids (fields named id, *Id, *Ids) and uris so that copy `k` shares nothing with another copy. */
function renamed(value: Json, copy: number, key = ''): Json {
  if (typeof value === 'string') {
    if (key === 'id' || key.endsWith('Id') || key.endsWith('Ids')) return `c${copy}-${value}`;
    if (key === 'uri') return value.replace(/^features\//, `features/copy-${String(copy).padStart(4, '0')}/`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => renamed(item, copy, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, copy, k)]));
  }
  return value;
}

async function readEnvelopes(file: string): Promise<Record<string, Json>[]> {
  const envelopes: Record<string, Json>[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) envelopes.push(JSON.parse(line) as Record<string, Json>);
  return envelopes;
}

export async function writeSyntheticRun(source: string, out: string, scenarios: number): Promise<number> {
  const envelopes = await readEnvelopes(source);
  const perCopy = envelopes.filter((e) => 'testCaseStarted' in e).length;
  if (perCopy === 0) throw new Error(`${source} holds no executed scenario to copy`);
  const copies = Math.ceil(scenarios / perCopy);
  // One run: the header and footer once, everything between them once per copy, in order of phases.
  const isRunLevel = (e: Record<string, Json>) => 'meta' in e || 'testRunStarted' in e || 'testRunFinished' in e;
  const definitions = envelopes.filter(
    (e) =>
      !isRunLevel(e) &&
      !('testCase' in e) &&
      !('testCaseStarted' in e) &&
      !('testStepStarted' in e) &&
      !('testStepFinished' in e) &&
      !('testCaseFinished' in e) &&
      !('attachment' in e),
  );
  const execution = envelopes.filter((e) => !isRunLevel(e) && !definitions.includes(e));
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  const write = async (envelope: Json) => {
    if (!stream.write(JSON.stringify(envelope) + '\n')) await once(stream, 'drain');
  };
  await write(envelopes.find((e) => 'meta' in e)!);
  for (let copy = 0; copy < copies; copy++) for (const e of definitions) await write(renamed(e, copy));
  await write(envelopes.find((e) => 'testRunStarted' in e)!);
  for (let copy = 0; copy < copies; copy++) for (const e of execution) await write(renamed(e, copy));
  await write(envelopes.find((e) => 'testRunFinished' in e)!);
  stream.end();
  await once(stream, 'finish');
  return copies * perCopy;
}

if (require.main === module) {
  const [source = 'reports/messages.ndjson', out = 'reports/synthetic/messages.ndjson', count = '10000'] =
    process.argv.slice(2);
  writeSyntheticRun(source, out, Number(count)).then(
    (written) => console.log(`${out}: ${written} scenarios`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
