/**
 * The rules settle only what a step touched, found through indexes kept beside the state (model/changes.ts,
 * model/directory.ts, model/routing-queue.ts, model/agenda.ts). The reference is the deployment that settles
 * everything after every step, walking every list with a directory built afresh (`settling: 'everything'`): over
 * random plans (30 to 120 steps) drawn from the whole action table (every kind's candidates, model/actions, for a
 * crowd of six customers, three agents and seven server instances), both must leave the same state and record
 * the same trace after every step, refuse the same steps, and a copy taken half-way (`Deployment.clone`, which
 * builds its own indexes from its state) must carry on the same, as must a deployment that drops its indexes
 * after every step (`compact`, as the state-space explorer's kept states do) and builds them again when next
 * needed. A touch missed anywhere shows up here as a difference; every kind of the table must be taken at least
 * once, so a kind registered tomorrow is covered the day it is; and each index broken on purpose fails it.
 */
import { test } from 'node:test';
import { deepEqual, equal, ok } from 'node:assert/strict';
import fc from 'fast-check';
import { ACTION_TYPES, DEFINITIONS, type Action, type Cast } from '../../../model/actions';
import { INFORMATION_TABS } from '../../../model/agent-console';
import { REFERENCE_USERS, type UserRow } from '../../../model/database';
import { Deployment } from '../../../model/deployment';
import type { Indexes, Settling } from '../../../model/runtime';

const USERS: readonly UserRow[] = [
  ...REFERENCE_USERS,
  { user_id: 1004, user_name: 'AKhan', screen_name: 'AKhan', login_ip: '43app' },
];

/** The crowd the plans are drawn for; an activity id and a case id that collide now and then, to be refused alike. */
const CROWD_CAST: Cast = {
  customers: [
    'customer@awesome.com',
    'second@awesome.com',
    'third@awesome.com',
    'fourth@awesome.com',
    'fifth@awesome.com',
    'sixth@awesome.com',
  ],
  agents: USERS.map((user) => user.user_name),
  servers: ['Application', 'Application 2', 'Application 3', 'Messaging', 'Services', 'Web', 'Database'],
  waits: [5, 30, 60, 65, 120, 180, 240, 600],
  questions: ['Help'],
  customerLines: ['Hi'],
  agentLines: ['Hello'],
  tabs: INFORMATION_TABS,
  subjects: ['a', 'b'],
  activityIds: [1347],
  caseIds: [1187],
};

/** One step: a kind of the table, drawn by its module's weight, and which of its candidates in the state then. */
interface Step {
  readonly kind: number;
  readonly pick: number;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  ...DEFINITIONS.map((definition, kind) => ({
    weight: Math.max(1, definition.tries.weight),
    arbitrary: fc.nat({ max: 0xffff }).map((pick): Step => ({ kind, pick })),
  })),
);

/** Every agent logged in and a chat from every customer, closed and started again: past `WALK_AT_MOST`. */
const CROWD: readonly Action[] = [
  ...CROWD_CAST.agents.map((agent): Action => ({ type: 'agent-logs-in', agent })),
  ...CROWD_CAST.customers.map((customer): Action => ({ type: 'customer-starts-chat', customer, question: 'Help' })),
  ...CROWD_CAST.customers.map((customer): Action => ({ type: 'customer-closes-window', customer })),
  ...CROWD_CAST.customers.map((customer): Action => ({ type: 'customer-starts-chat', customer, question: 'Again' })),
];

/** The step's action in `deployment`'s state, or null if its kind has no candidate there. */
function concrete(deployment: Deployment, s: Step): Action | null {
  const candidates = DEFINITIONS[s.kind]!.tries.candidates(deployment.inspect(), CROWD_CAST);
  return candidates.length === 0 ? null : candidates[s.pick % candidates.length]!;
}

const snapshot = (deployment: Deployment) => JSON.stringify(deployment.inspect());

/** Applies `action` to both; they must agree on the refusal, the events and the state that follows. */
function stepBoth(incremental: Deployment, reference: Deployment, action: Action, where: string): boolean {
  const refused = reference.rejection(action);
  equal(incremental.rejection(action), refused, `${where}: both refuse alike`);
  if (refused !== null) return false;
  const events = incremental.apply(action);
  const expected = reference.apply(action);
  deepEqual(events, expected, `${where}: the same trace events`);
  equal(snapshot(incremental), snapshot(reference), `${where}: the same state`);
  return true;
}

/**
 * The property: a deployment settling by `settling` (its indexes seen by `tamper`) against the reference. Adds
 * to `taken` each kind of action both took.
 */
function equivalence(settling: Settling, taken: Set<string>, tamper?: (indexes: Indexes) => void) {
  return fc.property(
    fc.array(step, { minLength: 30, maxLength: 120, size: 'max' }),
    fc.nat(120),
    fc.boolean(),
    fc.boolean(),
    (random, copyAt, crowded, compacting) => {
      let incremental = new Deployment({ users: USERS, settling, ...(tamper && { tamper }) });
      const reference = new Deployment({ users: USERS, settling: 'everything' });
      // Half the plans start in a crowd (every agent in, a chat from every customer): past the size at which
      // settling by size stops walking everything.
      const steps: (Action | Step)[] = crowded ? [...CROWD, ...random] : random;
      steps.forEach((s, i) => {
        if (i === copyAt) incremental = incremental.clone(); // a copy builds its indexes from its state
        const action = 'type' in s ? s : concrete(reference, s);
        if (action === null) return;
        if (stepBoth(incremental, reference, action, `step ${i + 1} (${JSON.stringify(action)})`)) {
          taken.add(action.type);
        }
        if (compacting) incremental.compact();
      });
    },
  );
}

for (const settling of ['changes', 'by size'] as const) {
  test(`settling ${settling === 'changes' ? 'what each step touched' : 'by size'} leaves the state and trace that settling everything does, for every kind of action`, () => {
    const taken = new Set<string>();
    fc.assert(equivalence(settling, taken), { numRuns: 150, seed: 20110712 });
    deepEqual(
      ACTION_TYPES.filter((type) => !taken.has(type)),
      [],
      'every kind of the action table was taken in some plan',
    );
  });
}

/**
 * Each index broken on purpose, as a plausible slip would break it: the equivalence must fail. The property runs
 * with settling `changes`, so that every index is used at every size.
 */
const BROKEN: Readonly<Record<string, (indexes: Indexes) => void>> = {
  'a directory that files a session under its home once and never again': ({ directory }) => {
    const refile = directory.refileSession.bind(directory);
    const filed = new Set<unknown>();
    directory.refileSession = (session) => {
      if (filed.has(session)) return;
      filed.add(session);
      refile(session);
    };
  },
  'a routing queue that never sees a console become busy': ({ queue }) => {
    const refile = queue.refileConsole.bind(queue);
    const seen = new Set<unknown>();
    queue.refileConsole = (console) => {
      if (seen.has(console)) return;
      if (console.login === 'logged in') seen.add(console);
      refile(console);
    };
  },
  'an agenda that files no deadline of a console': ({ agenda }) => {
    const note = agenda.note.bind(agenda);
    agenda.note = (changes) => {
      changes.touchedConsoles.clear();
      note(changes);
    };
  },
  'changes that forget a window touched': ({ changes }) => {
    changes.addWindow = () => undefined;
  },
};

for (const [what, tamper] of Object.entries(BROKEN)) {
  test(`the equivalence fails with ${what}`, () => {
    const details = fc.check(equivalence('changes', new Set(), tamper), { numRuns: 150, seed: 20110712 });
    ok(details.failed, `${what}: no plan told it from the reference`);
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
