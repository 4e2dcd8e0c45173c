/** MSG-R1: messages sent while the Messaging server was down are lost. */
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

export const lostWhileMessagingDown = law({
  id: 'lost-while-messaging-down',
  claims: ['MSG-R1'],
  name: 'Messages sent while the Messaging server was down are lost',
  premise: 'a chat message was sent while the Messaging server was down',
  conclusion: 'it never reaches the other side, then or after the Messaging server is back',
  when: WHEN.sentWhileMessagingDown,
  check: (step) => {
    const ids = step.history.sentWhileMessagingDown;
    if (ids.length === 0) return NOT_APPLICABLE;
    for (const id of ids) {
      const message = step.state.messages[id]!;
      if (message.deliveredAt !== null) return `"${message.text}" reached the other side`;
    }
    return HOLDS;
  },
});
