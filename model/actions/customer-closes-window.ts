/**
 * The customer closes the chat window. If the request reaches the session's Application server, the session
 * ends and the agent's chat list shows "Customer exited chat" (Cisco's Agent's Guide 4.3(1), docs/sources.md);
 * the activity stays in progress until the agent completes it. If it does not, the server never hears of it
 * and the console later shows the customer as not connected. (inferred)
 */
import { touchWindow } from '../changes';
import { isLive } from '../chat-session';
import { endSession, travel } from '../effects';
import { DEFAULT_CUSTOMER } from '../state';
import { customerInput, customersOf, define, optional, text, who } from './definition';

export interface CustomerClosesWindow {
  readonly type: 'customer-closes-window';
  readonly customer?: string;
}

export const customerClosesWindow = define<CustomerClosesWindow>({
  type: 'customer-closes-window',
  actor: 'Customer',
  fields: { customer: optional(text) },
  words: (action) => `${who(action.customer)} closes the chat window`,
  cannot: (action) => `${who(action.customer)} cannot close the chat window`,
  refusal: (rt, action) => {
    const address = action.customer ?? DEFAULT_CUSTOMER.address;
    const window = rt.directory.window(address);
    if (!window) return `${address} has no chat window open`;
    if (window.state !== 'in session') return `${address}'s chat session ${window.activityId} has already ended`;
    return null;
  },
  perform: (rt, action) => {
    const window = rt.directory.window(action.customer ?? DEFAULT_CUSTOMER.address)!;
    window.state = 'closed';
    touchWindow(rt, window);
    const session = rt.directory.session(window.activityId);
    if (!session || !isLive(session)) return;
    if (travel(rt, ['Customer', 'Web', session.home], 'close chat')) endSession(rt, session, 'exited');
  },
  example: { action: { type: 'customer-closes-window' } },
  tries: {
    reads: [],
    weight: 1,
    budget: { count: 'closes', otherwise: 0 },
    candidates: (_state, cast) =>
      customersOf(cast).map((customer) => ({ type: 'customer-closes-window' as const, ...customer })),
  },
  controls: (_state, fields) => [
    {
      id: 'customer-closes-window',
      group: 'customer',
      label: 'Close the chat window',
      made: { type: 'customer-closes-window', ...customerInput(fields.customer, DEFAULT_CUSTOMER.address) },
    },
  ],
});
