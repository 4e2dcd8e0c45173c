/** SVC-F1: with only the Services server down, the agent and the customer can still chat. */
import { deliveredOrWhy, messageBetweenOpenSides } from './chat-exchange';
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

export const chatWorksWithoutServices = law({
  id: 'chat-works-without-services',
  claims: ['SVC-F1'],
  name: 'With only the Services server down, the agent and the customer can still chat',
  premise: 'the Services server is the only server down and one side of a live chat open on both sides sends a message',
  conclusion: 'the message reaches the other side',
  when: WHEN.messageSent | WHEN.servicesDown,
  check: (step) => {
    if (step.after.down.size !== 1 || !step.after.down.has('Services')) return NOT_APPLICABLE;
    const message = messageBetweenOpenSides(step);
    if (!message) return NOT_APPLICABLE;
    return deliveredOrWhy(message) ?? HOLDS;
  },
});
