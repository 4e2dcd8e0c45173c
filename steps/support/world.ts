/**
 * The World of every scenario: one deployment driven through the plan interpreter (the actions performed on
 * it are the plan), and any rejection a `tries to` step captured for a later `Then` to check.
 */
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Action, Plan } from '../../model/actions';
import { parseDuration } from '../../model/clock';
import { Deployment } from '../../model/deployment';
import type { ModelParameters } from '../../model/parameters';
import type { ActionRejected } from '../../model/errors';
import type { ConsoleView, DeploymentView } from '../../model/views';
import { PlanRunner, PlanStepRejected } from '../../plans/interpreter';
import { customerWindow } from './whom';

export class DeploymentWorld extends World {
  private runner: PlanRunner | undefined;
  /** A rejection captured by a `tries to` step; the After hook fails the scenario if no step checked it. */
  rejection: { error: ActionRejected; checked: boolean } | null = null;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** Model parameters the scenario set (`Given "a few minutes" is 5 minutes`); the rest are the defaults. */
  private modelParameters: Partial<ModelParameters> = {};

  /** The deployment a scenario starts from; a test world overrides it to run the steps against another model. */
  protected newDeployment(): Deployment {
    return new Deployment({ parameters: this.modelParameters });
  }

  get usesDefaultParameters(): boolean {
    return Object.keys(this.modelParameters).length === 0;
  }

  /** Sets a model parameter for the whole scenario: the steps so far are replayed on a deployment that has it. */
  setModelParameter(name: keyof ModelParameters, seconds: number): void {
    const done = this.plan;
    this.modelParameters = { ...this.modelParameters, [name]: seconds };
    this.runner = undefined;
    this.perform(...done);
  }

  private get interpreter(): PlanRunner {
    return (this.runner ??= new PlanRunner(this.newDeployment()));
  }

  get deployment(): Deployment {
    return this.interpreter.deployment;
  }

  get plan(): Plan {
    return this.interpreter.plan;
  }

  perform(...actions: Action[]): void {
    for (const action of actions) {
      try {
        this.interpreter.step(action);
      } catch (error) {
        throw error instanceof PlanStepRejected ? error.rejection : error;
      }
    }
  }

  /** Performs an action that may be refused, keeping the refusal for a `Then` to check. */
  attempt(action: Action): void {
    try {
      this.interpreter.step(action);
    } catch (error) {
      if (!(error instanceof PlanStepRejected)) throw error;
      this.rejection = { error: error.rejection, checked: false };
    }
  }

  view(): DeploymentView {
    return this.deployment.view();
  }

  /** The first agent's console ("the agent"), or the named agent's. */
  console(agent?: string): ConsoleView {
    const view = this.view();
    if (agent === undefined || view.console.agent === agent) return view.console;
    const found = view.consoles?.find((c) => c.agent === agent);
    if (!found)
      throw new Error(
        `${agent} has no agent console (consoles: ${view.consoles?.map((c) => c.agent).join(', ') ?? view.console.agent ?? 'none'})`,
      );
    return found;
  }

  /** The one customer window, or the named one; with several open and none named, an error lists them. */
  customer(address?: string): DeploymentView['customers'][number] {
    return customerWindow(this.view(), address);
  }

  /** Lets time pass until the customer's chat has lasted `duration` (hh:mm:ss), as the console would show it. */
  waitUntilChatHasLasted(duration: string, address?: string): void {
    const activityId = this.customer(address).activityId;
    const wanted = parseDuration(duration);
    const age = this.deployment.activityAge(activityId);
    if (wanted <= age) {
      throw new Error(`The chat has already lasted ${this.deployment.view().clock}; it cannot go back to ${duration}`);
    }
    this.perform({ type: 'wait', seconds: wanted - age });
  }
}

setWorldConstructor(DeploymentWorld);
