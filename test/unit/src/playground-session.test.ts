import { test } from 'node:test';
import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import type { Action } from '../../../model/actions';
import { ActionRejected } from '../../../model/errors';
import { planToSearch } from '../../../plans/url';
import {
  DEFAULT_INPUTS,
  EMPTY,
  controls,
  exportGherkin,
  linkSearch,
  loadLink,
  reset,
  stage,
  undo,
  type ControlInputs,
  type Staged,
} from '../../../src/components/Playground/session';

/** Stages the step the control `id` would take with `inputs`, failing if it is disabled. */
function click(staged: Staged, id: string, inputs: Partial<ControlInputs> = {}): Staged {
  const found = controls(staged.deployment, { ...DEFAULT_INPUTS, ...inputs }).find((c) => c.id === id);
  ok(found, `no control ${id}`);
  equal(found.reason, null, `${id} is disabled: ${found.reason}`);
  return stage(staged, found.action!);
}

function reason(staged: Staged, id: string, inputs: Partial<ControlInputs> = {}): string | null {
  return controls(staged.deployment, { ...DEFAULT_INPUTS, ...inputs }).find((c) => c.id === id)!.reason;
}

/** The source's Messaging server failure, staged through the controls. */
function messagingFailure(): Staged {
  let s = click(EMPTY, 'agent-logs-in');
  s = click(s, 'customer-starts-chat', { customerQuestion: 'Help me!' });
  s = click(s, 'agent-sends', { agentText: 'Hello' });
  s = click(s, 'customer-sends', { customerText: 'Hi' });
  s = click(s, 'wait-until', { clockTo: '00:03:00' });
  s = click(s, 'fail-Messaging');
  s = click(s, 'agent-sends', { agentText: 'Are you there?' });
  s = click(s, 'customer-sends', { customerText: 'Hello?' });
  return click(s, 'wait-until', { clockTo: '00:04:00' });
}

test('the controls stage the source’s Messaging server failure and restoration', () => {
  let s = messagingFailure();
  const during = s.deployment.view();
  deepStrictEqual(during.customers[0]!.lines.slice(-3), [
    'Customer : Hello?',
    '[The following message could not be delivered. Try to send it again.]',
    'Hello?',
  ]);
  ok(
    during.console.chatPanes[during.console.chatList[0]!.activityId]!.includes(
      '[Some of the above messages may not have been delivered.]',
    ),
  );
  equal(during.console.chatList[0]!.chatStatus, 'Waiting for customer to reply');
  equal(during.console.chatList[0]!.icon, 'yellow triangle');
  s = click(s, 'restore-Messaging');
  s = click(s, 'agent-sends', { agentText: 'Hello?' });
  s = click(s, 'customer-sends', { customerText: "Hi! Looks like we're connected again!" });
  s = click(s, 'wait-until', { clockTo: '00:05:00' });
  const after = s.deployment.view().console.chatList[0]!;
  deepStrictEqual(
    [after.activityDuration, after.chatStatus, after.icon],
    ['00:05:00', 'Waiting for you to reply', 'green circle'],
  );
});

test('a control the model would refuse is disabled with the model’s reason', () => {
  equal(reason(EMPTY, 'agent-logs-out'), 'the agent is not logged in');
  equal(reason(EMPTY, 'agent-sends', { agentText: 'Hello' }), 'the agent is logged out of the agent console');
  equal(reason(EMPTY, 'customer-sends', { customerText: 'Hi' }), 'customer@awesome.com has no chat window open');
  equal(reason(EMPTY, 'customer-starts-chat'), 'a chat starts with a question, and this one is empty');
  equal(
    reason(EMPTY, 'wait-until', { clockTo: '3 minutes' }),
    '"3 minutes" is not a time of the form hh:mm:ss (for example 00:03:00)',
  );
  equal(reason(EMPTY, 'wait-amount', { amount: '-2' }), 'the amount of time must be a whole number above 0, not "-2"');
  equal(
    reason(EMPTY, 'agent-logs-in', { agentName: 'Nobody' }),
    'egpl_user has no user "Nobody" (known: JDoe, DMarino)',
  );
  const down = click(EMPTY, 'fail-Services');
  ok(controls(down.deployment, DEFAULT_INPUTS).some((c) => c.id === 'restore-Services' && c.reason === null));
  ok(!controls(down.deployment, DEFAULT_INPUTS).some((c) => c.id === 'fail-Services'));
  throws(() => stage(EMPTY, { type: 'agent-logs-out' }), ActionRejected);
});

