/**
 * A deliberately broken rule is caught, and the Gherkin printed for it reproduces the failure when run by the
 * project's own step definitions through cucumber's API (and passes against the real model).
 */
import { test } from 'node:test';
import { match, ok, strictEqual } from 'node:assert/strict';
import { Deployment } from '../../../model/deployment';
import { checkPlan, formatCounterexample, gherkinOf, planJson } from '../../../exploration/counterexample';
import { exploreExhaustively } from '../../../exploration/exhaustive';
import { InvariantChecker, INVARIANTS } from '../../../exploration/invariants';
import { exploreAtRandom } from '../../../exploration/random';
import { feature } from '../../../plans/gherkin';
import { parsePlanJson } from '../../../plans/plan';
import { PlanRunner } from '../../../plans/interpreter';
import { customerToldSessionLost } from '../../../exploration/laws/customer-told-session-lost';
import { brokenDeployment } from '../../support/exploration-broken-model';
import { runFeature } from '../../support/run-feature';

test('a broken rule is caught by the random phase, shrunk, and printed in three replay forms', async () => {
  const result = exploreAtRandom({ seed: 1, runs: 300, factory: brokenDeployment });
  const counterexample = result.counterexample;
  ok(counterexample, 'the broken model should break an invariant');
  // The law that generalises APP-F1 breaks first: the window reaches the Application server again and says nothing.
  strictEqual(counterexample.violation.invariant.id, customerToldSessionLost.id);
  const plan = counterexample.violation.plan;
  ok(plan.length <= 6, `shrunk to ${plan.length} steps: ${JSON.stringify(plan)}`);
  strictEqual(plan.filter((a) => a.type === 'fail').length, 1, 'shrunk to a single failure');

  const printed = formatCounterexample(counterexample);
  match(printed, /FUZZ_SEED=1 FUZZ_PATH="[\d:]+"/);
  match(printed, /Model before step \d+:/);
  match(printed, /Model after step \d+/);
  // The JSON form replays to the same violation.
  const replayed = checkPlan(parsePlanJson(planJson(plan)), brokenDeployment);
  strictEqual(replayed?.invariant.id, customerToldSessionLost.id);
  // The Gherkin form, run by the project's steps, fails against the broken model and passes against the real one.
  const text = feature('Counterexample', 'Printed by the fuzzer.', [gherkinOf(counterexample)]);
  const broken = await runFeature(text, true);
  strictEqual(broken.success, false);
  ok(broken.errors.join('\n').includes(customerToldSessionLost.name), broken.errors.join('\n'));
  const fixed = await runFeature(text, false, broken.support);
  strictEqual(fixed.success, true, fixed.errors.join('\n'));
});

test('the exhaustive phase catches the same broken rule', () => {
  const result = exploreExhaustively(brokenDeployment);
  ok(result.violations.some((v) => v.invariant.id === customerToldSessionLost.id));
});

test('without the laws, the invariant still catches the same broken rule once the threshold passes', () => {
  const checker = new InvariantChecker();
  const plan = parsePlanJson(
    JSON.stringify([
      { type: 'customer-starts-chat', question: 'Help me!' },
      { type: 'fail', server: 'Application' },
      { type: 'restore', server: 'Application' },
      { type: 'wait', seconds: 300 },
    ]),
  );
  let caught = '';
  try {
    new PlanRunner(brokenDeployment(), checker).run(plan);
  } catch (error) {
    caught = (error as Error).message;
  }
  match(caught, new RegExp(INVARIANTS.customerNeverUninformed.name));
});

/** A mutated copy of the model: after each action, `mutate` breaks something in its state. */
function mutant(mutate: (state: unknown, action: { type: string }) => void) {
  class Mutant extends Deployment {
    override apply(action: Parameters<Deployment['apply']>[0]) {
      const events = super.apply(action);
      mutate(this.inspect(), action);
      return events;
    }
  }
  return () => new Mutant();
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const premise = parsePlanJson(
  JSON.stringify([
    { type: 'agent-logs-in', agent: 'JDoe' },
    { type: 'customer-starts-chat', question: 'Help me!' },
    { type: 'agent-sends', text: 'Hello' },
    { type: 'customer-sends', text: 'Hi' },
    { type: 'agent-completes-chat' },
    { type: 'agent-logs-out' },
    { type: 'customer-starts-chat', question: 'Anyone?' },
    { type: 'fail', server: 'Messaging' },
    { type: 'wait', seconds: 60 },
    { type: 'restore', server: 'Messaging' },
    { type: 'agent-logs-in', agent: 'JDoe' },
  ]),
);

for (const [id, mutate] of [
  [
    'completedStaysCompleted',
    (state: Loose, action: { type: string }) => {
      if (action.type === 'wait') for (const row of state.db.activities) row.activity_status = 5000;
    },
  ],
  [
    'noSilentLoss',
    (state: Loose, action: { type: string }) => {
      if (action.type === 'customer-sends')
        Object.assign(state.messages.at(-1), { accepted: false, deliveredAt: null });
    },
  ],
  [
    'nothingDeliveredWhilePathDown',
    (state: Loose, action: { type: string }) => {
      if (action.type === 'wait' && !state.servers.Messaging)
        for (const m of state.messages) m.deliveredAt ??= state.clock;
    },
  ],
  [
    'workOnlyWhenAble',
    (state: Loose, action: { type: string }) => {
      if (action.type === 'agent-logs-in') state.consoles[0].registeredForRouting = false;
    },
  ],
] as const) {
  test(`a model that breaks "${INVARIANTS[id].name}" is caught`, () => {
    const violation = checkPlan(premise, mutant(mutate as (state: unknown, action: { type: string }) => void));
    strictEqual(violation?.invariant.id, id, violation?.message);
  });
}

test('a model whose trace differs between runs breaks determinism', () => {
  let runs = 0;
  class Forgetful extends Deployment {
    private readonly run = runs++;
    override apply(action: Parameters<Deployment['apply']>[0]) {
      return this.run % 2 ? super.apply(action).slice(1) : super.apply(action);
    }
  }
  const checker = new InvariantChecker();
  new PlanRunner(new Forgetful(), checker).run(premise);
  let caught = '';
  try {
    checker.finish(() => new Forgetful());
  } catch (error) {
    caught = (error as Error).message;
  }
  match(caught, /same plan gives the same trace/);
});
