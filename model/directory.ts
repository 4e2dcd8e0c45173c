/**
 * Where to find things in a deployment without walking it: each chat session, customer window and agent console
 * by what names it (activity id, customer address, agent), the live chat sessions and agent logins homed on each
 * Application server, which console holds each chat, each activity row, its messages and the rows assigned to
 * each agent. Derived from the state and never part of it, so the state stays the plain data that is copied,
 * encoded and hashed: a copy of a deployment builds its own directory from its state (`Directory.of`).
 *
 * The directory also knows the order of each window, console and session in the state's lists, so that a rule
 * settling only what changed visits it in the order a rule walking everything would.
 *
 * Invariants, each what `Directory.of(state)` would build afresh (test/unit/model/incremental-settle.test.ts compares
 * the two over random plans drawn from the whole action table, and a directory broken on purpose fails it):
 * - every session, window, console, row and message of the state is filed, under what names it now; a window
 *   replaced by the same customer's new chat is no longer found by address;
 * - the live sessions and logged-in consoles by home are exactly those whose `ended` is null or whose login is
 *   "logged in", under their home now (each change is refiled by model/changes.ts);
 * - the rows assigned to a user are those whose `assigned_to` is that user now, in the table's order: a row
 *   may be taken off a user (a chat transferred back to the queue) and assigned again, so the list is checked
 *   against the row when read, not trusted as filed;
 * - the ranks keep the order of the state's lists (a replaced window leaves its rank unused).
 * What it buys: rules find what a step touched without walking every list (figures in
 * docs/engineering/adding-an-action.md).
 */
import type { AgentConsole } from './agent-console';
import type { ChatMessage, ChatSession } from './chat-session';
import type { CustomerWindow } from './customer-window';
import type { ActivityRow, UserRow } from './database';
import type { Server } from './servers';
import type { State } from './state';

export class Directory {
  private readonly sessions = new Map<number, ChatSession>();
  private readonly sessionOrder = new Map<ChatSession, number>();
  /** Live sessions by home server, and the home each live session is filed under. */
  private readonly liveByHome = new Map<Server, Set<ChatSession>>();
  private readonly filedLive = new Set<ChatSession>();
  private readonly windowsByAddress = new Map<string, CustomerWindow>();
  private readonly windowsByActivity = new Map<number, CustomerWindow>();
  private readonly windowOrder = new Map<CustomerWindow, number>();
  private windowsAdded = 0;
  private readonly consolesByUser = new Map<string, AgentConsole>();
  private readonly consoleOrder = new Map<AgentConsole, number>();
  /** Logged-in consoles by the Application server holding their login, and where each is filed. */
  private readonly loginsByHome = new Map<Server, Set<AgentConsole>>();
  private readonly filedLogin = new Map<AgentConsole, Server>();
  private readonly chatHolders = new Map<number, AgentConsole>();
  /** Each console's chat list as last filed: a list is only pushed to, or replaced, so its length tells. */
  private readonly heldChats = new Map<AgentConsole, { readonly list: readonly unknown[]; readonly ids: number[] }>();
  private readonly rows = new Map<number, ActivityRow>();
  private readonly messagesOf = new Map<number, ChatMessage[]>();
  /** Asked for rarely (a case id a plan gives, a login): built when first asked, then kept up to date. */
  private caseIds: Set<number> | null = null;
  private assigned: Map<number, ActivityRow[]> | null = null;
  private rowOrder: Map<number, number> | null = null;
  private readonly users: Users;

  private constructor(private readonly state: State) {
    this.users = usersOf(state.db.users);
  }

  /** The directory of `state`, built by one walk over it. */
  static of(state: State): Directory {
    const directory = new Directory(state);
    for (const row of state.db.activities) directory.rows.set(row.activity_id, row);
    for (const session of state.sessions) directory.addedSession(session);
    for (const window of state.windows) directory.addedWindow(window);
    for (const console of state.consoles) directory.addedConsole(console);
    for (const message of state.messages) directory.addedMessage(message);
    return directory;
  }

