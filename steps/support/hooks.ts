/** Attaches what each scenario did, and fails a scenario whose captured rejection no step checked. */
import { After } from '@cucumber/cucumber';
import { END_STATE_MEDIA_TYPE, PLAN_MEDIA_TYPE, TRACE_MEDIA_TYPE } from '../../model/media-types';
import type { Trace } from '../../model/trace';
import type { DeploymentWorld } from './world';

After(function (this: DeploymentWorld) {
  this.attach(
    JSON.stringify({ parameters: { ...this.deployment.parameters }, events: this.deployment.trace } satisfies Trace),
    TRACE_MEDIA_TYPE,
  );
  this.attach(JSON.stringify(this.view()), END_STATE_MEDIA_TYPE);
  // A plan replays the scenario only with the default model parameters, which is all a plan (and a playground
  // link) carries; a scenario that set one publishes no plan rather than one that would end elsewhere.
  if (this.usesDefaultParameters) this.attach(JSON.stringify(this.plan), PLAN_MEDIA_TYPE);
});

After(function (this: DeploymentWorld) {
  if (this.rejection && !this.rejection.checked) {
    throw new Error(`The model rejected an action and no step checked it: ${this.rejection.error.message}`);
  }
});
