/**
 * Claims' witnesses (exploration/claim-situations.ts): after each asserted line that checks a claim of the source,
 * and each step that shows an instruction of the source (`shownBy`), the situation must be one the exploration of
 * npm test reached; otherwise the step fails, naming the claim, as a law whose premise never holds fails the laws
 * feature. The claims a step checks or shows are the register's (features/claims-register.ts), the exploration's
 * situations its findings (the run's one exploration).
 */
import { AfterStep } from '@cucumber/cucumber';
import {
  classifyLine,
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

AfterStep(function (this: DeploymentWorld, { pickle, pickleStep, result }) {
  if (result.status !== 'PASSED') return;
  const steps: ScenarioStep[] = pickle.steps.map((step) => ({
    outcome: step.type === 'Outcome',
    text: step.text,
    docString: step.argument?.docString?.content ?? null,
    dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)) ?? null,
  }));
  register ??= loadRegister();
  const index = pickle.steps.findIndex((step) => step.id === pickleStep.id);
  const tags = pickle.tags.map((tag) => tag.name);
  // An asserted line checks the claims that mark it as the source's; a step of an instruction shows it.
  const evidence = steps[index]!.outcome ? classifyLine(register, tags, steps, index) : null;
  const claims =
    evidence === null
      ? claimsShownBy(register, tags, steps[index]!)
      : evidence.kind === 'source'
        ? evidence.claims
        : [];
  if (claims.length === 0) return;
  visited ??= new VisitedSituations(runExploration().situations);
  const missing = unwitnessedClaims(
    claims.map((claim) => claim.id),
    pickleStep.text,
    situationOf(this.deployment),
    visited,
  );
  if (missing.length) throw new Error(missing.join('\n'));
});
