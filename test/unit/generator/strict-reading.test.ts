/**
 * Strict reading of messages (issue 12, item 3): a file of another shape, a reference to nothing, a status
 * cucumber does not have, a number where a text belongs: each is an error naming the file, the line and the
 * field, never a page of "not run" scenarios or a TypeError. And splitting lines is linear in the input.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, rejects, strictEqual, throws } from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linesOf, MAX_LINE_LENGTH, MessagesFileError, parseMessages } from '../../../generator/messages';
import { buildRun } from '../../../generator/run';
import { generateDocs } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const fixture = join(root, 'test', 'fixtures', 'hostile-text', 'messages.ndjson');
const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
const FILE = 'runs/messages.ndjson';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixture with the first message of `type` changed by `edit`; gives the text and that message's line. */
function edited(type: string, edit: (message: Json) => void, nth = 0): { text: string; line: number } {
  const at = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith(`{"${type}"`))[nth]![1];
  const envelope = JSON.parse(lines[at]!) as Json;
  edit(envelope);
  const copy = [...lines];
  copy[at] = JSON.stringify(envelope);
  return { text: copy.join('\n') + '\n', line: at + 1 };
}

function refused({ text, line }: { text: string; line: number }, problem: RegExp): void {
  throws(
    () => buildRun(parseMessages(text, FILE), FILE, []),
    (error: unknown) => {
      ok(error instanceof MessagesFileError, `expected a MessagesFileError, got ${String(error)}`);
      strictEqual(error.line, line);
      match(error.message, new RegExp(`^runs/messages\\.ndjson:${line}: `));
      match(error.message, problem);
      return true;
    },
  );
}

test('the fixture itself reads cleanly', () => {
  const run = buildRun(parseMessages(lines.join('\n'), FILE), FILE, []);
  ok(run.features.length > 0);
});

test('a step result of another shape (testResult for testStepResult) names the field', () => {
  refused(
    edited('testStepFinished', (e) => {
      e.testStepFinished.testResult = e.testStepFinished.testStepResult;
      delete e.testStepFinished.testStepResult;
    }),
    /testStepFinished has no "testStepResult" field; testStepFinished\.testResult is not a field of this message/,
  );
});

test('an unknown status names the field and the statuses cucumber has', () => {
  refused(
    edited('testStepFinished', (e) => (e.testStepFinished.testStepResult.status = 'BROKEN')),
    /testStepFinished\.testStepResult\.status is "BROKEN", which is not one of UNKNOWN, PASSED/,
  );
});

test('a number as a scenario name is refused where it is written, in the pickle and in the document', () => {
  refused(
    edited('pickle', (e) => (e.pickle.name = 42)),
    /pickle\.name should be a string, not 42/,
  );
  refused(
    edited('gherkinDocument', (e) => (e.gherkinDocument.feature.children[1].rule.children[0].scenario.name = 7)),
    /gherkinDocument\.feature\.children\[1\]\.rule\.children\[0\]\.scenario\.name should be a string, not 7/,
  );
});

test('a step result pointing at a step its test case does not have', () => {
  refused(
    edited('testStepFinished', (e) => (e.testStepFinished.testStepId = 'no-such-step')),
    /testStepFinished\.testStepId: "no-such-step" is no step of test case/,
  );
});

test('a step result of an attempt that never started', () => {
  refused(
    edited('testStepFinished', (e) => (e.testStepFinished.testCaseStartedId = 'nobody')),
    /testStepFinished\.testCaseStartedId: "nobody" is no attempt of this run/,
  );
});

test('a test case without a pickle', () => {
  refused(
    edited('testCase', (e) => (e.testCase.pickleId = 'no-such-pickle')),
    /testCase\.pickleId: "no-such-pickle" is no pickle of this run/,
  );
});

test('a test case step naming a pickle step or hook that does not exist', () => {
  refused(
    edited('testCase', (e) => {
      const step = e.testCase.testSteps.find((s: Json) => s.pickleStepId);
      step.pickleStepId = 'gone';
    }),
    /testCase\.testSteps\[\d+\]\.pickleStepId: "gone" is no step of pickle/,
  );
  refused(
    edited('testCase', (e) => {
      const step = e.testCase.testSteps.find((s: Json) => s.hookId);
      step.hookId = 'gone';
    }),
    /testCase\.testSteps\[\d+\]\.hookId: "gone" is no hook of this run/,
  );
});

test('an attempt of an unknown test case, and an attachment of an unknown attempt', () => {
  refused(
    edited('testCaseStarted', (e) => (e.testCaseStarted.testCaseId = 'nothing')),
    /testCaseStarted\.testCaseId: "nothing" is no test case of this run/,
  );
  refused(
    edited('attachment', (e) => (e.attachment.testCaseStartedId = 'nothing')),
    /attachment\.testCaseStartedId: "nothing" is no attempt of this run/,
  );
});

test('a pickle of a scenario no document has', () => {
  refused(
    edited('pickle', (e) => (e.pickle.astNodeIds = ['elsewhere'])),
    /pickle\.astNodeIds\[0\]: "elsewhere" is no scenario of a gherkinDocument before it/,
  );
});

