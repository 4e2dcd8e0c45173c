/**
 * A deliberately broken rule is caught, and the Gherkin printed for it reproduces the failure when run by the
 * project's own step definitions through cucumber's API (and passes against the real model).
 */
import { test } from 'node:test';
import { match, ok, strictEqual } from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { Deployment } from '../../model/deployment';
import { checkPlan, formatCounterexample, gherkinOf, planJson } from '../../exploration/counterexample';
import { exploreExhaustively } from '../../exploration/exhaustive';
import { InvariantChecker, INVARIANTS } from '../../exploration/invariants';
import { exploreAtRandom } from '../../exploration/random';
import { feature } from '../../plans/gherkin';
import { parsePlanJson } from '../../plans/plan';
import { PlanRunner } from '../../plans/interpreter';
import { brokenDeployment } from './exploration-broken-model';

const root = join(__dirname, '..', '..');

type Support = Awaited<ReturnType<typeof runCucumber>>['support'];

/** Runs one feature file with the project's steps; `support` reuses steps already loaded (require caches them). */
async function runFeature(
  text: string,
  brokenModel: boolean,
  support?: Support,
): Promise<{ success: boolean; errors: string[]; support: Support }> {
  const dir = mkdtempSync(join(tmpdir(), 'counterexample-'));
  const file = join(dir, 'counterexample.feature');
  writeFileSync(file, text);
  const sink = new PassThrough();
  sink.resume();
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: [file],
        require: ['steps/**/*.ts', 'test/unit/exploration-broken-world.ts'],
        requireModule: [],
        format: [],
        strict: true,
        worldParameters: { brokenModel },
      },
    },
    { cwd: root },
  );
  const errors: string[] = [];
  const onMessage = (envelope: Envelope): void => {
    const result = envelope.testStepFinished?.testStepResult;
    if (result?.status === 'FAILED') errors.push(result.message ?? '');
  };
  const result = await runCucumber(
    support ? { ...runConfiguration, support } : runConfiguration,
    { cwd: root, stdout: sink, stderr: sink },
    onMessage,
  );
  return { success: result.success, errors, support: result.support };
}

test('a broken rule is caught by the random phase, shrunk, and printed in three replay forms', async () => {
  const result = exploreAtRandom({ seed: 1, runs: 300, factory: brokenDeployment });
  const counterexample = result.counterexample;
  ok(counterexample, 'the broken model should break an invariant');
  strictEqual(counterexample.violation.invariant.id, 'customerNeverUninformed');
  const plan = counterexample.violation.plan;
  ok(plan.length <= 6, `shrunk to ${plan.length} steps: ${JSON.stringify(plan)}`);
  strictEqual(plan.filter((a) => a.type === 'fail').length, 1, 'shrunk to a single failure');

  const printed = formatCounterexample(counterexample);
  match(printed, /FUZZ_SEED=1 FUZZ_PATH="[\d:]+"/);
  match(printed, /Model before step \d+:/);
  match(printed, /Model after step \d+/);
  // The JSON form replays to the same violation.
  const replayed = checkPlan(parsePlanJson(planJson(plan)), brokenDeployment);
  strictEqual(replayed?.invariant.id, 'customerNeverUninformed');
  // The Gherkin form, run by the project's steps, fails against the broken model and passes against the real one.
  const text = feature('Counterexample', 'Printed by the fuzzer.', [gherkinOf(counterexample)]);
  const broken = await runFeature(text, true);
  strictEqual(broken.success, false);
  match(broken.errors.join('\n'), new RegExp(INVARIANTS.customerNeverUninformed.name));
  const fixed = await runFeature(text, false, broken.support);
  strictEqual(fixed.success, true, fixed.errors.join('\n'));
});

test('the exhaustive phase catches the same broken rule', () => {
  const result = exploreExhaustively(brokenDeployment);
  ok(result.violations.some((v) => v.invariant.id === 'customerNeverUninformed'));
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
