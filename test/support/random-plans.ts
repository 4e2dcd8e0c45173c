/**
 * The random phase's plans for unit tests that check something after every step: fast-check's command sequences
 * of the phase (exploration/random-commands.ts, drawn from the whole action table), each after the premise, run through a stand-in for the phase's
 * Exploration that the test makes afresh for each plan (its state, and what taking a step does).
 */
import fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import { explorationCommands } from '../../exploration/random-commands';
import { PREMISE, type Exploration } from '../../exploration/exploration';
import { MAX_COMMANDS } from '../../exploration/random';

export interface PlanStandIn {
  /** The deployment the plan runs on: the commands read its state and ask its guard. */
  deployment(): Deployment;
  step(action: Action): void;
}

/** Runs `numRuns` of the random phase's plans (the fixed seed), each through the stand-in `start` makes for it. */
export function alongRandomPlans(numRuns: number, start: () => PlanStandIn): void {
  fc.assert(
    fc.property(fc.commands(explorationCommands(), { maxCommands: MAX_COMMANDS, size: 'max' }), (commands) => {
      const standIn = start();
      const exploration = {
        get deployment() {
          return standIn.deployment();
        },
        get state() {
          return standIn.deployment().inspect();
        },
        step(action: Action) {
          standIn.step(action);
        },
      } as unknown as Exploration;
      for (const action of PREMISE) exploration.step(action);
      fc.modelRun(() => ({ model: exploration, real: exploration }), commands);
    }),
    { seed: 20110712, numRuns },
  );
}
