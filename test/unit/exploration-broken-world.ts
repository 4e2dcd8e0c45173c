/**
 * Cucumber support for exploration-counterexample.test.ts only: with the world parameter `brokenModel`, every
 * scenario runs against the deliberately broken model instead of the real one.
 */
import { setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import { Deployment } from '../../model/deployment';
import { DeploymentWorld } from '../../steps/support/world';
import { brokenDeployment } from './exploration-broken-model';

class WorldWithBrokenModel extends DeploymentWorld {
  override readonly deployment: Deployment;

  constructor(options: IWorldOptions) {
    super(options);
    this.deployment = options.parameters.brokenModel ? brokenDeployment() : new Deployment();
  }
}

setWorldConstructor(WorldWithBrokenModel);
