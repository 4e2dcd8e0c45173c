/**
 * The state-space explorer: every state within small bounds keeps every invariant and law (each law's premise
 * met somewhere), a deliberately broken rule gives the shortest counterexample whose Gherkin fails against the
 * broken model and passes against the real one, and sharded runs merge into one ledger.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import { LAWS } from '../../../exploration/laws';
import { checkPlan, gherkinOf, planJson } from '../../../exploration/counterexample';
import { readShardReport } from '../../../exploration/state-space/shard-report-reading';
import { exploreAtRandom } from '../../../exploration/random';
import { encodeState } from '../../../exploration/state-space/encode';
import { TWO_APPLICATION_TEST_BOUNDS } from '../../../exploration/state-space/bounds';
import { exploreStateSpace } from '../../../exploration/state-space/explorer';
import { SPECIFICATION_BOUNDS, exploreSpecificationStateSpace } from '../../../exploration/state-space/report';
import { DeploymentSpace, type ExploredState } from '../../../exploration/state-space/deployment-space';
import { BehaviourLedger } from '../../../exploration/state-space/ledger';
import { newPremiseCounts } from '../../../exploration/laws';
import type { Action } from '../../../model/actions';
import { search, type ModelAdapter } from '../../../exploration/state-space/search';
import { coverageOf, mergeReports, parseShard, type ShardReport } from '../../../exploration/state-space/shard-report';
import { feature } from '../../../plans/gherkin';
import { parsePlanJson } from '../../../plans/plan';
import { brokenDeployment } from '../../support/exploration-broken-model';
import { runFeature } from '../../support/run-feature';

test('every state within the test bounds keeps every invariant and law, and every law applies somewhere', () => {
  const { runs, report } = exploreSpecificationStateSpace();
  for (const run of runs) {
    strictEqual(run.counterexample, null, run.counterexample?.violation.message);
    ok(run.distinctStates > 100 && run.transitions > run.distinctStates);
  }
  strictEqual(report.laws.length, LAWS.length);
  for (const law of report.laws) ok(law.premiseHeld > 0, `the premise of "${law.name}" never held`);
  ok(Object.keys(report.ledger.thresholds).some((k) => k.startsWith('Application down')));
  ok(Object.keys(report.ledger.eventsDuringOutages).some((k) => k.startsWith('agent-logs-in, Services down')));
  ok(report.ledger.refusals['agent-logs-in'], 'refused logins are in the ledger');
  // Which Application server fails matters: the second holding the agent's login and the chat, or neither.
  const failed = Object.keys(report.ledger.instancesFailed ?? {});
  ok(failed.includes('Application 2, holding 1 login and 1 chat'), failed.join('; '));
  ok(failed.includes('Application 2, holding 0 logins and 0 chats'), failed.join('; '));
  ok((report.ledger.agentsActing ?? {})['JDoe']! > 0);
});

test('with a second Application server, a counterexample starts by adding it, and replays', () => {
  const result = exploreStateSpace({ bounds: TWO_APPLICATION_TEST_BOUNDS, factory: brokenDeployment });
  const plan = result.counterexample?.violation.plan;
  ok(plan, 'the broken model should break a property');
  // The Web server sends the window of a chat lost with Application to Application 2 at once: no word of it.
  deepStrictEqual(
    plan.map((a) => (a.type === 'fail' || a.type === 'server-joins' ? `${a.type} ${a.server}` : a.type)),
    ['server-joins Application 2', 'customer-starts-chat', 'fail Application'],
  );
  strictEqual(checkPlan(plan, brokenDeployment)?.invariant.id, 'law:customer-told-session-lost');
  strictEqual(checkPlan(plan), null);
});

test('the breadth-first search visits each distinct state once and finds the shortest path to a failure', () => {
  // A counter from 0 that can add 1 or 2: states 0..6, and the first to reach 5 takes three steps.
  const counter: ModelAdapter<number, number> = {
    initial: () => 0,
    enabled: (n) => (n < 6 ? [2, 1] : []),
    apply: (n, step) => {
      if (n + step === 5) throw new Error('five');
      return Math.min(n + step, 6);
    },
    encode: String,
  };
  const result = search(counter);
  deepStrictEqual(result.failure?.plan, [2, 2, 1]);
  const safe = search({ ...counter, apply: (n, step) => Math.min(n + step, 6) });
  strictEqual(safe.distinctStates, 7);
  strictEqual(safe.failure, null);
});

test('stepping the last transition out of a state in place reaches the states, ledger and premise counts that copying it does', () => {
  let inPlace = 0;
  const explore = (last: boolean) => {
    const ledger = new BehaviourLedger();
    const premises = newPremiseCounts();
    const space = new DeploymentSpace(TWO_APPLICATION_TEST_BOUNDS, ledger, premises);
    const adapter: ModelAdapter<ExploredState, Action> = {
      initial: () => space.initial(),
      enabled: (node) => space.enabled(node),
      apply: (node, action) => space.apply(node, action),
      hash: (node, hasher) => space.hash(node, hasher),
      ...(last && { applyLast: (node, action) => (inPlace++, space.applyLast(node, action)) }),
    };
    const states: string[] = [];
    const { distinctStates, transitions, depthReached } = search(adapter, {
      onState: (node) => states.push(space.encode(node)),
    });
    return { distinctStates, transitions, depthReached, states, ledger: ledger.data, premises };
  };
  const copied = explore(false);
  deepStrictEqual(explore(true), copied);
  ok(inPlace > copied.distinctStates / 2, `only ${inPlace} transitions stepped in place`);
});

test('the hashed encoding tells the states apart exactly as the text encoding does', () => {
  const explore = (hashed: boolean) => {
    const space = new DeploymentSpace(TWO_APPLICATION_TEST_BOUNDS, new BehaviourLedger(), newPremiseCounts());
    const states: string[] = [];
    const { distinctStates, transitions } = search<ExploredState, Action>(
      {
        initial: () => space.initial(),
        enabled: (node) => space.enabled(node),
        apply: (node, action) => space.apply(node, action),
        ...(hashed ? { hash: (node, hasher) => space.hash(node, hasher) } : { encode: (node) => space.encode(node) }),
      },
      { onState: (node) => states.push(space.encode(node)) },
    );
    return { distinctStates, transitions, states };
  };
  const text = explore(false);
  deepStrictEqual(explore(true), text);
  strictEqual(new Set(text.states).size, text.distinctStates);
});

test('equal states encode equally, whenever they began', () => {
  const state = (clock: number) => ({ clock, windows: [{ unreachableSince: clock - 30, lines: ['a'] }] });
  strictEqual(encodeState(state(100), 100, 240), encodeState(state(700), 700, 240));
  ok(encodeState(state(100), 100, 240) !== encodeState({ ...state(100), windows: [] }, 100, 240));
});

test('a broken rule gives the shortest counterexample, whose Gherkin fails against it and passes against the model', async () => {
  const result = exploreStateSpace({ bounds: SPECIFICATION_BOUNDS[0]!, factory: brokenDeployment });
  const counterexample = result.counterexample;
  ok(counterexample, 'the broken model should break a property');
  const { plan } = counterexample.violation;
  // A chat starts, the Application server fails and comes back: the window never says the session was lost.
  deepStrictEqual(
    plan.map((a) => a.type),
    ['customer-starts-chat', 'fail', 'restore'],
  );
  strictEqual(counterexample.violation.invariant.id, 'law:customer-told-session-lost');
  strictEqual(
    checkPlan(parsePlanJson(planJson(plan)), brokenDeployment)?.invariant.id,
    counterexample.violation.invariant.id,
  );
  strictEqual(checkPlan(plan), null);
  const text = feature('Counterexample', 'Found by the state-space explorer.', [gherkinOf(counterexample)]);
  const broken = await runFeature(text, true);
  strictEqual(broken.success, false);
  ok(broken.errors.join('\n').includes(counterexample.violation.invariant.name), broken.errors.join('\n'));
  const fixed = await runFeature(text, false, broken.support);
  strictEqual(fixed.success, true, fixed.errors.join('\n'));
});

test('shards reach every state between them, and their reports merge into one ledger', () => {
  const bounds = SPECIFICATION_BOUNDS[2]!;
  const whole = exploreStateSpace({ bounds });
  const reports: ShardReport[] = [0, 1, 2].map((index) => {
    const part = exploreStateSpace({ bounds, shard: { index, count: 3 } });
    ok(part.distinctStates < whole.distinctStates);
    const report: ShardReport = {
      kind: 'explore',
      shard: { index, count: 3 },
      run: 'test',
      distinctStates: part.distinctStates,
      behaviour: part.ledger.data,
      premises: part.premises,
      counterexample: null,
    };
    return readShardReport(JSON.stringify(report), `shard ${index + 1}`);
  });
  const fuzz = exploreAtRandom({ seed: 7, runs: 20 });
  reports.push({
    kind: 'fuzz',
    shard: { index: 0, count: 1 },
    run: 'seed 7',
    steps: fuzz.stepsExecuted,
    ...coverageOf(fuzz.ledger),
    counterexample: null,
  });
  const merged = mergeReports(reports);
  ok(merged.distinctStates >= whole.distinctStates, `${merged.distinctStates} < ${whole.distinctStates}`);
  for (const key of ['serverStates', 'thresholds', 'eventsDuringOutages', 'concurrentCustomers'] as const) {
    deepStrictEqual(Object.keys(merged.behaviour.data[key]).sort(), Object.keys(whole.ledger.data[key]).sort(), key);
  }
  strictEqual(merged.coverage.orderings.size, fuzz.ledger.orderings.size);
  strictEqual(merged.counterexamples.length, 0);
  const failing = mergeReports([...reports, { ...reports[0]!, counterexample: { steps: 3, text: 'plan' } }]);
  strictEqual(failing.counterexamples[0]?.text, 'plan');
});

test('bad shard options and reports are refused by name', () => {
  deepStrictEqual(parseShard('2/4', 'EXPLORE_SHARD'), { index: 1, count: 4 });
  throws(() => parseShard('5/4', 'EXPLORE_SHARD'), /EXPLORE_SHARD must be "i\/n"/);
  throws(
    () => readShardReport('{"kind":"walk","shard":null,"run":"x","counterexample":null}', 'a.json'),
    /a.json: "kind"/,
  );
  throws(() => readShardReport('nope', 'b.json'), /b.json: not a complete JSON report/);
});
