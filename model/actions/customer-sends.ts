/** The customer types a message into the chat window; it travels through the Web and Application servers to JMS. */
import { touchSession } from '../changes';
import { isLive } from '../chat-session';
import { CUSTOMER_NOTICES, type WindowLine } from '../customer-window';
import { newMessage, placeSession, showCustomer, travel } from '../effects';
import { DEFAULT_CUSTOMER } from '../state';
import { customerInput, customersOf, define, optional, text, who } from './definition';

export interface CustomerSends {
  readonly type: 'customer-sends';
  readonly customer?: string;
  readonly text: string;
}

export const customerSends = define<CustomerSends>({
  type: 'customer-sends',
  actor: 'Customer',
  fields: { text, customer: optional(text) },
  words: (action, style) => `${who(action.customer)} sends ${style.quote(action.text)}`,
  cannot: (action, style) => `${who(action.customer)} cannot send ${style.quote(action.text)}`,
  refusal: (rt, action) => {
    const address = action.customer ?? DEFAULT_CUSTOMER.address;
    const window = rt.directory.window(address);
    if (!window) return `${address} has no chat window open`;
    if (window.state !== 'in session') return `${address}'s chat session ${window.activityId} has ended`;
    if (action.text.trim() === '') return 'the message is empty';
    return null;
  },
  perform: (rt, action) => {
    const window = rt.directory.window(action.customer ?? DEFAULT_CUSTOMER.address)!;
    const session = rt.directory.session(window.activityId);
    const message = newMessage(rt, window.activityId, 'customer', action.text);
    const line: WindowLine = {
      kind: 'message',
      from: 'customer',
      name: window.name,
      text: action.text,
      messageId: message.id,
    };
    showCustomer(rt, window, line);
    const home = session?.home ?? placeSession(rt, () => 0);
    const arrived = travel(rt, ['Customer', 'Web', home, 'Messaging'], `"${action.text}"`);
    if (arrived && session && isLive(session)) {
      message.accepted = true;
      session.transcript.push(line);
      touchSession(rt, session);
    } else if (session && rt.state.servers.Web && !rt.state.servers[session.home]) {
      // No Application server answers for the session: the message is lost with it, and the window, which cannot
      // tell a slow server from a lost session, keeps waiting (window-waits-for-return). The customer hears of
      // connection issues after a few minutes and, once an Application server answers, that the session was lost
      // with the messages sent after the failure, in the source's order (assumption lost-message-told-on-return).
    } else {
      message.senderWarned = true;
      showCustomer(rt, window, {
        kind: 'notice',
        text: CUSTOMER_NOTICES.couldNotBeDelivered,
        notice: 'couldNotBeDelivered',
      });
      window.lines.push({ kind: 'undelivered', text: action.text, messageId: message.id });
    }
  },
  example: { action: { type: 'customer-sends', text: "Hi, it's me" } },
  tries: {
    reads: [],
    weight: 3,
    candidates: (_state, cast) =>
      customersOf(cast).flatMap((customer) =>
        cast.customerLines.map((text) => ({ type: 'customer-sends' as const, ...customer, text })),
      ),
  },
  controls: (_state, fields) => [
    {
      id: 'customer-sends',
      group: 'customer',
      label: 'Send as the customer',
      made: {
        type: 'customer-sends',
        ...customerInput(fields.customer, DEFAULT_CUSTOMER.address),
        text: fields.customerText,
      },
    },
  ],
});
