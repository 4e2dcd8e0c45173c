/**
 * Reading a cucumber messages file (NDJSON: one JSON envelope a line). Pure: it takes the file's text (or its
 * chunks) and its name, and every problem it finds is a `MessagesFileError` that names the file, the line and
 * the field, so a reader can open the file at the right place. Each message must have the shape cucumber's own
 * schema gives it (`message-schema.ts`); what messages refer to is checked where they are indexed (`run.ts`).
 */
import type { Envelope } from '@cucumber/messages';
import { messageProblems } from './message-schema';
import { quoted } from './escape';

export class MessagesFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${problem}`);
    this.name = 'MessagesFileError';
  }
}

/** The envelope types this cucumber version writes; an unknown one means the file is not what we think it is. */
const ENVELOPE_KEYS = new Set([
  'attachment',
  'externalAttachment',
  'gherkinDocument',
  'hook',
  'meta',
  'parameterType',
  'parseError',
  'pickle',
  'suggestion',
  'source',
  'stepDefinition',
  'testCase',
  'testCaseFinished',
  'testCaseStarted',
  'testRunFinished',
  'testRunStarted',
  'testStepFinished',
  'testStepStarted',
  'testRunHookStarted',
  'testRunHookFinished',
  'undefinedParameterType',
]);

/** A blank line, tested without copying the line (as `trim` would): lines can be megabytes long. */
const BLANK = /^\s*$/;

export interface NumberedEnvelope {
  readonly line: number;
  readonly envelope: Envelope;
}

/**
 * Checks a messages file one line at a time, so that a file of any size can be read as a stream: `line` takes
 * each raw line in order and gives its envelope (or null for a trailing blank line), `end` checks that the run
 * started and finished. Blank lines are allowed only at the end (cucumber ends the file with a newline).
 */
export class MessagesReader {
  private lineNumber = 0;
  private blankSince: number | null = null;
  private started = false;
  private finished = false;

  constructor(readonly file: string) {}

  line(raw: string): NumberedEnvelope | null {
    const line = ++this.lineNumber;
    if (BLANK.test(raw)) {
      this.blankSince ??= line;
      return null;
    }
    if (this.blankSince !== null) {
      throw new MessagesFileError(this.file, this.blankSince, 'blank line inside the messages');
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new MessagesFileError(this.file, line, `not valid JSON (${(error as Error).message}): ${preview(raw)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new MessagesFileError(this.file, line, `expected a JSON object (a cucumber message), got ${preview(raw)}`);
    }
    const keys = Object.keys(value);
    if (keys.length !== 1 || !ENVELOPE_KEYS.has(keys[0]!)) {
      throw new MessagesFileError(
        this.file,
        line,
        `expected a cucumber message with one known key such as "pickle" or "testStepFinished", got keys ${quoted(keys, 200)}`,
      );
    }
    const problems = messageProblems(keys[0]!, (value as Record<string, unknown>)[keys[0]!]);
    if (problems !== null) {
      throw new MessagesFileError(this.file, line, `not the shape of a cucumber message: ${problems}`);
    }
    const envelope = value as Envelope;
    if (line === 1 && !envelope.meta) {
      throw new MessagesFileError(
        this.file,
        1,
        'a cucumber messages file starts with a "meta" message; this one does not',
      );
    }
    if (envelope.testRunStarted) this.started = true;
    if (envelope.testRunFinished) this.finished = true;
    return { line, envelope };
  }

  /** After the last line: the number of the last message line. */
  end(): number {
    const last = this.blankSince === null ? this.lineNumber : this.blankSince - 1;
    if (last === 0) {
      throw new MessagesFileError(this.file, null, 'the file is empty: run the specification first (npm run spec)');
    }
    if (!this.started) {
      throw new MessagesFileError(
        this.file,
        last,
        'the file ends here with no "testRunStarted" message: the run never started, or the file was cut short',
      );
    }
    if (!this.finished) {
      throw new MessagesFileError(
        this.file,
        last,
        'the run did not finish (no "testRunFinished" message after this line): was cucumber interrupted?',
      );
    }
    return last;
  }
}

/** Parses a whole file's text at once (small files and tests; the generator streams through `MessagesReader`). */
export function parseMessages(text: string, file: string): NumberedEnvelope[] {
  const reader = new MessagesReader(file);
  const envelopes: NumberedEnvelope[] = [];
  for (const raw of text.split('\n')) {
    const numbered = reader.line(raw);
    if (numbered) envelopes.push(numbered);
  }
  reader.end();
  return envelopes;
}

/**
 * The longest line read, in characters: far past any line cucumber writes (a 10,000-scenario run's longest is about
 * 2.5 MB), and well under the longest string V8 can make (about 536 million characters), where joining the line's
 * pieces would end in "Invalid string length".
 */
export const MAX_LINE_LENGTH = 100_000_000;

/**
 * The lines of a text that arrives in chunks, each line handed over once complete. A line longer than a chunk
 * is gathered as a list of pieces and joined once, so the work is linear in the input however long the line
 * (joining the rest to each new chunk would copy a long line again for every chunk). A line longer than
 * `maxLength` is an error naming `file` and the line.
 */
export async function* linesOf(
  chunks: AsyncIterable<string>,
  file = 'the messages file',
  maxLength = MAX_LINE_LENGTH,
): AsyncGenerator<string> {
  let pieces: string[] = [];
  let length = 0;
  let line = 1;
  const tooLong = () =>
    new MessagesFileError(file, line, `the line is longer than ${maxLength.toLocaleString('en-GB')} characters`);
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      if (length + end - start > maxLength) throw tooLong();
      const piece = chunk.slice(start, end);
      if (pieces.length) {
        pieces.push(piece);
        yield pieces.join('');
        pieces = [];
        length = 0;
      } else yield piece;
      line++;
      start = end + 1;
    }
    if (start < chunk.length) {
      length += chunk.length - start;
      if (length > maxLength) throw tooLong();
      pieces.push(chunk.slice(start));
    }
  }
  yield pieces.join('');
}

function preview(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
}