test('a string in place of a number, and a timestamp out of range', () => {
  refused(
    edited('testStepFinished', (e) => (e.testStepFinished.testStepResult.duration.seconds = '1')),
    /testStepFinished\.testStepResult\.duration\.seconds should be an integer, not "1"/,
  );
  refused(
    edited('testCaseStarted', (e) => (e.testCaseStarted.timestamp.nanos = -1)),
    /testCaseStarted\.timestamp\.nanos is below 0/,
  );
});

test('the command refuses a wrong-shaped file with the file, line and field, exit code 2, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-strict-'));
  try {
    const { text, line } = edited('testStepFinished', (e) => (e.testStepFinished.testStepResult.status = 'BROKEN'));
    writeFileSync(join(dir, 'messages.ndjson'), text);
    const result = generateDocs(join(dir, 'messages.ndjson'), dir);
    strictEqual(result.status, 2, result.stderr);
    match(result.stderr, new RegExp(`messages\\.ndjson:${line}: .*testStepFinished\\.testStepResult\\.status`));
    ok(!result.stderr.includes('    at '), result.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function collect(chunks: readonly string[]): Promise<string[]> {
  async function* source() {
    yield* chunks;
  }
  const out: string[] = [];
  for await (const line of linesOf(source())) out.push(line);
  return out;
}

test('lines split from chunks are the lines of the whole text, wherever the chunks break', async () => {
  const text = 'a\nbc\n\n' + 'x'.repeat(50) + '\nlast';
  for (const size of [1, 2, 3, 7, 64]) {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
    deepStrictEqual(await collect(chunks), text.split('\n'), `chunks of ${size}`);
  }
  deepStrictEqual(await collect(['a\n']), ['a', '']);
});

test('one 64 MB line in 64 KB chunks splits in linear time (the quadratic splitter took 25 s)', async () => {
  const chunk = 'y'.repeat(1 << 16);
  const chunks = Array.from({ length: 1024 }, () => chunk);
  const started = performance.now();
  const out = await collect([...chunks, '\nz']);
  const elapsed = performance.now() - started;
  strictEqual(out.length, 2);
  strictEqual(out[0]!.length, 1 << 26);
  // Linear work is a few hundred milliseconds even on a loaded machine; the old splitter copied 2 TB here.
  ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
});

test('a run that starts 1e17 seconds from 1970 is refused by line and field, not a RangeError (issue 26)', () => {
  refused(
    edited('testRunStarted', (e) => (e.testRunStarted.timestamp.seconds = 1e17)),
    /testRunStarted\.timestamp\.seconds is 100000000000000000, past any date/,
  );
  // Elsewhere a timestamp is only subtracted from another: read, never shown as a date.
  const { text } = edited('testCaseStarted', (e) => (e.testCaseStarted.timestamp.seconds = 1e17));
  ok(buildRun(parseMessages(text, FILE), FILE, []).features.length > 0);
});

test('an attachment of each kind with a field nested 100,000 deep is refused by line, or read (issue 26: stack overflows)', () => {
  const kinds = new Set<string>();
  lines.forEach((line, at) => {
    const envelope = JSON.parse(line) as Json;
    const attachment = envelope.attachment as { body: string; contentEncoding?: string; mediaType: string } | undefined;
    if (!attachment?.mediaType.endsWith('+json') || kinds.has(attachment.mediaType)) return;
    kinds.add(attachment.mediaType);
    const base64 = attachment.contentEncoding === 'BASE64';
    const body = base64 ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
    // Written as text: JSON.stringify itself overflows the stack on a value this deep.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const changed = body.replace(/^([[{])/, `$1${body.startsWith('{') ? '"deep":' : ''}${deep},`);
    attachment.body = base64 ? Buffer.from(changed, 'utf8').toString('base64') : changed;
    const copy = [...lines];
    copy[at] = JSON.stringify(envelope);
    try {
      buildRun(parseMessages(copy.join('\n') + '\n', FILE), FILE, []);
    } catch (error) {
      ok(error instanceof MessagesFileError, `${attachment.mediaType}: ${String(error)}`);
      strictEqual(error.line, at + 1);
    }
  });
  deepStrictEqual([...kinds].sort(), [
    'application/vnd.chat-failure.end-state+json',
    'application/vnd.chat-failure.plan+json',
    'application/vnd.chat-failure.trace+json',
  ]);
});

test('a line past the reader’s limit (a 600 MB line, issue 26) is one error naming the file and line, wherever chunks break', async () => {
  const text = `${'a'.repeat(10)}\nb\n${'c'.repeat(11)}\nd`;
  for (const size of [1, 3, 10, 11, 64]) {
    const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
      text.slice(i * size, (i + 1) * size),
    );
    async function* source() {
      yield* chunks;
    }
    const read: string[] = [];
    await rejects(
      async () => {
        for await (const line of linesOf(source(), FILE, 10)) read.push(line);
      },
      (error: unknown) =>
        error instanceof MessagesFileError &&
        error.message === `${FILE}:3: the line is longer than 10 characters` &&
        read.length === 2,
      `chunks of ${size}`,
    );
  }
  strictEqual(MAX_LINE_LENGTH, 100_000_000);
});
