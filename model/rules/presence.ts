/**
 * The agent console's view of each chat's customer: since when it has not heard from them, and after
 * `customerNotConnectedAfter` the chat shows "Customer not connected" with a red square.
 */
import { CHAT_STATUS } from '../agent-console';
import { showAgent } from '../effects';
import { consoleReachesApplication, customerReachesApplication } from '../servers';
import type { Rule } from './rule';

export const presence: Rule = {
  name: "the customer's presence on the console",
  settle(rt, changes) {
    const { state, directory } = rt;
    const { servers, clock } = state;
    const consolesReach = consoleReachesApplication(servers);
    const customersReach = customerReachesApplication(servers);
    for (const console of changes.consoles()) {
      const consoleLive = console.login === 'logged in' && consolesReach;
      for (const chat of console.chats) {
        const session = directory.session(chat.activityId);
        if (session?.ended === 'exited') {
          chat.customerSilentSince = null; // the console knows the customer left: nothing to wait for
          continue;
        }
        const seen =
          consoleLive &&
          session !== undefined &&
          session.ended === null &&
          customersReach &&
          directory.windowInSession(chat.activityId) !== undefined;
        chat.customerSilentSince = seen ? null : (chat.customerSilentSince ?? clock);
      }
    }
  },
  consoleDeadlines(rt, console, found) {
    for (const chat of console.chats) {
      if (chat.customerSilentSince === null) continue;
      found.push({
        at: chat.customerSilentSince + rt.parameters.customerNotConnectedAfter,
        fire: () => showAgent(rt, `chat ${chat.activityId}: ${CHAT_STATUS.customerNotConnected}, red square`),
      });
    }
  },
};
