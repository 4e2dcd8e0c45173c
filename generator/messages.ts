/**
 * Reading a cucumber messages file (NDJSON: one JSON envelope a line). Pure: it takes the file's text and its
 * name, and every problem it finds is a `MessagesFileError` that names the file and the line, so a reader can
 * open the file at the right place.
 */
import type { Envelope } from '@cucumber/messages';

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

export interface NumberedEnvelope {
  readonly line: number;
  readonly envelope: Envelope;
}

/** Parses every line; blank lines are allowed only at the end (cucumber ends the file with a newline). */
export function parseMessages(text: string, file: string): NumberedEnvelope[] {
  if (text.trim() === '') {
    throw new MessagesFileError(file, null, 'the file is empty: run the specification first (npm run spec)');
  }
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const envelopes: NumberedEnvelope[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') throw new MessagesFileError(file, line, 'blank line inside the messages');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new MessagesFileError(file, line, `not valid JSON (${(error as Error).message}): ${preview(raw)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new MessagesFileError(file, line, `expected a JSON object (a cucumber message), got ${preview(raw)}`);
    }
    const keys = Object.keys(value);
    if (keys.length !== 1 || !ENVELOPE_KEYS.has(keys[0]!)) {
      throw new MessagesFileError(
        file,
        line,
        `expected a cucumber message with one known key such as "pickle" or "testStepFinished", got keys ${JSON.stringify(keys)}`,
      );
    }
    envelopes.push({ line, envelope: value as Envelope });
  });
  const first = envelopes[0]!.envelope;
  if (!first.meta) {
    throw new MessagesFileError(file, 1, 'a cucumber messages file starts with a "meta" message; this one does not');
  }
  if (!envelopes.some((e) => e.envelope.testRunStarted)) {
    throw new MessagesFileError(
      file,
      envelopes.length,
      'the file ends here with no "testRunStarted" message: the run never started, or the file was cut short',
    );
  }
  if (!envelopes.some((e) => e.envelope.testRunFinished)) {
    throw new MessagesFileError(
      file,
      envelopes.length,
      'the run did not finish (no "testRunFinished" message after this line): was cucumber interrupted?',
    );
  }
  return envelopes;
}

function preview(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
}
