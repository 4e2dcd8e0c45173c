/**
 * What an action, a deadline or a server's failure touched since the rules last settled: the chat sessions,
 * customer windows and agent consoles whose state changed, or whose servers did. The rules settle only these
 * (model/rules), visiting them in the order of the state's own lists, so a step costs what it touches and not
 * what the deployment holds. Everything else is already settled: each rule leaves what it visits as it would
 * leave it if asked again (test/unit/incremental-settle.test.ts checks it against settling everything).
 *
 * A touch files the thing anew in the directory and the routing queue, and touches what reads it: a session's
 * window and the console showing its chat; a window's session and that console; a console's chats' sessions.
 */
import type { AgentConsole } from './agent-console';
import type { ChatSession } from './chat-session';
import type { CustomerWindow } from './customer-window';
import type { ActivityRow } from './database';
import type { Runtime } from './runtime';
import { customerReachesApplication, roleOf, type Server } from './servers';

export class Changes {
  /** Set when a change reaches everything (the Web server, the last Application server): the rules walk it all. */
  everything = false;
  private readonly windowSet = new Set<CustomerWindow>();
  private readonly consoleSet = new Set<AgentConsole>();
  private readonly sessionSet = new Set<ChatSession>();
  private windowList: readonly CustomerWindow[] | null = null;
  private consoleList: readonly AgentConsole[] | null = null;
  private sessionList: readonly ChatSession[] | null = null;

  constructor(private readonly rt: Runtime) {}

  addWindow(window: CustomerWindow): void {
    if (this.windowSet.has(window)) return;
    this.windowSet.add(window);
    this.windowList = null;
  }

  addConsole(console: AgentConsole): void {
    if (this.consoleSet.has(console)) return;
    this.consoleSet.add(console);
    this.consoleList = null;
  }

  addSession(session: ChatSession): void {
    if (this.sessionSet.has(session)) return;
    this.sessionSet.add(session);
    this.sessionList = null;
  }

  /** The windows to settle, in the state's order; only those still in the deployment. */
  windows(): readonly CustomerWindow[] {
    if (this.everything) return this.rt.state.windows;
    if (this.windowList) return this.windowList;
    const { directory } = this.rt;
    const list = [...this.windowSet].filter((w) => directory.hasWindow(w));
    if (list.length > 1) list.sort((a, b) => directory.windowRank(a) - directory.windowRank(b));
    return (this.windowList = list);
  }

  consoles(): readonly AgentConsole[] {
    if (this.everything) return this.rt.state.consoles;
    if (this.consoleList) return this.consoleList;
    const { directory } = this.rt;
    const list = [...this.consoleSet];
    if (list.length > 1) list.sort((a, b) => directory.consoleRank(a) - directory.consoleRank(b));
    return (this.consoleList = list);
  }

  sessions(): readonly ChatSession[] {
    if (this.everything) return this.rt.state.sessions;
    if (this.sessionList) return this.sessionList;
    const { directory } = this.rt;
    const list = [...this.sessionSet];
    if (list.length > 1) list.sort((a, b) => directory.sessionRank(a) - directory.sessionRank(b));
    return (this.sessionList = list);
  }

  clear(): void {
    this.everything = false;
    if (this.windowSet.size) this.windowSet.clear();
    if (this.consoleSet.size) this.consoleSet.clear();
    if (this.sessionSet.size) this.sessionSet.clear();
    this.windowList = this.consoleList = this.sessionList = null;
  }
}

/** A session changed (created, ended, a line added, routed to an agent). */
export function touchSession(rt: Runtime, session: ChatSession): void {
  const { directory, changes } = rt;
  directory.refileSession(session);
  changes.addSession(session);
  const window = directory.windowOfChat(session.activityId);
  if (window) changes.addWindow(window);
  const holder = directory.holderOf(session.activityId);
  if (holder) changes.addConsole(holder);
}

/** A window changed (opened, its session ended or lost, closed); call it before taking a window out too. */
export function touchWindow(rt: Runtime, window: CustomerWindow): void {
  const { directory, changes } = rt;
  directory.refileWindow(window);
  changes.addWindow(window);
  const session = directory.session(window.activityId);
  if (session) changes.addSession(session);
  const holder = directory.holderOf(window.activityId);
  if (holder) changes.addConsole(holder);
}

/** A console changed (logged in or out, lost its session, its chat list or registration changed, a tab). */
export function touchConsole(rt: Runtime, console: AgentConsole): void {
  const { directory, changes } = rt;
  directory.refileConsole(console);
  rt.queue.refileConsole(console);
  changes.addConsole(console);
  for (const chat of console.chats) {
    const session = directory.session(chat.activityId);
    if (session) changes.addSession(session);
  }
}

/** An activity row's status or assignment changed: the routing queue, and the agent's being free, follow it. */
export function touchRow(rt: Runtime, row: ActivityRow): void {
  if (!rt.queue.refileRow(row) || row.assigned_to === null) return;
  const user = rt.directory.userWithId(row.assigned_to);
  const console = user && rt.directory.console(user.user_name);
  if (console) touchConsole(rt, console);
}

/**
 * A server instance fails, is restored or joins. What it reaches: everything when the customers' and consoles'
 * way in opens or closes (the Web server, the last Application server up); for an Application server, the live
 * sessions and logins it holds; for the Messaging server, every live session; for the Services server, every
 * console's registration with routing. The Database server is read only by routing and email retrieval, which
 * look at it themselves.
 */
export function setServer(rt: Runtime, server: Server, up: boolean): void {
  const { servers } = rt.state;
  const reached = customerReachesApplication(servers);
  servers[server] = up;
  if (customerReachesApplication(servers) !== reached) {
    rt.changes.everything = true;
    return;
  }
  switch (roleOf(server)) {
    case 'Application':
      for (const session of rt.directory.liveSessionsOn(server)) touchSession(rt, session);
      for (const console of [...rt.directory.loginsOn(server)]) touchConsole(rt, console);
      return;
    case 'Messaging':
      for (const session of rt.directory.liveSessions()) touchSession(rt, session);
      return;
    case 'Services':
      for (const console of rt.state.consoles) touchConsole(rt, console);
      return;
    default:
      return;
  }
}
