/**
 * The rules settle only what a step touched, found through indexes kept beside the state (model/changes.ts,
 * model/directory.ts, model/routing-queue.ts, model/agenda.ts). The reference is the deployment that settles
 * everything after every step, walking every list with a directory built afresh (`settling: 'everything'`): over
 * random plans (30 to 120 steps) with six customers, three agents and three Application servers, both must leave the same state and
 * record the same trace after every step, refuse the same steps, and a copy taken half-way (which builds its
 * own indexes from its state) must carry on the same, as must a deployment that drops its indexes after every
 * step (`compact`, as the state-space explorer's kept states do) and builds them again when next needed. A touch missed anywhere shows up here as a difference.
 */
import { test } from 'node:test';
import { deepEqual, equal } from 'node:assert/strict';
import fc from 'fast-check';
import type { Action } from '../../model/actions';
import { REFERENCE_USERS, type UserRow } from '../../model/database';
import { Deployment } from '../../model/deployment';
import { INFORMATION_TABS } from '../../model/agent-console';

const USERS: readonly UserRow[] = [
  ...REFERENCE_USERS,
  { user_id: 1004, user_name: 'AKhan', screen_name: 'AKhan', login_ip: '43app' },
];
const AGENTS = USERS.map((user) => user.user_name);
const CUSTOMERS = [
  'customer@awesome.com',
  'second@awesome.com',
  'third@awesome.com',
  'fourth@awesome.com',
  'fifth@awesome.com',
  'sixth@awesome.com',
];
const SERVERS = ['Application', 'Application 2', 'Application 3', 'Messaging', 'Services', 'Web', 'Database'];

const agent = fc.constantFrom(...AGENTS);
const customer = fc.constantFrom(...CUSTOMERS);

/** One step; `toggle` fails a server that is up, restores one that is down, and adds one the deployment lacks. */
type Step = Action | { readonly type: 'toggle'; readonly server: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SERVERS).map((server) => ({ type: 'toggle' as const, server })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(5, 30, 60, 65, 120, 180, 240, 600)
      .map((seconds) => ({ type: 'wait' as const, seconds })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(customer, fc.option(fc.constantFrom(1347, 1001, 2000), { nil: undefined }))
      .map(([c, activityId]) => ({
        type: 'customer-starts-chat' as const,
        customer: c,
        question: 'Help',
        ...(activityId !== undefined && { activityId }),
      })),
  },
  { weight: 3, arbitrary: customer.map((c) => ({ type: 'customer-sends' as const, customer: c, text: 'Hi' })) },
  { weight: 1, arbitrary: customer.map((c) => ({ type: 'customer-closes-window' as const, customer: c })) },
  { weight: 2, arbitrary: agent.map((a) => ({ type: 'agent-logs-in' as const, agent: a })) },
  { weight: 1, arbitrary: agent.map((a) => ({ type: 'agent-logs-out' as const, agent: a })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(agent, customer)
      .map(([a, c]) => ({ type: 'agent-sends' as const, agent: a, customer: c, text: 'Hello' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(agent, customer)
      .map(([a, c]) => ({ type: 'agent-completes-chat' as const, agent: a, customer: c })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(agent, fc.constantFrom(...INFORMATION_TABS))
      .map(([a, tab]) => ({ type: 'agent-opens-tab' as const, agent: a, tab })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'b'), fc.option(fc.constantFrom(1001, 1187), { nil: undefined }))
      .map(([subject, caseId]) => ({
        type: 'email-arrives' as const,
        from: 'testcust@dslab.cisco.com',
        to: 'eim@dslab.cisco.com',
        subject,
        sent: '7/11/2011 2:03:58 PM',
        ...(caseId !== undefined && { caseId }),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(agent, fc.constantFrom('a', 'b'))
      .map(([a, subject]) => ({ type: 'agent-sends-email-reply' as const, agent: a, subject })),
  },
  { weight: 1, arbitrary: agent.map((a) => ({ type: 'agent-takes-next-activity' as const, agent: a })) },
);

const CROWD: readonly Step[] = [
  ...AGENTS.map((a) => ({ type: 'agent-logs-in' as const, agent: a })),
  ...CUSTOMERS.map((c) => ({ type: 'customer-starts-chat' as const, customer: c, question: 'Help' })),
  ...CUSTOMERS.map((c) => ({ type: 'customer-closes-window' as const, customer: c })),
  ...CUSTOMERS.map((c) => ({ type: 'customer-starts-chat' as const, customer: c, question: 'Again' })),
];

function concrete(deployment: Deployment, s: Step): Action {
  if (s.type !== 'toggle') return s;
  const up = deployment.inspect().servers[s.server];
  if (up === undefined) return { type: 'server-joins', server: s.server };
  return up ? { type: 'fail', server: s.server } : { type: 'restore', server: s.server };
}

const snapshot = (deployment: Deployment) => JSON.stringify(deployment.inspect());

/** Applies `action` to both; they must agree on the refusal, the events and the state that follows. */
function stepBoth(incremental: Deployment, reference: Deployment, action: Action, where: string): void {
  const refused = reference.rejection(action);
  equal(incremental.rejection(action), refused, `${where}: both refuse alike`);
  if (refused !== null) return;
  const events = incremental.apply(action);
  const expected = reference.apply(action);
  deepEqual(events, expected, `${where}: the same trace events`);
  equal(snapshot(incremental), snapshot(reference), `${where}: the same state`);
}

for (const settling of ['changes', 'by size'] as const) {
  test(`settling ${settling === 'changes' ? 'what each step touched' : 'by size'} leaves the state and trace that settling everything does`, () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 30, maxLength: 120, size: 'max' }),
        fc.nat(120),
        fc.boolean(),
        fc.boolean(),
        (random, copyAt, crowded, compacting) => {
          let incremental = new Deployment({ users: USERS, settling });
          const reference = new Deployment({ users: USERS, settling: 'everything' });
          // Half the plans start in a crowd (every agent in, a chat from every customer): past the size at which
          // settling by size stops walking everything.
          const steps = crowded ? [...CROWD, ...random] : random;
          steps.forEach((s, i) => {
            if (i === copyAt) incremental = incremental.clone(); // a copy builds its indexes from its state
            const action = concrete(reference, s);
            stepBoth(incremental, reference, action, `step ${i + 1} (${JSON.stringify(action)})`);
            if (compacting) incremental.compact();
          });
        },
      ),
      { numRuns: 150, seed: 20110712 },
    );
  });
}

test('both fire deadlines: a long Messaging outage is announced to the customer', () => {
  const plan: Action[] = [
    { type: 'agent-logs-in', agent: 'JDoe' },
    { type: 'customer-starts-chat', question: 'Help' },
    { type: 'fail', server: 'Messaging' },
    { type: 'wait', seconds: 600 },
  ];
  const everything = new Deployment({ settling: 'everything' });
  const incremental = new Deployment();
  for (const action of plan) {
    everything.apply(action);
    incremental.apply(action);
  }
  equal(snapshot(everything), snapshot(incremental));
  const customer = everything.view().customers[0]!;
  equal(customer.notices.includes('connectionIssues'), true, 'the long Messaging outage was announced by a deadline');
});
