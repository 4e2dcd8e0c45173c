/**
 * A deliberately broken model for the exploration's tests: the deployment without the rule by which a
 * customer's window learns that its session has ended. The model's own code is never touched.
 */
import { Deployment, type DeploymentSetup } from '../../model/deployment';
import { RULES } from '../../model/rules';
import { sessionEndings } from '../../model/rules/session-endings';

const FORGETFUL_RULES = RULES.filter((rule) => rule !== sessionEndings);

export const brokenDeployment = (setup?: DeploymentSetup): Deployment =>
  new Deployment({ ...setup, rules: FORGETFUL_RULES });
