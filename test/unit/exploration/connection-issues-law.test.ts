/**
 * The connection-issues law covers every customer whose chat was live when the Application server failed,
 * whether or not they wrote during the outage: its premise holds for the one who wrote, and the model tells
 * them. A second Application server answering at once (several-application-servers) is the one case left out.
 */
import { test } from 'node:test';
import { ok, strictEqual } from 'node:assert/strict';
import type { Action } from '../../../model/actions';
import { LawMonitor, newPremiseCounts } from '../../../exploration/laws';
import { PlanRunner, newDeployment } from '../../../plans/interpreter';

const LAW = 'law:connection-issues';

const CHATTING: Action[] = [
  { type: 'agent-logs-in', agent: 'JDoe' },
  { type: 'customer-starts-chat', question: 'Help me!' },
  { type: 'agent-sends', text: 'Hello' },
];

/** How many steps of `plan` the law's premise held at (its conclusion failing would throw). */
function premiseHeld(plan: readonly Action[]): number {
  const counts = newPremiseCounts();
  const runner = new PlanRunner(newDeployment({ recordTrace: false }), new LawMonitor(counts));
  for (const action of plan) runner.step(action);
  return counts[LAW]!;
}

for (const servers of [['Application'], ['Messaging', 'Application'], ['Messaging', 'Application', 'Services']]) {
  test(`a customer who wrote while ${servers.join(', ')} ${servers.length > 1 ? 'were' : 'was'} down is in the law's premise, and is told`, () => {
    const failing: Action[] = servers.map((server) => ({ type: 'fail', server }));
    const wrote: Action = { type: 'customer-sends', text: 'Are you still there?' };
    ok(premiseHeld([...CHATTING, ...failing, wrote, { type: 'wait', seconds: 30 * 60 }]) > 0);
  });
}

test('a customer another Application server answered at once is outside the premise', () => {
  const plan: Action[] = [
    { type: 'server-joins', server: 'Application 2' },
    ...CHATTING,
    { type: 'fail', server: 'Application' },
    { type: 'wait', seconds: 30 * 60 },
  ];
  strictEqual(premiseHeld(plan), 0);
});
