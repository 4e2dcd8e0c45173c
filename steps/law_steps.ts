/** The source's claims as laws: what the state-space exploration found for each. */
import { Then, When, type World } from '@cucumber/cucumber';
import { formatCounterexample } from '../exploration/counterexample';
import { LAWS } from '../exploration/laws';
import type { SpecificationStateSpace } from '../exploration/state-space/report';
import { runExploration } from './exploration_steps';
import { ScenarioResults, named } from './support/found';

const explored = new ScenarioResults<SpecificationStateSpace>('No state space was explored');
const stateSpace = (world: World): SpecificationStateSpace => explored.get(world);
const lawNamed = (name: string) => named(LAWS, name, 'law');

When('every state within the test bounds is explored', function (this: World) {
  explored.set(this, runExploration().stateSpace);
});

Then('no explored state breaks the law {string}', function (this: World, name: string) {
  const law = lawNamed(name);
  for (const run of stateSpace(this).runs) {
    if (run.counterexample?.violation.invariant.id === law.id)
      throw new Error(formatCounterexample(run.counterexample));
  }
});

Then('the premise of the law {string} held in some explored state', function (this: World, name: string) {
  const law = lawNamed(name);
  const found = stateSpace(this).report.laws.find((l) => l.id === law.id)!;
  if (found.premiseHeld === 0) throw new Error(`The premise of "${name}" (${law.premise}) held in no explored state`);
  this.log(`The premise held in ${found.premiseHeld} explored transitions.`);
});

Then('no explored state breaks an invariant or a law', function (this: World) {
  for (const run of stateSpace(this).runs) {
    if (run.counterexample) throw new Error(formatCounterexample(run.counterexample));
  }
});
