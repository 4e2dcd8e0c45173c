/**
 * The laws' facts are worked out after every step from the state and the facts before it, sharing every part
 * the step left unchanged (exploration/laws/history.ts). Over the random phase's plans, on the model and on the
 * deliberately broken one, the shared facts must equal facts worked out afresh from the state alone, and each
 * part that did not change must be the very object it was (else the sharing does nothing).
 */
import { test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import { explorationCommands } from '../../exploration/commands';
import { PREMISE, type Exploration } from '../../exploration/exploration';
import { factsOf, type Facts } from '../../exploration/laws/history';
import { MAX_COMMANDS } from '../../exploration/random';
import { PlanRunner, newDeployment, type DeploymentFactory } from '../../plans/interpreter';
import { brokenDeployment } from './exploration-broken-model';

const PARTS = ['down', 'logins', 'liveSessions', 'agentsInLiveChats'] as const;

function checkFactsAlong(factory: DeploymentFactory): { steps: number; shared: number } {
  const counts = { steps: 0, shared: 0 };
  fc.assert(
    fc.property(fc.commands(explorationCommands(), { maxCommands: MAX_COMMANDS, size: 'max' }), (commands) => {
      let previous: Facts = factsOf(factory().inspect());
      const runner = new PlanRunner(factory({ recordTrace: false }), {
        afterStep(_index: number, _action: Action, _events: unknown, deployment: Deployment) {
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
          counts.steps++;
          previous = shared;
        },
      });
      const exploration = {
        get state() {
          return runner.deployment.inspect();
        },
        step(action: Action) {
          runner.step(action);
        },
      } as unknown as Exploration;
      for (const action of PREMISE) exploration.step(action);
      fc.modelRun(() => ({ model: exploration, real: exploration }), commands);
    }),
    { seed: 20110712, numRuns: 150 },
  );
  return counts;
}

test("the laws' facts share what a step left unchanged and equal the facts worked out afresh", () => {
  const model = checkFactsAlong(newDeployment);
  const broken = checkFactsAlong(brokenDeployment);
  for (const { steps, shared } of [model, broken]) ok(steps > 3000 && shared > steps, `${shared} of ${steps}`);
});
