/**
 * A completed activity stays completed, and every activity carries a documented status pair. Memory: the
 * activities seen at 9000/9100, which the state determines (they are still there, or the invariant broke).
 */
import { STATUS, isDocumentedStatus } from '../../model/database';
import { broken, invariant } from './invariant';

const NONE: ReadonlySet<number> = new Set();

export const completedStaysCompleted = invariant<ReadonlySet<number>>({
  id: 'completedStaysCompleted',
  name: 'A completed activity stays completed',
  explanation:
    'Every activity carries a documented status pair, and one that reached 9000/9100 never returns to in progress or any other status.',
  witness: 'an activity completed at an earlier step, seen again',
  memory: { initial: () => NONE },
  check(step, completed) {
    const { state } = step;
    let next = completed;
    for (const row of state.db.activities) {
      const { activity_id: id, activity_status: status, activity_sub_status: subStatus } = row;
      if (!isDocumentedStatus(status, subStatus))
        broken(`activity ${id} is at ${status}/${subStatus}, not a documented pair`);
      const done = status === STATUS.completed.status && subStatus === STATUS.completed.subStatus;
      if (done) {
        if (!next.has(id)) next = new Set(next).add(id);
        else if (completed.has(id)) step.witnessed();
      } else if (next.has(id)) broken(`activity ${id} went from 9000/9100 back to ${status}/${subStatus}`);
    }
    return next;
  },
});
