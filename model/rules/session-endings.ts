/**
 * A window that reaches an Application server learns when its session has ended, however it ended: completed
 * by the agent, or lost with its server (another Application server knows no such session).
 */
import { touchWindow } from '../changes';
import { CUSTOMER_NOTICES, type CustomerNotice, type CustomerWindow } from '../customer-window';
import { hop, showCustomer } from '../effects';
import type { Runtime } from '../runtime';
import { customerReachesApplication } from '../servers';
import type { Rule } from './rule';

export const sessionEndings: Rule = {
  name: 'customers learn that their session ended',
  settle(rt, changes) {
    if (!customerReachesApplication(rt.state.servers)) return;
    for (const window of changes.windows()) {
      if (window.state !== 'in session') continue;
      const session = rt.directory.session(window.activityId);
      if (!session || session.ended === null) continue;
      window.state = 'ended';
      touchWindow(rt, window);
      if (session.ended === 'completed') warnOfUnreadMessages(rt, window);
      const notice: CustomerNotice = session.ended === 'completed' ? 'chatCompleted' : 'sessionLost';
      hop(rt, 'Application', 'Customer', session.ended === 'completed' ? 'chat ended' : 'session unknown', true);
      showCustomer(rt, window, { kind: 'notice', text: CUSTOMER_NOTICES[notice], notice });
    }
  },
};

/**
 * A chat completed while the Messaging server kept some of the customer's messages from the agent's screen
 * would otherwise drop them without a word. (inferred; found by the failure-ordering exploration)
 */
function warnOfUnreadMessages(rt: Runtime, window: CustomerWindow): void {
  let unread = false;
  for (const message of rt.directory.messages(window.activityId)) {
    if (message.from !== 'customer') continue;
    if (!message.accepted || message.deliveredAt !== null || message.senderWarned) continue;
    message.senderWarned = true;
    unread = true;
  }
  if (unread) {
    const notice: CustomerNotice = 'someMayNotHaveBeenDelivered';
    showCustomer(rt, window, { kind: 'notice', text: CUSTOMER_NOTICES[notice], notice });
  }
}
