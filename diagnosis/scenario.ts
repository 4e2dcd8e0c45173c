/**
 * A situation's shortest plan in the forms a reader can use: a scenario in the project's own step sentences
 * (plans/gherkin.ts), its sequence diagram drawn from the trace of running it (generator/sequence-diagram.ts)
 * and a link that stages it in the playground (plans/url.ts). The page and `npm run diagnose` share it.
 */
import type { Action } from '../model/actions';
import { Deployment } from '../model/deployment';
import { scenario } from '../plans/gherkin';
import { PlanRunner } from '../plans/interpreter';
import { playgroundHref } from '../plans/url';
import { sequenceDiagram } from '../generator/sequence-diagram';

export interface SituationScenario {
  readonly gherkin: string;
  readonly diagram: string;
  readonly playground: string;
}

export function situationScenario(plan: readonly Action[], name: string, baseUrl = '/'): SituationScenario {
  const runner = new PlanRunner(new Deployment()).run(plan);
  return {
    gherkin: plan.length ? scenario(plan, { name }) : '',
    diagram: sequenceDiagram(runner.deployment.trace),
    playground: playgroundHref(plan, baseUrl),
  };
}
