/**
 * Nothing is delivered while its path is down: a chat message delivered at this step needs its session's
 * Application server and the Messaging server up. Memory: the messages still on their way
 * (./unsettled-messages.ts), the only ones whose delivery is news at this step.
 */
import { chatMessagesFlow } from '../../model/servers';
import { pathDown } from './checked-state';
import { broken, invariant } from './invariant';
import { sessionOfMessage, stillOnTheirWay, toLookAt, UNSETTLED, type Unsettled } from './unsettled-messages';

export const nothingDeliveredWhilePathDown = invariant<Unsettled>({
  id: 'nothingDeliveredWhilePathDown',
  name: 'Nothing is delivered while its path is down',
  explanation:
    'No chat message reaches either screen while the Application or the Messaging server, which every message passes through, is down.',
  witness: 'a message delivered, its path up',
  memory: UNSETTLED,
  check(step, memory) {
    const { state } = step;
    const looked = toLookAt(memory, state);
    for (const id of looked) {
      const message = state.messages[id]!;
      if (message.deliveredAt === null) continue;
      const home = sessionOfMessage(state, id)?.home ?? 'Application';
      if (!chatMessagesFlow(state.servers, home)) broken(`"${message.text}" was delivered ${pathDown(state, home)}`);
      step.witnessed();
    }
    return stillOnTheirWay(memory, looked, state);
  },
});
