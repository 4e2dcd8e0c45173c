/**
 * Any plan printed as Gherkin runs with the project's own steps and performs exactly that plan: each action
 * module's own example, and a plan with text that Gherkin, cucumber's `{string}` and Markdown all treat specially.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, throws } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Action } from '../../../model/actions';
import { ACTION_DEFINITIONS } from '../../../model/actions';
import { PLAN_MEDIA_TYPE } from '../../../model/media-types';
import { feature, quote, scenario } from '../../../plans/gherkin';

const root = join(__dirname, '..', '..', '..');

const PLAN: Action[] = [
  { type: 'agent-logs-in', agent: 'JDoe' },
  {
    type: 'email-arrives',
    subject: 'Re: "C:\\temp\\files" {x} <b>bold</b> # not a comment',
    sent: '7/11/2011 2:03:58 PM',
    from: 'testcust@dslab.cisco.com',
    to: 'eim@dslab.cisco.com',
    caseId: 1187,
  },
  {
    type: 'customer-starts-chat',
    question: `Help me! It's "urgent" \\o/ {now} | pipes | --> <script>`,
    activityId: 1347,
  },
  { type: 'customer-starts-chat', customer: 'other@awesome.com', question: 'Me too' },
  { type: 'agent-sends', text: 'Hello \\ there "friend"' },
  { type: 'agent-sends', text: 'Just you', customer: 'customer@awesome.com' },
  { type: 'customer-sends', text: "Hi, it's me" },
  { type: 'wait', seconds: 65 },
  { type: 'wait', seconds: 120 },
  { type: 'fail', server: 'Messaging' },
  { type: 'restore', server: 'Messaging' },
  { type: 'agent-opens-tab', tab: 'Case' },
  { type: 'agent-completes-chat', customer: 'customer@awesome.com' },
  { type: 'agent-completes-chat' },
  { type: 'agent-takes-next-activity' },
  { type: 'agent-sends-email-reply', subject: 'Re: "C:\\temp\\files" {x} <b>bold</b> # not a comment' },
  { type: 'agent-logs-out' },
];

/** Runs a feature file with the project's steps; returns each scenario's plan attachment, in order. */
function plansRunBy(text: string): Action[][] {
  const dir = mkdtempSync(join(tmpdir(), 'plan-gherkin-'));
  const file = join(dir, 'printed.feature');
  const messages = join(dir, 'messages.ndjson');
  writeFileSync(file, text);
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@cucumber/cucumber/bin/cucumber.js'),
      '--profile',
      'bare',
      '--format',
      `message:${messages}`,
      file,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  equal(run.status, 0, `cucumber failed on:\n${readFileSync(file, 'utf8')}\n${run.stdout}\n${run.stderr}`);
  return readFileSync(messages, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { attachment?: { mediaType: string; body: string } })
    .filter((envelope) => envelope.attachment?.mediaType === PLAN_MEDIA_TYPE)
    .map((envelope) => JSON.parse(envelope.attachment!.body) as Action[]);
}

test('a printed plan runs with the project steps and performs exactly that plan', () => {
  const text = feature('Printed plan', 'Hostile text.', [scenario(PLAN, { name: 'Round trip' })]);
  deepStrictEqual(plansRunBy(text), [PLAN]);
});

/** The source's premise, which every action module's example follows. */
const PREMISE: Action[] = [
  { type: 'agent-logs-in', agent: 'JDoe' },
  { type: 'customer-starts-chat', question: 'Help me!' },
];

test("every action module's example, printed as Gherkin, runs with the project steps as that plan", () => {
  const plans = ACTION_DEFINITIONS.map(({ example }) => [
    ...PREMISE,
    ...((example.after ?? []) as unknown as Action[]),
    example.action as Action,
  ]);
  const text = feature(
    'Every action',
    'One example of each kind of action.',
    plans.map((plan, i) => scenario(plan, { name: `Example of ${ACTION_DEFINITIONS[i]!.type}` })),
  );
  deepStrictEqual(plansRunBy(text), plans);
});

test('a text no Gherkin string can carry is refused by name', () => {
  throws(() => quote('ends with a backslash \\'), /cannot be written as a Gherkin string/);
  throws(() => quote('a backslash before a quote \\"'), /"a backslash before a quote \\\\\\""/);
  equal(quote('C:\\temp "x"'), '"C:\\temp \\"x\\""');
});
