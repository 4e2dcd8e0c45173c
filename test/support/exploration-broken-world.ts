/**
 * Cucumber support for exploration-counterexample.test.ts only: with the world parameter `brokenModel`, every
 * scenario runs against the deliberately broken model instead of the real one.
 */
import { setWorldConstructor } from '@cucumber/cucumber';
import type { Deployment } from '../../model/deployment';
import { DeploymentWorld } from '../../steps/support/world';
import { brokenDeployment } from './exploration-broken-model';

class WorldWithBrokenModel extends DeploymentWorld {
  protected override newDeployment(): Deployment {
    return this.parameters.brokenModel ? brokenDeployment() : super.newDeployment();
  }
}

setWorldConstructor(WorldWithBrokenModel);
