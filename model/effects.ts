/**
 * What actions and rules do to the screens, the messages and the trace: showing a line, a pop-up, a hop of a
 * request through the servers. Shared by the action modules and the rules so each says only what it decides.
 */
import { POPUPS, freeKey, type AgentConsole, type ConsoleChat, type Popup } from './agent-console';
import { touchConsole, touchRow, touchSession, touchWindow } from './changes';
import type { ChatMessage, ChatSession, SessionEnd } from './chat-session';
import { CUSTOMER_NOTICES, renderLine, type CustomerWindow, type WindowLine } from './customer-window';
import { setStatus, type ActivityRow, type StatusPair } from './database';
import type { Runtime } from './runtime';
import { applicationServers, consoleReachesApplication, roleOf, type Server } from './servers';
import type { Participant } from './trace';

export function showCustomer(rt: Runtime, window: CustomerWindow, line: WindowLine): void {
  if (!window.lines.includes(line)) window.lines.push(line);
  rt.record({ type: 'shown', on: 'Customer', what: renderLine(line) });
}

/** The customer's window tells of connection issues: a long outage of the path its chat takes. */
export function tellConnectionIssues(rt: Runtime, window: CustomerWindow): void {
  showCustomer(rt, window, { kind: 'notice', text: CUSTOMER_NOTICES.connectionIssues, notice: 'connectionIssues' });
}

export function showAgent(rt: Runtime, what: string): void {
  rt.record({ type: 'shown', on: 'AgentConsole', what });
}

export function popup(rt: Runtime, console: AgentConsole, which: Popup): void {
  console.popups.push({ popup: which, at: rt.state.clock });
  showAgent(rt, `pop-up: ${POPUPS[which]}`);
}

/** A participant of the trace: a server instance is drawn as its role's lifeline. */
function participant(to: Server | 'Customer' | 'AgentConsole'): Participant {
  return to === 'Customer' || to === 'AgentConsole' ? to : roleOf(to);
}

export function hop(rt: Runtime, from: Participant, to: Participant, what: string, delivered: boolean): void {
  rt.record({ type: 'hop', from, to, what, delivered });
}

/** Records each hop of `path` up to the first server that is down; true if it got all the way. */
export function travel(rt: Runtime, path: readonly (Server | 'Customer' | 'AgentConsole')[], what: string): boolean {
  const servers = rt.state.servers;
  for (let i = 1; i < path.length; i++) {
    const to = path[i]!;
    const up = to === 'Customer' || to === 'AgentConsole' || servers[to]!;
    if (rt.recording) hop(rt, participant(path[i - 1]!), participant(to), what, up);
    if (!up) return false;
  }
  return true;
}

/**
 * The Application server a new session is placed on: the Web server's choice among those up, the one holding
 * the fewest sessions of the kind (ties: the first to join); the first of all when none is up, so the request
 * is seen to stop there. (inferred: the design guide names no balancing policy)
 */
export function placeSession(rt: Runtime, load: (server: Server) => number): Server {
  const all = applicationServers(rt.state.servers);
  if (all.length === 1) return all[0]!;
  let best: Server | null = null;
  let bestLoad = Infinity;
  for (const server of all) {
    if (!rt.state.servers[server]) continue;
    const l = load(server);
    if (l < bestLoad) {
      best = server;
      bestLoad = l;
    }
  }
  return best ?? all[0]!;
}

/** The Application server the console's requests reach: its session's while it has one, else the Web server's pick. */
export function consoleApplication(rt: Runtime, console: AgentConsole): Server {
  if (console.login === 'logged in' && console.home !== null) return console.home;
  return placeSession(rt, (server) => logins(rt, server));
}

/** Logged-in consoles whose session is on `server`. */
export function logins(rt: Runtime, server: Server): number {
  return rt.directory.loginsOn(server).size;
}

/** Live chat sessions on `server`. */
export function liveSessions(rt: Runtime, server: Server): number {
  return rt.directory.liveSessionsOn(server).size;
}

/** The pop-up an action gets when the console cannot reach a live session, or `null` if it can. */
export function consoleBlocked(rt: Runtime, console: AgentConsole): Popup | null {
  if (!consoleReachesApplication(rt.state.servers)) return 'systemDelay';
  if (console.login === 'session lost') return 'sessionNoLongerValid';
  return null;
}

export function newMessage(rt: Runtime, activityId: number, from: 'customer' | 'agent', text: string): ChatMessage {
  const message: ChatMessage = {
    id: rt.state.messages.length,
    activityId,
    from,
    text,
    sentAt: rt.state.clock,
    accepted: false,
    deliveredAt: null,
    senderWarned: false,
  };
  rt.state.messages.push(message);
  rt.directory.addedMessage(message);
  return message;
}

export function screenName(rt: Runtime, console: AgentConsole): string {
  return rt.directory.user(console.agentUserName!)!.screen_name;
}

/** A new row of egpl_casemgmt_activity, created now. */
export function addActivity(rt: Runtime, row: ActivityRow): void {
  const { db } = rt.state;
  db.activities.push(row);
  db.createdAt.push({ activityId: row.activity_id, at: rt.state.clock });
  rt.directory.addedRow(row);
  touchRow(rt, row);
}

export function setActivityStatus(rt: Runtime, row: ActivityRow, pair: StatusPair): void {
  setStatus(row, pair);
  touchRow(rt, row);
}

export function addSession(rt: Runtime, session: ChatSession): void {
  rt.state.sessions.push(session);
  rt.directory.addedSession(session);
  touchSession(rt, session);
}

/** A live session ends: completed by the agent, lost with its server, or left by the customer. */
export function endSession(rt: Runtime, session: ChatSession, how: SessionEnd): void {
  session.ended = how;
  touchSession(rt, session);
}

/** A customer opens a chat window, replacing the one they had. */
export function openWindow(rt: Runtime, window: CustomerWindow): void {
  const { state, directory } = rt;
  const previous = directory.window(window.address);
  if (previous) {
    touchWindow(rt, previous);
    state.windows.splice(state.windows.indexOf(previous), 1);
    directory.removedWindow(previous);
  }
  state.windows.push(window);
  directory.addedWindow(window);
  touchWindow(rt, window);
}

export function addConsoleChat(rt: Runtime, console: AgentConsole, activityId: number): ConsoleChat {
  const row = rt.directory.row(activityId)!;
  const window = rt.directory.windowOfChat(activityId);
  const chat: ConsoleChat = {
    activityId,
    key: freeKey(console),
    customerName: window?.name ?? row.contact_point_data,
    pane: [],
    transcriptRead: 0,
    customerSilentSince: null,
  };
  console.chats.push(chat);
  touchConsole(rt, console);
  showAgent(rt, `chat ${activityId} appears in the chat list with key ${chat.key}`);
  return chat;
}
