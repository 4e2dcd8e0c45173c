/**
 * The customer is never left uninformed: once a session is lost, the customer's window says so within the
 * model's threshold. Memory: when each session was lost, and those whose customer has not been told yet; the
 * ages of the latter are part of the explorer's state key (the state does not say when a session was lost).
 */
import { formatDuration } from '../../model/clock';
import { broken, invariant } from './invariant';

interface Memory {
  /** When each lost session was lost, by activity. */
  readonly lostAt: ReadonlyMap<number, number>;
  /** Lost sessions whose customer has not been told yet, in the order they were lost. */
  readonly uninformed: readonly number[];
}

const NONE: Memory = { lostAt: new Map(), uninformed: [] };

export const customerNeverUninformed = invariant<Memory>({
  id: 'customerNeverUninformed',
  name: 'The customer is never left uninformed',
  explanation:
    "Once a chat session is lost, the customer's window says so (session lost, or connection issues) within the model's customerConnectionIssuesAfter threshold.",
  witness: "a lost session whose customer's window says so",
  memory: {
    initial: () => NONE,
    key({ lostAt, uninformed }, clock) {
      let key = '';
      for (const id of uninformed) key += `,${id}@${clock - lostAt.get(id)!}`;
      return key;
    },
  },
  check(step, memory) {
    const { state, deployment } = step;
    const threshold = deployment.parameters.customerConnectionIssuesAfter;
    let { lostAt, uninformed } = memory;
    for (const session of state.sessions) {
      if (session.ended === 'lost' && !lostAt.has(session.activityId)) {
        lostAt = new Map(lostAt).set(session.activityId, state.clock);
        uninformed = [...uninformed, session.activityId];
      }
    }
    let kept: number[] | null = null;
    for (let i = 0; i < uninformed.length; i++) {
      const activityId = uninformed[i]!;
      const window = state.windows.find((w) => w.activityId === activityId);
      const told =
        window === undefined ||
        window.state === 'closed' || // the customer left: there is nobody to tell
        window.lines.some(
          (line) => line.kind === 'notice' && (line.notice === 'sessionLost' || line.notice === 'connectionIssues'),
        );
      if (told) {
        if (window !== undefined && window.state !== 'closed') step.witnessed();
        kept ??= uninformed.slice(0, i);
        continue;
      }
      const since = state.clock - lostAt.get(activityId)!;
      if (since >= threshold) {
        broken(
          `chat ${activityId} was lost ${formatDuration(since)} ago and the customer's window still says nothing (threshold ${formatDuration(threshold)})`,
        );
      }
      kept?.push(activityId);
    }
    if (kept !== null) uninformed = kept;
    return lostAt === memory.lostAt && uninformed === memory.uninformed ? memory : { lostAt, uninformed };
  },
});
