/**
 * Claims' witnesses (exploration/claim-situations.ts): after each asserted line that checks a claim of the source,
 * the line's situation must be one the exploration of npm test reached; otherwise the line fails, naming the
 * claim, as a law whose premise never holds fails the laws feature. The claims a line checks are the register's
 * (features/claims-register.ts), the exploration's situations its findings (the run's one exploration).
 */
import { AfterStep } from '@cucumber/cucumber';
import { classifyLine, loadRegister, type Register, type ScenarioStep } from '../../features/claims-register';
import { VisitedSituations, situationOf, unwitnessedClaims } from '../../exploration/claim-situations';
import { runExploration } from '../exploration_steps';
import type { DeploymentWorld } from './world';

let register: Register | undefined;
let visited: VisitedSituations | undefined;

AfterStep(function (this: DeploymentWorld, { pickle, pickleStep, result }) {
  if (pickleStep.type !== 'Outcome' || result.status !== 'PASSED') return;
  const steps: ScenarioStep[] = pickle.steps.map((step) => ({
    outcome: step.type === 'Outcome',
    text: step.text,
    docString: step.argument?.docString?.content ?? null,
    dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)) ?? null,
  }));
  register ??= loadRegister();
  const index = pickle.steps.findIndex((step) => step.id === pickleStep.id);
  const evidence = classifyLine(
    register,
    pickle.tags.map((tag) => tag.name),
    steps,
    index,
  );
  if (evidence.kind !== 'source') return;
  visited ??= new VisitedSituations(runExploration().situations);
  const missing = unwitnessedClaims(
    evidence.claims.map((claim) => claim.id),
    pickleStep.text,
    situationOf(this.deployment),
    visited,
  );
  if (missing.length) throw new Error(missing.join('\n'));
});
