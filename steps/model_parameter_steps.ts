/**
 * Setting a model parameter (model/parameters.ts) from a scenario, by the source's own phrase or by its name.
 * The value holds for the whole scenario: the steps so far are replayed on a deployment that has it.
 */
import { Given } from '@cucumber/cucumber';
import { DEFAULT_PARAMETERS, type ModelParameters } from '../model/parameters';
import type { DeploymentWorld } from './support/world';

/** The source's phrases for the durations it leaves open, and the parameter each one is. */
const PHRASES: Record<string, keyof ModelParameters> = {
  'a few minutes': 'customerConnectionIssuesAfter',
};

function parameterNamed(name: string): keyof ModelParameters {
  const parameter = PHRASES[name] ?? (name in DEFAULT_PARAMETERS ? (name as keyof ModelParameters) : undefined);
  if (!parameter) {
    throw new Error(
      `"${name}" names no model parameter (phrases: ${Object.keys(PHRASES).join(', ')}; parameters: ${Object.keys(DEFAULT_PARAMETERS).join(', ')})`,
    );
  }
  return parameter;
}

Given('{string} is {int} minute(s)', function (this: DeploymentWorld, name: string, minutes: number) {
  this.setModelParameter(parameterNamed(name), minutes * 60);
});

Given('{string} is {int} second(s)', function (this: DeploymentWorld, name: string, seconds: number) {
  this.setModelParameter(parameterNamed(name), seconds);
});
