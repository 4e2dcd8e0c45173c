/**
 * The same plan gives the same trace: two runs of the plan on fresh deployments recording their trace record the
 * same trace, step by step, byte for byte. Checked once the plan is over; when the plan's own run recorded its
 * trace, that run is one of the two and the plan is replayed once, else twice (../determinism.ts).
 */
import { replayOnce, replayTwice } from '../determinism';
import { Broken, invariant, NO_MEMORY } from './invariant';

export const determinism = invariant<null>({
  id: 'determinism',
  name: 'The same plan gives the same trace',
  explanation: 'Replaying a plan on a fresh deployment yields a trace identical byte for byte, step by step.',
  witness: 'a plan of at least one step replayed and its trace compared',
  memory: NO_MEMORY,
  atEnd(plan, trace, fresh) {
    const differs = trace ? replayOnce(plan, trace, fresh) : replayTwice(plan, fresh);
    return differs ? new Broken(differs.detail, differs.index) : null;
  },
});