  // Lookups

  session(activityId: number): ChatSession | undefined {
    return this.sessions.get(activityId);
  }

  /** Every live session, in no particular order. */
  forEachLiveSession(visit: (session: ChatSession) => void): void {
    for (const sessions of this.liveByHome.values()) for (const session of sessions) visit(session);
  }

  /** The live sessions held by `server`, in no particular order. */
  liveSessionsOn(server: Server): ReadonlySet<ChatSession> {
    return this.liveByHome.get(server) ?? NONE;
  }

  window(address: string): CustomerWindow | undefined {
    return this.windowsByAddress.get(address);
  }

  /** The window that was opened for chat `activityId`, whatever its state. */
  windowOfChat(activityId: number): CustomerWindow | undefined {
    return this.windowsByActivity.get(activityId);
  }

  /** The window showing chat `activityId` while it is in session. */
  windowInSession(activityId: number): CustomerWindow | undefined {
    const window = this.windowsByActivity.get(activityId);
    return window?.state === 'in session' ? window : undefined;
  }

  console(user: string): AgentConsole | undefined {
    return this.consolesByUser.get(user);
  }

  /** The logged-in consoles whose login `server` holds. */
  loginsOn(server: Server): ReadonlySet<AgentConsole> {
    return this.loginsByHome.get(server) ?? NONE;
  }

  /** The console whose chat list shows chat `activityId`. */
  holderOf(activityId: number): AgentConsole | undefined {
    return this.chatHolders.get(activityId);
  }

  row(activityId: number): ActivityRow | undefined {
    return this.rows.get(activityId);
  }

  hasCase(caseId: number): boolean {
    if (!this.caseIds) this.caseIds = new Set(this.state.db.activities.map((row) => row.case_id));
    return this.caseIds.has(caseId);
  }

  /** The rows assigned to user `userId`, in the table's order (the order they were created). */
  rowsAssignedTo(userId: number): ActivityRow[] {
    if (!this.assigned) {
      this.assigned = new Map();
      this.rowOrder = new Map();
      for (const row of this.state.db.activities) {
        this.rowOrder.set(row.activity_id, this.rowOrder.size);
        if (row.assigned_to !== null) this.assignedRow(row);
      }
    }
    const filed = this.assigned.get(userId);
    if (!filed) return [];
    // A row filed here may have been taken off the user since (a chat transferred back to the queue).
    const rows = filed.filter((row) => row.assigned_to === userId);
    this.assigned.set(userId, rows);
    const order = this.rowOrder!;
    return rows.sort((a, b) => order.get(a.activity_id)! - order.get(b.activity_id)!);
  }

  messages(activityId: number): readonly ChatMessage[] {
    return this.messagesOf.get(activityId) ?? [];
  }

  user(userName: string): UserRow | undefined {
    return this.users.byName.get(userName);
  }

  userWithId(userId: number): UserRow | undefined {
    return this.users.byId.get(userId);
  }

  /** Whether `window` is still in the state (a new chat of the same customer replaces it). */
  hasWindow(window: CustomerWindow): boolean {
    return this.windowOrder.has(window);
  }

  windowRank(window: CustomerWindow): number {
    return this.windowOrder.get(window)!;
  }

  consoleRank(console: AgentConsole): number {
    return this.consoleOrder.get(console)!;
  }

  sessionRank(session: ChatSession): number {
    return this.sessionOrder.get(session)!;
  }

  // What the state gained or changed: each is called once the change is in the state.

  addedRow(row: ActivityRow): void {
    this.rows.set(row.activity_id, row);
    this.caseIds?.add(row.case_id);
    this.rowOrder?.set(row.activity_id, this.rowOrder.size);
    if (row.assigned_to !== null) this.assignedRow(row);
  }

