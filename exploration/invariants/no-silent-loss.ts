/**
 * No silent loss: every chat message either appears exactly once, in order, on the other side, or its sender is
 * told, or its session is lost. Memory: the messages still on their way (./unsettled-messages.ts) and how far each
 * screen has been read (./read-cursors.ts), which follows the state's screens and so is copied at a fork.
 */
import { formatDuration } from '../../model/clock';
import type { DeploymentState } from '../../model/state';
import { paneOf } from './checked-state';
import { broken, invariant } from './invariant';
import { ReadCursors } from './read-cursors';
import {
  onItsWay,
  sessionOfMessage,
  settledUndelivered,
  stillOnTheirWay,
  toLookAt,
  UNSETTLED,
  type Unsettled,
} from './unsettled-messages';

interface Memory {
  readonly unsettled: Unsettled;
  readonly cursors: ReadCursors;
}

export const noSilentLoss = invariant<Memory>({
  id: 'noSilentLoss',
  name: 'No silent loss',
  explanation:
    'Every chat message either appears exactly once, in order, on the other side, or its sender is told it may not have been delivered, or its session is lost (and the customer is told so).',
  witness: 'a delivered message found once on the other side',
  memory: {
    initial: () => ({ unsettled: UNSETTLED.initial(), cursors: new ReadCursors() }),
    fork: (memory, from, to) => ({ unsettled: memory.unsettled, cursors: memory.cursors.copy(from, to) }),
  },
  check(step, memory) {
    const { state } = step;
    const looked = toLookAt(memory.unsettled, state);
    for (const id of looked) {
      const message = state.messages[id]!;
      if (message.deliveredAt !== null) {
        if (shownOnce(state, id)) step.witnessed();
      } else if (!settledUndelivered(state, id) && !onItsWay(state, id)) {
        const session = sessionOfMessage(state, id);
        broken(
          `the ${message.from}'s "${message.text}" (sent at ${formatDuration(message.sentAt)}) was never delivered, ` +
            `its sender was not warned, and its session ${session ? `was ${session.ended ?? 'live'}` : 'does not exist'}`,
        );
      }
    }
    // The cursors are read in place: they follow the state's screens, and a fork copies them.
    const wrong = memory.cursors.read(state);
    if (wrong !== null) broken(wrong);
    const unsettled = stillOnTheirWay(memory.unsettled, looked, state);
    return unsettled === memory.unsettled ? memory : { unsettled, cursors: memory.cursors };
  },
});

/** A message just delivered is on the other side's screen exactly once; false if the screen was closed since. */
function shownOnce(state: DeploymentState, id: number): boolean {
  const message = state.messages[id]!;
  const lines =
    message.from === 'customer'
      ? paneOf(state, message.activityId)
      : state.windows.find((window) => window.activityId === message.activityId)?.lines;
  if (lines === undefined) return false; // the screen was closed since, so there is nothing left to compare
  let shown = 0;
  for (const line of lines) if (line.kind === 'message' && line.messageId === id) shown++;
  if (shown !== 1) {
    const where = message.from === 'customer' ? "the agent's chat pane" : "the customer's window";
    broken(`"${message.text}" appears ${shown} times in ${where}`);
  }
  return true;
}
