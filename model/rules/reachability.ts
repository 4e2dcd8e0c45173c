/**
 * Whether each customer window and each open console reaches an Application server, and since when it has
 * not: after "a few minutes" the customer is told of connection issues, and after a minute the console's title
 * bar flashes a connection warning.
 */
import { TITLE_BAR_WARNING } from '../agent-console';
import { showAgent, tellConnectionIssues } from '../effects';
import { consoleReachesApplication, customerReachesApplication } from '../servers';
import type { Rule } from './rule';

export const reachability: Rule = {
  name: 'reachability of the Application servers',
  settle(rt, changes) {
    const { servers, clock } = rt.state;
    const customersReach = customerReachesApplication(servers);
    for (const window of changes.windows()) {
      const reaches = window.state === 'in session' && customersReach;
      window.unreachableSince = reaches || window.state !== 'in session' ? null : (window.unreachableSince ?? clock);
    }
    const consolesReach = consoleReachesApplication(servers);
    for (const console of changes.consoles()) {
      const open = console.login !== 'logged out';
      console.unreachableSince = !open || consolesReach ? null : (console.unreachableSince ?? clock);
    }
  },
  windowDeadlines(rt, window, found) {
    if (window.state !== 'in session' || window.unreachableSince === null) return;
    found.push({
      at: window.unreachableSince + rt.parameters.customerConnectionIssuesAfter,
      fire: () => tellConnectionIssues(rt, window),
    });
  },
  consoleDeadlines(rt, console, found) {
    if (console.login === 'logged out' || console.unreachableSince === null) return;
    found.push({
      at: console.unreachableSince + rt.parameters.consoleConnectionWarningAfter,
      fire: () => showAgent(rt, `title bar flashes "${TITLE_BAR_WARNING}"`),
    });
  },
};
