/**
 * A deliberately broken model for the exploration's tests: a copy of the deployment whose customer window
 * never learns that its session has ended. The model's own code is never touched.
 */
import { Deployment, type DeploymentSetup } from '../../model/deployment';

export class DeploymentThatForgetsTheCustomer extends Deployment {}
Object.defineProperty(DeploymentThatForgetsTheCustomer.prototype, 'endSessionsCustomersCanSee', { value: () => {} });

export const brokenDeployment = (setup?: DeploymentSetup): Deployment => new DeploymentThatForgetsTheCustomer(setup);
