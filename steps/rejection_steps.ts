/** Checks on actions the model refused, captured by `tries to` steps. */
import { Then } from '@cucumber/cucumber';
import type { DeploymentWorld } from './support/world';

/** That the model refused the action at all, whatever its reason: the behaviour, apart from the model's wording. */
Then('it is refused', function (this: DeploymentWorld) {
  if (!this.rejection) throw new Error('The action was not refused');
  this.rejection.checked = true;
});

Then('it is refused because {string}', function (this: DeploymentWorld, reason: string) {
  if (!this.rejection) throw new Error('The action was not refused');
  this.rejection.checked = true;
  if (this.rejection.error.reason !== reason) {
    throw new Error(`The action was refused because "${this.rejection.error.reason}", not "${reason}"`);
  }
});
