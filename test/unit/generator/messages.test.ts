/** A missing or corrupt messages file stops the generator with the file and the line at fault. */
import { test } from 'node:test';
import { match, ok, strictEqual, throws } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessagesFileError, parseMessages } from '../../../generator/messages';
import { buildRun } from '../../../generator/run';
import { GENERATE_DOCS } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const fixture = join(root, 'test', 'fixtures', 'hostile-text', 'messages.ndjson');
const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');

function fails(text: string, line: number | null, problem: RegExp): void {
  throws(
    () => buildRun(parseMessages(text, 'runs/messages.ndjson'), 'runs/messages.ndjson', []),
    (error: unknown) => {
      ok(error instanceof MessagesFileError, String(error));
      strictEqual(error.file, 'runs/messages.ndjson');
      strictEqual(error.line, line);
      match(error.message, problem);
      match(
        error.message,
        line === null ? /^runs\/messages\.ndjson: / : new RegExp(`^runs/messages\\.ndjson:${line}: `),
      );
      return true;
    },
  );
}

test('an empty file', () => fails('\n', null, /empty/));

test('a line that is not JSON names its line', () => {
  const broken = [...lines];
  broken[4] = broken[4]!.slice(0, 40);
  fails(broken.join('\n'), 5, /not valid JSON/);
});

test('a JSON line that is not a cucumber message names its line', () => {
  fails([lines[0], '{"hello":1}', ...lines.slice(1)].join('\n'), 2, /one known key/);
  fails([lines[0], '[1,2]', ...lines.slice(1)].join('\n'), 2, /JSON object/);
});

test('a run cut short names the last line', () => {
  const cut = lines.filter((l) => !l.startsWith('{"testRunFinished"'));
  fails(cut.join('\n'), cut.length, /did not finish/);
});

test('a corrupt trace attachment names the attachment line', () => {
  const at = lines.findIndex((l) => l.includes('vnd.chat-failure.trace+json'));
  const envelope = JSON.parse(lines[at]!) as { attachment: { body: string } };
  envelope.attachment.body = '{"events": [{"type": "teleport"}]}';
  const broken = [...lines];
  broken[at] = JSON.stringify(envelope);
  fails(
    broken.join('\n'),
    at + 1,
    /the trace attachment's field "events\[0\]\.type" must be one of "step", .*; got "teleport"/,
  );
});

test('the command names a missing file and exits with an error, without a stack trace', () => {
  const result = spawnSync(
    process.execPath,
    [...GENERATE_DOCS, '--messages', 'no/such/messages.ndjson', '--out', '/tmp/cf-never-written'],
    { cwd: root, encoding: 'utf8' },
  );
  strictEqual(result.status, 2);
  match(result.stderr, /^generate-docs: no\/such\/messages\.ndjson: cannot read the messages file \(ENOENT\)/);
  ok(!result.stderr.includes('    at '), result.stderr);
});
