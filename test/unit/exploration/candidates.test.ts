/**
 * The state-space explorer's candidates made once per cast and per what each kind's module says they read
 * (`CandidateCache`, exploration/state-space/candidates.ts) against the plain reference that makes them afresh
 * from the whole state (`PlainCandidates`): equal in every state reached by the random phase's plans (drawn from
 * the whole action table, so a kind registered tomorrow is covered), for the explorer's casts; a module that
 * reads a field it does not declare fails it; and an exploration with either reaches the same states, transitions,
 * ledger and premises.
 */
import { createHash } from 'node:crypto';
import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_TYPES, DEFINITIONS, type Action, type ActionDefinition, type Cast } from '../../../model/actions';
import { Deployment } from '../../../model/deployment';
import { newPremiseCounts } from '../../../exploration/laws';
import { DEEP_BOUNDS, TEST_BOUNDS } from '../../../exploration/state-space/bounds';
import {
  CandidateCache,
  ExplorerCast,
  PlainCandidates,
  type CandidateSource,
} from '../../../exploration/state-space/candidates';
import { DeploymentSpace } from '../../../exploration/state-space/deployment-space';
import { BehaviourLedger } from '../../../exploration/state-space/ledger';
import { search } from '../../../exploration/state-space/search';
import { alongRandomPlans } from '../../support/random-plans';
import { EVERY_KIND } from '../../support/every-kind-bounds';

/** The explorer's casts of the deep bounds and of bounds trying every kind: every number of messages sent, with and without a next threshold. */
const CASTS: readonly Cast[] = [DEEP_BOUNDS, EVERY_KIND].flatMap((bounds) => {
  const cast = new ExplorerCast(bounds);
  return Array.from({ length: bounds.messages + 1 }, (_, sent) =>
    [null, 5, 60].map((next) => cast.of(sent, next)),
  ).flat();
});

/**
 * Compares the cache of `definitions` with their plain candidates in every state of the random phase's plans;
 * gives the kinds taken on the way and the states compared.
 */
function compareAlongPlans(definitions: readonly ActionDefinition<Action>[]): {
  taken: Set<string>;
  states: number;
} {
  const cached = new CandidateCache(definitions);
  const plain = new PlainCandidates(definitions);
  const taken = new Set<string>();
  let states = 0;
  const compare = (deployment: Deployment) => {
    const state = deployment.inspect();
    for (const cast of CASTS) deepStrictEqual(cached.of(state, cast), plain.of(state, cast));
    states++;
  };
  alongRandomPlans(60, () => {
    const deployment = new Deployment({ recordTrace: false });
    compare(deployment);
    return {
      deployment: () => deployment,
      step(action: Action) {
        deployment.apply(action);
        taken.add(action.type);
        compare(deployment);
      },
    };
  });
  return { taken, states };
}

test('the cached candidates equal the plain ones in every state of plans drawn from the whole action table', () => {
  const { taken, states } = compareAlongPlans(DEFINITIONS);
  ok(states > 1000, `${states} states compared`);
  deepStrictEqual(
    ACTION_TYPES.filter((type) => !taken.has(type)),
    [],
    'every kind of the table taken',
  );
  ok(
    DEFINITIONS.some((definition) => definition.tries.reads.length > 0),
    'some kind reads the state (else the cache is never keyed by it)',
  );
});

/** The table with one kind's module changed. */
function withKind(type: string, change: (definition: ActionDefinition<Action>) => ActionDefinition<Action>) {
  ok(ACTION_TYPES.includes(type as Action['type']), type);
  return DEFINITIONS.map((definition) => (definition.type === type ? change(definition) : definition));
}

test('a kind whose module does not declare a field its candidates read fails the comparison', () => {
  // Failing a server reads which servers are up; declared as reading nothing, it is handed a state without them.
  throws(
    () => compareAlongPlans(withKind('fail', (d) => ({ ...d, tries: { ...d.tries, reads: [] } }))),
    /Property failed/,
  );
  // A kind reading the clock too, declared as reading only the servers: nothing throws (it reads no clock, so
  // "not past 0"), but cached by the servers its candidates go stale once time passes.
  const clockToo = withKind('restore', (d) => ({
    ...d,
    tries: {
      ...d.tries,
      candidates: (state, cast) => (state.clock > 0 ? [] : d.tries.candidates(state, cast)),
    },
  }));
  throws(() => compareAlongPlans(clockToo), /Property failed/);
});

/** One exploration's figures and a digest of every state it visited, in the order it visited them. */
function explore(bounds: typeof TEST_BOUNDS, candidates: CandidateSource) {
  const ledger = new BehaviourLedger();
  const premises = newPremiseCounts();
  const space = new DeploymentSpace(bounds, ledger, premises, undefined, null, candidates);
  const digest = createHash('sha256');
  const found = search(space, {
    depth: bounds.depth,
    onState: (state) => {
      space.countState(state);
      digest.update(space.encode(state)).update('\n');
    },
  });
  return {
    distinctStates: found.distinctStates,
    transitions: found.transitions,
    depthReached: found.depthReached,
    failure: found.failure,
    ledger: ledger.data,
    premises,
    digest: digest.digest('hex'),
  };
}

test('an exploration with the cached candidates reaches the states, transitions, ledger and premises of the plain ones', () => {
  // Every kind of the table tried, to six steps (3,757 states); one server at the test bounds, to the end.
  for (const bounds of [
    { ...EVERY_KIND, depth: 6 },
    { ...TEST_BOUNDS, servers: ['Messaging'] },
  ]) {
    const cached = explore(bounds, new CandidateCache());
    const plain = explore(bounds, new PlainCandidates());
    ok(cached.distinctStates > 100, `${cached.distinctStates} states`);
    strictEqual(cached.failure, null);
    deepStrictEqual(cached, plain);
  }
});
