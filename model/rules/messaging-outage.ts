/**
 * A customer whose window still reaches the Application server, but whose live session's messages cannot pass
 * the Messaging server, is told of connection issues once that has lasted `messagingConnectionIssuesAfter`; the
 * session stays open, so the chat continues when the Messaging server returns. The source says only that a
 * Messaging failure is "similar to Application Server Failure": this is the model's assumption
 * long-messaging-outage (features/claims.json), shown as such on the site.
 */
import { isLive } from '../chat-session';
import { tellConnectionIssues } from '../effects';
import { chatMessagesFlow, customerReachesApplication } from '../servers';
import type { Rule } from './rule';

export const messagingOutage: Rule = {
  name: 'customers hear of a long Messaging outage',
  settle(rt, changes) {
    const { servers, clock } = rt.state;
    const { directory } = rt;
    const reach = customerReachesApplication(servers);
    for (const window of changes.windows()) {
      const session = window.state === 'in session' ? directory.session(window.activityId) : undefined;
      const blocked = reach && session !== undefined && isLive(session) && !chatMessagesFlow(servers, session.home);
      window.messagingBlockedSince = blocked ? (window.messagingBlockedSince ?? clock) : null;
    }
  },
  windowDeadlines(rt, window, found) {
    if (window.state !== 'in session' || window.messagingBlockedSince === null) return;
    found.push({
      at: window.messagingBlockedSince + rt.parameters.messagingConnectionIssuesAfter,
      fire: () => tellConnectionIssues(rt, window),
    });
  },
};
