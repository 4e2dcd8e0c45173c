/** MSG-R2: once the Messaging server is back, the chat session is re-established and can continue. */
import { deliveredOrWhy, messageBetweenOpenSides } from './chat-exchange';
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

export const chatContinuesAfterMessaging = law({
  id: 'chat-continues-after-messaging',
  claims: ['MSG-R2'],
  name: 'A chat that was live when the Messaging server failed continues once every server is back',
  premise:
    'every server is up, a chat that was live when the Messaging server failed is still live and open on both sides, and one side sends a message',
  conclusion: 'the message reaches the other side',
  when: WHEN.messageSent,
  check: (step) => {
    if (step.after.down.size > 0) return NOT_APPLICABLE;
    const message = messageBetweenOpenSides(step);
    if (!message || !step.history.liveAtMessagingFailure.includes(message.activityId)) return NOT_APPLICABLE;
    return deliveredOrWhy(message) ?? HOLDS;
  },
});
