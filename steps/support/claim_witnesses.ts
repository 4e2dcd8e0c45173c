/**
 * Claims' witnesses (exploration/claim-situations.ts): after each asserted line that checks a claim of the source,
 * and each step that shows an instruction of the source (`shownBy`), the situation must be one the exploration of
 * npm test reached; otherwise the step fails, naming the claim, as a law whose premise never holds fails the laws
 * feature. The claims a step checks or shows are the register's (features/claims-register.ts), the exploration's
 * situations its findings (the run's one exploration).
 */
import { AfterStep } from '@cucumber/cucumber';
import type { Pickle } from '@cucumber/messages';
import {
  claimsMarking,
  claimsShownBy,
  loadRegister,
  type Register,
  type ScenarioStep,
} from '../../features/claims-register';
import { VisitedSituations, situationOf, unwitnessedClaims } from '../../exploration/claim-situations';
import { runExploration } from '../exploration_steps';
import type { DeploymentWorld } from './world';

let register: Register | undefined;
let visited: VisitedSituations | undefined;
/** The scenario whose steps are running, as the register reads them: made once per scenario, not once per step. */
let scenario: { readonly pickle: string; readonly steps: readonly ScenarioStep[]; readonly tags: string[] } | undefined;

function scenarioOf(pickle: Pickle) {
  if (scenario?.pickle !== pickle.id) {
    scenario = {
      pickle: pickle.id,
      steps: pickle.steps.map((step) => ({
        outcome: step.type === 'Outcome',
        text: step.text,
        docString: step.argument?.docString?.content ?? null,
        dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)) ?? null,
      })),
      tags: pickle.tags.map((tag) => tag.name),
    };
  }
  return scenario;
}

AfterStep(function (this: DeploymentWorld, { pickle, pickleStep, result }) {
  if (result.status !== 'PASSED') return;
  const { steps, tags } = scenarioOf(pickle);
  register ??= loadRegister();
  const index = pickle.steps.findIndex((step) => step.id === pickleStep.id);
  // An asserted line checks the claims that mark it as the source's (classifyLine's `source` evidence); a step
  // of an instruction shows it.
  const claims = steps[index]!.outcome
    ? claimsMarking(register, tags, steps, index).claims
    : claimsShownBy(register, tags, steps[index]!);
  if (claims.length === 0) return;
  const witness = (situations: VisitedSituations) => {
    const missing = unwitnessedClaims(
      claims.map((claim) => claim.id),
      pickleStep.text,
      situationOf(this.deployment),
      situations,
    );
    if (missing.length) throw new Error(missing.join('\n'));
  };
  if (visited) return witness(visited);
  return runExploration().then((findings) => witness((visited ??= new VisitedSituations(findings.situations))));
});
