/**
 * The routing rule's view of the database and the consoles, kept as they change so that routing never walks
 * every row or every agent: the activities waiting in the queue (4100) or for Unified CCE routing (4105), how
 * many chats each agent has in progress, and the consoles free to take one. Derived from the state like the
 * directory (model/directory.ts), never part of it.
 *
 * Invariants, each what `RoutingQueue.of(state)` would build afresh (test/unit/model/incremental-settle.test.ts
 * compares the two after every step of random plans drawn from the whole action table):
 * - `waiting` holds exactly the rows with status 4100 or 4105 and `unmarked` exactly those with 4100, each in
 *   the table's order (the order the rows were created). A new row is the table's last, so it is appended; a
 *   row that comes back to waiting (a chat transferred back to the queue) is put back in its place, by walking
 *   the table once: no rule may assume a row never returns to waiting.
 * - `chatsOf(user)` counts the chats in progress assigned to that user, whoever held them before: a chat taken
 *   off an agent (completed, transferred) counts for nobody.
 * - `free` holds the consoles logged in, registered for routing, whose agent has no chat in progress; every
 *   change to a console or to its agent's count is refiled (model/changes.ts).
 * What it buys: routing visits only waiting rows and free consoles. Settling everything with indexes built
 * afresh (the reference) measured how much that matters: see the figures in docs/engineering/adding-an-action.md.
 */
import type { AgentConsole } from './agent-console';
import { ActivityType, STATUS, hasStatus, type ActivityRow } from './database';
import type { Directory } from './directory';
import type { State } from './state';

const NOBODY: readonly number[] = Object.freeze([]);

export class RoutingQueue {
  /** Rows waiting in the queue or for routing, oldest first. */
  readonly waiting = new Map<number, ActivityRow>();
  /** Rows waiting in the queue, not yet marked ready for routing, oldest first. */
  readonly unmarked = new Map<number, ActivityRow>();
  /** For each chat in progress, the user it is assigned to; and per user, how many. */
  private readonly inProgress = new Map<number, number>();
  private readonly chatsOf = new Map<number, number>();
  /** Consoles logged in, registered for routing and with no chat in progress. */
  private readonly free = new Set<AgentConsole>();

  private constructor(
    private readonly state: State,
    private readonly directory: Directory,
  ) {}

  static of(state: State, directory: Directory): RoutingQueue {
    const queue = new RoutingQueue(state, directory);
    for (const row of state.db.activities) queue.refileRow(row);
    for (const console of state.consoles) queue.refileConsole(console);
    return queue;
  }

  /**
   * Files a row by its status after it was created or changed. Returns the users whose count of chats in
   * progress changed (the one it was assigned to, the one it is now), whose consoles may have become free or busy.
   */
  refileRow(row: ActivityRow): readonly number[] {
    const id = row.activity_id;
    const returning = this.file(this.unmarked, row, hasStatus(row, STATUS.waitingInQueue));
    const back = this.file(
      this.waiting,
      row,
      hasStatus(row, STATUS.waitingInQueue) || hasStatus(row, STATUS.waitingForRouting),
    );
    if (returning || back) this.reorder();
    const now =
      row.assigned_to !== null && row.activity_type === ActivityType.Chat && hasStatus(row, STATUS.chatInProgress)
        ? row.assigned_to
        : undefined;
    const filed = this.inProgress.get(id);
    if (now === filed) return NOBODY;
    if (filed !== undefined) {
      this.inProgress.delete(id);
      this.chatsOf.set(filed, this.chatsOf.get(filed)! - 1);
    }
    if (now !== undefined) {
      this.inProgress.set(id, now);
      this.chatsOf.set(now, (this.chatsOf.get(now) ?? 0) + 1);
    }
    return filed === undefined ? [now!] : now === undefined ? [filed] : [filed, now];
  }

  /**
   * Files or unfiles `row` in `map`; says whether it entered the map out of the table's order (it is not the
   * table's last row, so rows created after it may be filed already).
   */
  private file(map: Map<number, ActivityRow>, row: ActivityRow, member: boolean): boolean {
    const id = row.activity_id;
    if (!member) {
      map.delete(id);
      return false;
    }
    if (map.has(id)) return false;
    map.set(id, row);
    return row !== this.state.db.activities.at(-1) && map.size > 1;
  }

  /** Puts `waiting` and `unmarked` back in the table's order, by one walk over it. */
  private reorder(): void {
    this.waiting.clear();
    this.unmarked.clear();
    for (const row of this.state.db.activities) {
      if (hasStatus(row, STATUS.waitingInQueue)) this.unmarked.set(row.activity_id, row);
      if (hasStatus(row, STATUS.waitingInQueue) || hasStatus(row, STATUS.waitingForRouting)) {
        this.waiting.set(row.activity_id, row);
      }
    }
  }

  /** Whether user `userId` has a chat in progress: a chat cannot be interrupted. */
  busy(userId: number): boolean {
    return (this.chatsOf.get(userId) ?? 0) > 0;
  }

  refileConsole(console: AgentConsole): void {
    const user = console.agentUserName === null ? undefined : this.directory.user(console.agentUserName);
    const free =
      console.login === 'logged in' && console.registeredForRouting && user !== undefined && !this.busy(user.user_id);
    if (free) this.free.add(console);
    else this.free.delete(console);
  }

  /** The first free console in the order the agents first logged in, or `null`. */
  firstFree(): AgentConsole | null {
    let first: AgentConsole | null = null;
    let rank = Infinity;
    for (const console of this.free) {
      const r = this.directory.consoleRank(console);
      if (r < rank) {
        first = console;
        rank = r;
      }
    }
    return first;
  }
}
