/**
 * Integrated routing (docs/sources.md, "IPTA Email"): the Services server marks waiting activities ready for
 * Unified CCE routing (4105) and assigns each to a free integrated agent, one whose console is logged in,
 * reachable and registered for routing, and who has no chat in progress (a chat cannot be interrupted).
 *
 * Activities are taken oldest first. The routing queue (model/routing-queue.ts) knows which are waiting and
 * which agents are free, so with every agent busy only the activities not yet marked are visited.
 */
import { touchConsole, touchSession } from '../changes';
import { isLive } from '../chat-session';
import { nowChattingWith } from '../customer-window';
import { ActivityType, STATUS, hasStatus, type ActivityRow } from '../database';
import { addConsoleChat, hop, setActivityStatus, showAgent } from '../effects';
import type { Runtime } from '../runtime';
import { activitiesAreRouted, consoleReachesApplication } from '../servers';
import type { Rule } from './rule';

export const routing: Rule = {
  name: 'routing',
  settle(rt) {
    const { state, queue } = rt;
    if (!activitiesAreRouted(state.servers)) return;
    if (queue.unmarked.size === 0 && (queue.waiting.size === 0 || !freeAgentExists(rt))) return;
    for (const row of queue.waiting.values()) {
      if (!freeAgentExists(rt)) {
        // Nobody can take an activity: what is left is marking the rest (all after this one, oldest first).
        for (const rest of [...queue.unmarked.values()]) markReady(rt, rest);
        return;
      }
      if (hasStatus(row, STATUS.waitingInQueue)) markReady(rt, row);
      assign(rt, row);
    }
  },
};

function freeAgentExists(rt: Runtime): boolean {
  return consoleReachesApplication(rt.state.servers) && rt.queue.firstFree() !== null;
}

function markReady(rt: Runtime, row: ActivityRow): void {
  setActivityStatus(rt, row, STATUS.waitingForRouting);
  hop(rt, 'Services', 'Database', `activity ${row.activity_id}: ready for Unified CCE routing (4105)`, true);
}

/** Assigns a row ready for routing to the first free integrated agent, in the order the agents first logged in. */
function assign(rt: Runtime, row: ActivityRow): void {
  const { state } = rt;
  const console = rt.queue.firstFree()!;
  const user = rt.directory.user(console.agentUserName!)!;
  row.assigned_to = user.user_id;
  rt.directory.assignedRow(row);
  hop(rt, 'Services', 'Database', `assign activity ${row.activity_id} to ${user.user_name}`, true);
  if (row.activity_type === ActivityType.Chat) {
    setActivityStatus(rt, row, STATUS.chatInProgress);
    const session = rt.directory.session(row.activity_id);
    if (session && isLive(session)) {
      session.agentUserName = user.user_name;
      session.transcript.push({ kind: 'notice', text: nowChattingWith(user.screen_name) });
      touchSession(rt, session);
    }
    addConsoleChat(rt, console, row.activity_id);
  } else {
    setActivityStatus(rt, row, STATUS.emailAssigned);
    console.inbox.push(row.activity_id);
    touchConsole(rt, console);
    showAgent(rt, `email "${state.emails[row.activity_id]!.subject}" arrives in the inbox`);
  }
}