  assignedRow(row: ActivityRow): void {
    if (!this.assigned) return; // built with every assignment when first asked
    const rows = this.assigned.get(row.assigned_to!);
    if (rows?.includes(row)) return; // assigned to the same user again
    if (rows) rows.push(row);
    else this.assigned.set(row.assigned_to!, [row]);
  }

  addedSession(session: ChatSession): void {
    this.sessions.set(session.activityId, session);
    this.sessionOrder.set(session, this.sessionOrder.size);
    this.refileSession(session);
  }

  /** Files a session under its home while it lives, and nowhere once it has ended. */
  refileSession(session: ChatSession): void {
    const live = session.ended === null;
    if (live === this.filedLive.has(session)) return;
    let sessions = this.liveByHome.get(session.home);
    if (live) {
      if (!sessions) this.liveByHome.set(session.home, (sessions = new Set()));
      sessions.add(session);
      this.filedLive.add(session);
    } else {
      sessions?.delete(session);
      this.filedLive.delete(session);
    }
  }

  addedWindow(window: CustomerWindow): void {
    this.windowsByAddress.set(window.address, window);
    this.windowOrder.set(window, this.windowsAdded++);
    this.refileWindow(window);
  }

  /** A window's chat is known once the chat has been created. */
  refileWindow(window: CustomerWindow): void {
    if (window.activityId >= 0) this.windowsByActivity.set(window.activityId, window);
  }

  removedWindow(window: CustomerWindow): void {
    if (this.windowsByAddress.get(window.address) === window) this.windowsByAddress.delete(window.address);
    if (this.windowsByActivity.get(window.activityId) === window) this.windowsByActivity.delete(window.activityId);
    this.windowOrder.delete(window);
  }

  addedConsole(console: AgentConsole): void {
    this.consolesByUser.set(console.user, console);
    this.consoleOrder.set(console, this.consoleOrder.size);
    this.refileConsole(console);
  }

  /** Files a console under its login's home and as the holder of each chat in its list. */
  refileConsole(console: AgentConsole): void {
    const home = console.login === 'logged in' ? console.home : null;
    const filed = this.filedLogin.get(console) ?? null;
    if (home !== filed) {
      if (filed !== null) this.loginsByHome.get(filed)!.delete(console);
      if (home === null) this.filedLogin.delete(console);
      else {
        let consoles = this.loginsByHome.get(home);
        if (!consoles) this.loginsByHome.set(home, (consoles = new Set()));
        consoles.add(console);
        this.filedLogin.set(console, home);
      }
    }
    const held = this.heldChats.get(console);
    const chats = console.chats;
    if (held && held.list === chats && held.ids.length === chats.length) return;
    if (held) for (const id of held.ids) if (this.chatHolders.get(id) === console) this.chatHolders.delete(id);
    const ids: number[] = [];
    for (const chat of chats) {
      this.chatHolders.set(chat.activityId, console);
      ids.push(chat.activityId);
    }
    this.heldChats.set(console, { list: chats, ids });
  }

  addedMessage(message: ChatMessage): void {
    const messages = this.messagesOf.get(message.activityId);
    if (messages) messages.push(message);
    else this.messagesOf.set(message.activityId, [message]);
  }
}

const NONE: ReadonlySet<never> = new Set();

interface Users {
  readonly byName: ReadonlyMap<string, UserRow>;
  readonly byId: ReadonlyMap<number, UserRow>;
}

/** egpl_user is reference data, the same list for every deployment of a kind: its lookups are shared. */
const USERS = new WeakMap<readonly UserRow[], Users>();

function usersOf(users: readonly UserRow[]): Users {
  let found = USERS.get(users);
  if (!found) {
    found = {
      byName: new Map(users.map((user) => [user.user_name, user])),
      byId: new Map(users.map((user) => [user.user_id, user])),
    };
    USERS.set(users, found);
  }
  return found;
}
