/**
 * The one interpreter of plans: applies actions to a deployment in order, telling an observer after each step.
 * The cucumber World, the exhaustive and random explorers, the invariants step, the counterexample shrinker and
 * the playground all run plans through it, so a plan found by one replays the same way in the others.
 */
import type { Action, Plan } from '../model/actions';
import { describeAction } from '../model/actions';
import { Deployment, type DeploymentSetup } from '../model/deployment';
import { ActionRejected } from '../model/errors';
import type { TraceEvent } from '../model/trace';

/** Told about every step the interpreter applies; may throw to stop the plan. */
export interface StepObserver {
  afterStep(index: number, action: Action, events: readonly TraceEvent[], deployment: Deployment): void;
}

/** A step the model refused: the plan does not fit the state its earlier steps left. */
export class PlanStepRejected extends Error {
  constructor(
    readonly index: number,
    readonly action: Action,
    readonly rejection: ActionRejected,
  ) {
    super(`Step ${index + 1} (${describeAction(action)}) was refused: ${rejection.reason}`);
    this.name = 'PlanStepRejected';
  }
}

/** Makes the deployment a plan runs against; tests pass one that makes a deliberately broken model. */
export type DeploymentFactory = (setup?: DeploymentSetup) => Deployment;

export const newDeployment: DeploymentFactory = (setup) => new Deployment(setup);

/** A factory for more deployments of the same class and setup as `deployment` (trace recorded), for replays. */
export function factoryLike(deployment: Deployment): () => Deployment {
  const Class = deployment.constructor as new (setup?: DeploymentSetup) => Deployment;
  const setup = deployment.setup;
  return () => new Class(setup);
}

export class PlanRunner {
  private readonly steps: Action[];

  /** `done`: the steps that already led to `deployment`, when it is not fresh (a copy of a staged session). */
  constructor(
    readonly deployment: Deployment = new Deployment(),
    private readonly observer: StepObserver | null = null,
    done: Plan = [],
  ) {
    this.steps = [...done];
  }

  /** The steps applied so far. */
  get plan(): Plan {
    return this.steps;
  }

  /** Why `action` would be refused as the next step, or `null`. */
  rejection(action: Action): string | null {
    return this.deployment.rejection(action);
  }

  step(action: Action): readonly TraceEvent[] {
    const index = this.steps.length;
    let events: readonly TraceEvent[];
    try {
      events = this.deployment.apply(action);
    } catch (error) {
      if (error instanceof ActionRejected) throw new PlanStepRejected(index, action, error);
      throw error;
    }
    this.steps.push(action);
    this.observer?.afterStep(index, action, events, this.deployment);
    return events;
  }

  run(plan: Plan): this {
    for (const action of plan) this.step(action);
    return this;
  }

  /** An independent runner from here on, with no observer: for trying a continuation without changing this one. */
  fork(): PlanRunner {
    return new PlanRunner(this.deployment.clone(), null, this.steps);
  }
}
