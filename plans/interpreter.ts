/**
 * The one interpreter of plans: applies actions to a deployment in order, telling an observer after each step.
 * The exhaustive explorer, the fuzzer and the invariants step all run plans through it, so a plan found by one
 * replays the same way in the others.
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

/** A factory for more deployments of the same class and setup as `deployment`, for replays. */
export function factoryLike(deployment: Deployment): () => Deployment {
  const Class = deployment.constructor as new (setup?: DeploymentSetup) => Deployment;
  const setup: DeploymentSetup = {
    parameters: deployment.parameters,
    epoch: deployment.epoch,
    entryPoint: deployment.entryPoint,
  };
  return () => new Class(setup);
}

export class PlanRunner {
  private readonly steps: Action[] = [];

  constructor(
    readonly deployment: Deployment = new Deployment(),
    private readonly observer: StepObserver | null = null,
  ) {}

  /** The steps applied so far. */
  get plan(): Plan {
    return this.steps;
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
}

/** Runs `plan` on a fresh deployment and returns it. */
export function runPlan(plan: Plan, options: { deployment?: Deployment; observer?: StepObserver } = {}): Deployment {
  return new PlanRunner(options.deployment ?? new Deployment(), options.observer ?? null).run(plan).deployment;
}