test('undo replays all but the last step; reset empties the plan', () => {
  const s = messagingFailure();
  const back = undo(s);
  deepStrictEqual(back.plan, s.plan.slice(0, -1));
  equal(back.deployment.view().clock, '00:03:00');
  equal(undo(EMPTY), EMPTY);
  deepStrictEqual(reset().plan, []);
  // Staging never changes the session it started from.
  equal(s.deployment.view().clock, '00:04:00');
});

test('a shared link loads the same session; a broken one keeps what it could read and says why', () => {
  const s = messagingFailure();
  const loaded = loadLink(linkSearch(s));
  deepStrictEqual(loaded.plan, s.plan);
  deepStrictEqual(loaded.problems, []);
  deepStrictEqual(loaded.deployment.view(), s.deployment.view());

  const broken = loadLink(`${linkSearch(s)}&step=%7Bnot-json&colour=red`);
  deepStrictEqual(broken.plan, s.plan);
  equal(broken.problems.length, 2);
  match(broken.problems[0]!, /step 10: not valid JSON/);
  match(broken.problems[1]!, /unknown parameter "colour"/);

  const refused: Action[] = [
    { type: 'agent-logs-in', agent: 'JDoe' },
    { type: 'restore', server: 'Messaging' },
    { type: 'wait', seconds: 5 },
    { type: 'wait', seconds: 5 },
  ];
  const stopped = loadLink(planToSearch(refused));
  deepStrictEqual(stopped.plan, refused.slice(0, 1));
  deepStrictEqual(stopped.problems, [
    'Step 2 of the steps read ("the Messaging server is restored") was refused by the model: the Messaging server is ' +
      'already up. The playground stopped there; the 2 steps after it were not loaded.',
  ]);
});

test('the exported Gherkin speaks the steps’ own sentences and checks the end state', () => {
  equal(exportGherkin(EMPTY), null);
  const text = exportGherkin(messagingFailure())!;
  match(text, /^Feature: Staged in the failure playground/);
  const steps = text.split('\n').filter((line) => /^ {4}(Given|And|When) /.test(line));
  deepStrictEqual(steps.slice(0, 9), [
    '    Given JDoe logs in',
    '    And the customer starts a chat asking "Help me!"',
    '    And the agent sends "Hello"',
    '    And the customer sends "Hi"',
    '    And 3 minutes pass',
    '    And the Messaging server fails',
    '    And the agent sends "Are you there?"',
    '    And the customer sends "Hello?"',
    '    When 1 minute pass',
  ]);
  match(text, /\n {4}Then the customer's window reads:\n {6}"""\n/);
  // Tables come out aligned, as cucumber's pretty printer lays them out (numbers to the right).
  ok(
    text.includes(
      [
        '      | Key | Activity ID | Customer name | Activity duration | Chat status                   | Icon            | Queue name |',
        '      |   1 |        1000 | Customer      |          00:04:00 | Waiting for customer to reply | yellow triangle | CIM_WIM    |',
      ].join('\n'),
    ),
    text,
  );
  match(text, /the open-chats query returns:/);
});

test('the controls each action module gives: closing the window, the next activity, the email reply, a new server', () => {
  let s = click(EMPTY, 'agent-logs-in');
  s = click(s, 'customer-starts-chat', { customerQuestion: 'Help me!' });
  s = click(s, 'customer-closes-window');
  match(reason(s, 'customer-closes-window')!, /chat session \d+ has already ended/);
  s = click(s, 'agent-completes-chat');
  equal(reason(s, 'agent-takes-next-activity'), "the agent's inbox holds no activity");
  s = click(s, 'email-arrives');
  s = click(s, 'agent-takes-next-activity');
  s = click(s, 'agent-sends-email-reply');
  equal(reason(s, 'agent-sends-email-reply'), 'the agent\'s inbox holds no email "test2"');
  equal(reason(s, 'agent-sends-email-reply', { emailSubject: ' ' }), 'type the subject of the email to reply to');
  s = click(s, 'server-joins');
  ok(controls(s.deployment, DEFAULT_INPUTS).some((c) => c.id === 'fail-Application 2' && c.reason === null));
  equal(
    controls(s.deployment, DEFAULT_INPUTS).find((c) => c.id === 'server-joins')!.label,
    'Add the Application 3 server',
  );
});
