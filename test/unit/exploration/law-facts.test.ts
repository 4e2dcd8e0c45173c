/**
 * The laws' fast paths, over the random phase's plans on the model and on the deliberately broken one, step by
 * step. The facts are worked out from the state and the facts before it, sharing every part the step left
 * unchanged (exploration/laws/history.ts): they must equal facts worked out afresh from the state alone, and each
 * part that did not change must be the very object it was (else the sharing does nothing). A law is asked only
 * at steps that meet its `when` (exploration/laws/law.ts): asked anyway at every other step, it must say its
 * premise does not hold.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import type { Action } from '../../../model/actions';
import type { Deployment } from '../../../model/deployment';
import { LAWS, lawsAskedWhen } from '../../../exploration/laws';
import { factsOf, type Facts } from '../../../exploration/laws/facts';
import { EMPTY_HISTORY, nextHistory, type History } from '../../../exploration/laws/history';
import { NOT_APPLICABLE, stepConditions } from '../../../exploration/laws/law';
import { PlanRunner, newDeployment, type DeploymentFactory } from '../../../plans/interpreter';
import { brokenDeployment } from '../../support/exploration-broken-model';
import { alongRandomPlans } from '../../support/random-plans';

const PARTS = ['down', 'logins', 'liveSessions', 'agentsInLiveChats'] as const;

function checkFactsAlong(factory: DeploymentFactory): { steps: number; shared: number; skipped: number } {
  const counts = { steps: 0, shared: 0, skipped: 0 };
  alongRandomPlans(150, () => {
    let previous: Facts = factsOf(factory().inspect());
    let history: History = EMPTY_HISTORY;
    const runner = new PlanRunner(factory({ recordTrace: false }), {
      afterStep(_index: number, action: Action, _events: unknown, deployment: Deployment) {
        const state = deployment.inspect();
        const afresh = factsOf(state);
        const shared = factsOf(state, previous);
        deepStrictEqual(shared, afresh);
        for (const part of PARTS) {
          let same = true;
          try {
            deepStrictEqual(afresh[part], previous[part]);
          } catch {
            same = false;
          }
          if (same) strictEqual(shared[part], previous[part], `${part} is unchanged, so it is shared`);
          if (same) counts.shared++;
        }
        const step = { action, before: previous, after: shared, state, parameters: deployment.parameters };
        const next = nextHistory(step, history);
        const full = { ...step, history: next, previous: history };
        const asked = lawsAskedWhen(stepConditions(full));
        for (const law of LAWS) {
          if (asked.includes(law)) continue;
          counts.skipped++;
          strictEqual(law.check(full), NOT_APPLICABLE, `${law.id} applies where its when says it cannot`);
        }
        history = next;
        counts.steps++;
        previous = shared;
      },
    });
    return { deployment: () => runner.deployment, step: (action) => runner.step(action) };
  });
  return counts;
}

test("the laws' facts share what a step left unchanged, and a law is skipped only where it cannot apply", () => {
  const model = checkFactsAlong(newDeployment);
  const broken = checkFactsAlong(brokenDeployment);
  for (const { steps, shared, skipped } of [model, broken]) {
    ok(steps > 3000 && shared > steps && skipped > steps, `${shared} shared, ${skipped} skipped of ${steps}`);
  }
});
