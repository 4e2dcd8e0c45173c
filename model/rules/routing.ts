/**
 * Integrated routing (docs/sources.md, "IPTA Email"): the Services server marks waiting activities ready for
 * Unified CCE routing (4105) and assigns each to a free integrated agent, one whose console is logged in,
 * reachable and registered for routing, and who has no chat in progress (a chat cannot be interrupted).
 */
import type { AgentConsole } from '../agent-console';
import { isLive } from '../chat-session';
import { nowChattingWith } from '../customer-window';
import { ActivityType, STATUS, findUser, hasStatus, setStatus, type UserRow } from '../database';
import { addConsoleChat, hop, showAgent } from '../effects';
import type { Runtime } from '../runtime';
import { activitiesAreRouted, consoleReachesApplication } from '../servers';
import { sessionOf } from '../state';
import type { Rule } from './rule';

/** The first free integrated agent, in the order the agents first logged in. */
function freeAgent(rt: Runtime): { console: AgentConsole; user: UserRow } | null {
  const { consoles, servers, db } = rt.state;
  if (!consoleReachesApplication(servers)) return null;
  for (const console of consoles) {
    if (console.login !== 'logged in' || !console.registeredForRouting) continue;
    const user = findUser(db, console.agentUserName!)!;
    const busy = db.activities.some(
      (row) =>
        row.assigned_to === user.user_id &&
        row.activity_type === ActivityType.Chat &&
        hasStatus(row, STATUS.chatInProgress),
    );
    if (!busy) return { console, user };
  }
  return null;
}

export const routing: Rule = {
  name: 'routing',
  settle(rt) {
    const { state } = rt;
    if (!activitiesAreRouted(state.servers)) return;
    for (const row of state.db.activities) {
      if (hasStatus(row, STATUS.waitingInQueue)) {
        setStatus(row, STATUS.waitingForRouting);
        hop(rt, 'Services', 'Database', `activity ${row.activity_id}: ready for Unified CCE routing (4105)`, true);
      }
      if (!hasStatus(row, STATUS.waitingForRouting)) continue;
      const agent = freeAgent(rt);
      if (!agent) continue;
      const { console, user } = agent;
      row.assigned_to = user.user_id;
      hop(rt, 'Services', 'Database', `assign activity ${row.activity_id} to ${user.user_name}`, true);
      if (row.activity_type === ActivityType.Chat) {
        setStatus(row, STATUS.chatInProgress);
        const session = sessionOf(state, row.activity_id);
        if (session && isLive(session)) {
          session.agentUserName = user.user_name;
          session.transcript.push({ kind: 'notice', text: nowChattingWith(user.screen_name) });
        }
        addConsoleChat(rt, console, row.activity_id);
      } else {
        setStatus(row, STATUS.emailAssigned);
        console.inbox.push(row.activity_id);
        showAgent(rt, `email "${state.emails[row.activity_id]!.subject}" arrives in the inbox`);
      }
    }
  },
};
