/**
 * Whether each customer window and each open console reaches an Application server, and since when it has
 * not: after "a few minutes" the customer is told of connection issues, and after a minute the console's title
 * bar flashes a connection warning.
 */
import { TITLE_BAR_WARNING } from '../agent-console';
import { CUSTOMER_NOTICES } from '../customer-window';
import { showAgent, showCustomer } from '../effects';
import { consoleReachesApplication, customerReachesApplication } from '../servers';
import type { Rule } from './rule';

export const reachability: Rule = {
  name: 'reachability of the Application servers',
  settle(rt) {
    const { servers, clock } = rt.state;
    const customersReach = customerReachesApplication(servers);
    for (const window of rt.state.windows) {
      const reaches = window.state === 'in session' && customersReach;
      window.unreachableSince = reaches || window.state !== 'in session' ? null : (window.unreachableSince ?? clock);
    }
    const consolesReach = consoleReachesApplication(servers);
    for (const console of rt.state.consoles) {
      const open = console.login !== 'logged out';
      console.unreachableSince = !open || consolesReach ? null : (console.unreachableSince ?? clock);
    }
  },
  deadlines(rt, found) {
    const p = rt.parameters;
    for (const window of rt.state.windows) {
      if (window.state === 'in session' && window.unreachableSince !== null) {
        found.push({
          at: window.unreachableSince + p.customerConnectionIssuesAfter,
          fire: () =>
            showCustomer(rt, window, {
              kind: 'notice',
              text: CUSTOMER_NOTICES.connectionIssues,
              notice: 'connectionIssues',
            }),
        });
      }
    }
    for (const console of rt.state.consoles) {
      if (console.login !== 'logged out' && console.unreachableSince !== null) {
        found.push({
          at: console.unreachableSince + p.consoleConnectionWarningAfter,
          fire: () => showAgent(rt, `title bar flashes "${TITLE_BAR_WARNING}"`),
        });
      }
    }
  },
};
