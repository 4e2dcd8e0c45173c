/**
 * What an action, a deadline or a server's failure touched since the rules last settled: the chat sessions,
 * customer windows and agent consoles whose state changed, or whose servers did. The rules settle only these
 * (model/rules), visiting them in the order of the state's own lists, so a step costs what it touches and not
 * what the deployment holds. Everything else is already settled: each rule leaves what it visits as it would
 * leave it if asked again (test/unit/model/incremental-settle.test.ts checks it against settling everything).
 *
 * A touch files the thing anew in the directory and the routing queue, and touches what reads it: a session's
 * window and the console showing its chat; a window's session and that console; a console's chats' sessions.
 *
 * Invariant: whatever a step changed, or whose servers' state changed, is touched (or `everything` is set)
 * before the rules settle, so settling what was touched leaves the state settling everything would; checked by
 * test/unit/model/incremental-settle.test.ts over random plans drawn from the whole action table, which changes that
 * forget a touch fail. What it buys: a step costs what it touches in a crowded deployment (below `WALK_AT_MOST`
 * the default settles everything anyway; figures in docs/engineering/adding-an-action.md).
 */
import type { AgentConsole } from './agent-console';
import type { ChatSession } from './chat-session';
import type { CustomerWindow } from './customer-window';
import type { ActivityRow } from './database';
import type { Runtime } from './runtime';
import { customerReachesApplication, roleOf, type Server } from './servers';

const NOTHING: readonly never[] = Object.freeze([]);

/** What was touched, once each: a plain list while it is short (cheap to clear), with a Set beside it once long. */
class Touched<T> {
  readonly items: T[] = [];
  private index: Set<T> | null = null;
  private ordered: readonly T[] | null = null;

  add(item: T): void {
    const { items } = this;
    if (this.index) {
      if (this.index.has(item)) return;
      this.index.add(item);
    } else {
      for (let i = 0; i < items.length; i++) if (items[i] === item) return;
      if (items.length >= 16) this.index = new Set(items).add(item);
    }
    items.push(item);
    this.ordered = null;
  }

  /** The items by `rank` (their place in the state's list), leaving out those `keep` refuses; a copy. */
  inOrder(rank: (item: T) => number, keep?: (item: T) => boolean): readonly T[] {
    if (this.ordered) return this.ordered;
    const items = this.items;
    if (items.length === 0) return (this.ordered = NOTHING);
    const list = keep ? items.filter(keep) : items.slice();
    if (list.length > 1) list.sort((a, b) => rank(a) - rank(b));
    return (this.ordered = list);
  }

  clear(): void {
    if (this.items.length) this.items.length = 0;
    this.index = null;
    this.ordered = null;
  }
}

export class Changes {
  /** Set when a change reaches everything (the Web server, the last Application server): the rules walk it all. */
  everything = false;
  readonly touchedWindows = new Touched<CustomerWindow>();
  readonly touchedConsoles = new Touched<AgentConsole>();
  private readonly touchedSessions = new Touched<ChatSession>();
  private readonly windowRank = (window: CustomerWindow) => this.rt.directory.windowRank(window);
  private readonly shown = (window: CustomerWindow) => this.rt.directory.hasWindow(window);
  private readonly consoleRank = (console: AgentConsole) => this.rt.directory.consoleRank(console);
  private readonly sessionRank = (session: ChatSession) => this.rt.directory.sessionRank(session);

  constructor(private readonly rt: Runtime) {}

  addWindow(window: CustomerWindow): void {
    if (!this.everything) this.touchedWindows.add(window);
  }

  addConsole(console: AgentConsole): void {
    if (!this.everything) this.touchedConsoles.add(console);
  }

  addSession(session: ChatSession): void {
    if (!this.everything) this.touchedSessions.add(session);
  }

  /** The windows to settle, in the state's order; only those still in the deployment. */
  windows(): readonly CustomerWindow[] {
    return this.everything ? this.rt.state.windows : this.touchedWindows.inOrder(this.windowRank, this.shown);
  }

  consoles(): readonly AgentConsole[] {
    return this.everything ? this.rt.state.consoles : this.touchedConsoles.inOrder(this.consoleRank);
  }

  sessions(): readonly ChatSession[] {
    return this.everything ? this.rt.state.sessions : this.touchedSessions.inOrder(this.sessionRank);
  }

  clear(): void {
    this.everything = false;
    this.touchedWindows.clear();
    this.touchedConsoles.clear();
    this.touchedSessions.clear();
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

/**
 * An activity row's status or assignment changed: the routing queue follows it, and so does the being free of
 * each agent whose chats in progress it changed (the one it was taken from as well as the one it went to).
 */
export function touchRow(rt: Runtime, row: ActivityRow): void {
  for (const userId of rt.queue.refileRow(row)) {
    const user = rt.directory.userWithId(userId);
    const console = user && rt.directory.console(user.user_name);
    if (console) touchConsole(rt, console);
  }
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
      rt.directory.forEachLiveSession((session) => touchSession(rt, session));
      return;
    case 'Services':
      for (const console of rt.state.consoles) touchConsole(rt, console);
      return;
    default:
      return;
  }
}
