/**
 * The World of every scenario: one deployment, the actions performed on it (the plan), and any rejection a
 * `tries to` step captured for a later `Then` to check.
 */
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import { Deployment, type DeploymentView } from '../../model/deployment';
import { ActionRejected } from '../../model/errors';
import type { Action } from '../../model/actions';
import { parseDuration } from '../../model/clock';
import { customerWindow } from './whom';

export class DeploymentWorld extends World {
  readonly deployment = new Deployment();
  readonly plan: Action[] = [];
  /** A rejection captured by a `tries to` step; the After hook fails the scenario if no step checked it. */
  rejection: { error: ActionRejected; checked: boolean } | null = null;

  constructor(options: IWorldOptions) {
    super(options);
  }

  perform(...actions: Action[]): void {
    for (const action of actions) {
      this.deployment.apply(action);
      this.plan.push(action);
    }
  }

  /** Performs an action that may be refused, keeping the refusal for a `Then` to check. */
  attempt(action: Action): void {
    try {
      this.perform(action);
    } catch (error) {
      if (!(error instanceof ActionRejected)) throw error;
      this.rejection = { error, checked: false };
    }
  }

  view(): DeploymentView {
    return this.deployment.view();
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
