/** The source's claims as laws: what the state-space exploration found for each. */
import { Then, When, type World } from '@cucumber/cucumber';
import type { Findings } from '../exploration/findings';
import { LAWS } from '../exploration/laws';
import { runExploration } from './exploration_steps';
import { ScenarioResults, named } from './support/found';

const explored = new ScenarioResults<Findings>('No state space was explored');
const stateSpace = (world: World): Findings => explored.get(world);
const lawNamed = (name: string) => named(LAWS, name, 'law');

When('every state within the test bounds is explored', async function (this: World) {
  explored.set(this, await runExploration());
});

Then('no explored state breaks the law {string}', function (this: World, name: string) {
  const law = lawNamed(name);
  const broken = stateSpace(this).stateSpaceBroken.find((b) => b.id === law.id);
  if (broken) throw new Error(broken.counterexample);
});

Then('the premise of the law {string} held in some explored state', function (this: World, name: string) {
  const law = lawNamed(name);
  const space = stateSpace(this).report.stateSpace;
  if (!space) throw new Error('The exploration report has no state space');
  const found = space.laws.find((l) => l.id === law.id)!;
  if (found.premiseHeld === 0) throw new Error(`The premise of "${name}" (${law.premise}) held in no explored state`);
  this.log(`The premise held in ${found.premiseHeld} explored transitions.`);
});

Then('no explored state breaks an invariant or a law', function (this: World) {
  const [first] = stateSpace(this).stateSpaceBroken;
  if (first) throw new Error(first.counterexample);
});
