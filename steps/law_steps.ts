/** The source's claims as laws: what the state-space exploration found for each. */
import { Then, When, type World } from '@cucumber/cucumber';
import type { ExplorationFindings } from '../exploration/findings';
import { LAWS } from '../exploration/laws';
import { EXPLORATION_TIMEOUT } from './exploration_steps';
import { explorationFindings } from './support/exploration_run';
import { ScenarioResults, named } from './support/found';

type StateSpaceFindings = ExplorationFindings['stateSpace'];
const explored = new ScenarioResults<StateSpaceFindings>('No state space was explored');
const stateSpace = (world: World): StateSpaceFindings => explored.get(world);
const lawNamed = (name: string) => named(LAWS, name, 'law');

When('every state within the test bounds is explored', EXPLORATION_TIMEOUT, async function (this: World) {
  explored.set(this, (await explorationFindings()).stateSpace);
});

Then('no explored state breaks the law {string}', function (this: World, name: string) {
  const law = lawNamed(name);
  const found = stateSpace(this).broken.find((b) => b.id === law.id);
  if (found) throw new Error(found.counterexample);
});

Then('the premise of the law {string} held in some explored state', function (this: World, name: string) {
  const law = lawNamed(name);
  const found = stateSpace(this).report.laws.find((l) => l.id === law.id)!;
  if (found.premiseHeld === 0) throw new Error(`The premise of "${name}" (${law.premise}) held in no explored state`);
  this.log(`The premise held in ${found.premiseHeld} explored transitions.`);
});

Then('no explored state breaks an invariant or a law', function (this: World) {
  const [first] = stateSpace(this).broken;
  if (first) throw new Error(first.counterexample);
});
