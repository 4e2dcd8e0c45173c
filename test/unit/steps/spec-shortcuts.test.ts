/**
 * The specification's run takes shortcuts for speed (issue 25's ratio to an empty cucumber run): stack traces cut
 * short while cucumber finds each definition's line (steps/support/definition_sites.ts) and SQLite's WebAssembly
 * left to V8's baseline compiler (steps/support/activity_store.ts). `SPEC_PLAIN=1` runs without them; both ways
 * must write the same messages, ids and times aside: every step definition's and hook's file and line, a query's
 * rows and every attachment. The feature below names no claim, so it needs no exploration's findings.
 */
import { test } from 'node:test';
import { strictEqual } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { firstDifference } = require('../../../scripts/bench/same-messages.js') as {
  firstDifference(before: string, after: string): { envelope: number; before: string; after: string } | null;
};

const FEATURE = `Feature: The specification's shortcuts
  Scenario: A chat completed while the Services server is down
    Given DMarino logs in
    And customer@awesome.com starts chat activity 1347 asking "Help me!"
    And the Services server fails
    When the agent completes the chat
    Then the open-chats query returns no rows
`;

function messagesOf(dir: string, name: string, env: NodeJS.ProcessEnv): string {
  const messages = join(dir, `${name}.ndjson`);
  const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const run = spawnSync(
    process.execPath,
    [cucumber, '--profile', 'bare', '--format', `message:${messages}`, join(dir, 'shortcuts.feature')],
    { cwd: root, env, encoding: 'utf8' },
  );
  strictEqual(run.status, 0, `cucumber-js (${name}) failed:\n${run.stdout}\n${run.stderr}`);
  return messages;
}

test('the run with its shortcuts writes the same messages as the plain run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-shortcuts-'));
  writeFileSync(join(dir, 'shortcuts.feature'), FEATURE);
  const shortcuts = { ...process.env };
  delete shortcuts.SPEC_PLAIN;
  const plain = messagesOf(dir, 'plain', { ...process.env, SPEC_PLAIN: '1' });
  const fast = messagesOf(dir, 'shortcuts', shortcuts);
  strictEqual(firstDifference(plain, fast), null);
});
