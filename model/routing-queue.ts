/**
 * The routing rule's view of the database and the consoles, kept as they change so that routing never walks
 * every row or every agent: the activities waiting in the queue (4100) or for Unified CCE routing (4105), in
 * the order they were created (an activity never goes back to waiting, so that order is the table's), how many
 * chats each agent has in progress, and the consoles free to take one. Derived from the state like the
 * directory (model/directory.ts), never part of it.
 */
import type { AgentConsole } from './agent-console';
import { ActivityType, STATUS, hasStatus, type ActivityRow } from './database';
import type { Directory } from './directory';
import type { State } from './state';

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

  private constructor(private readonly directory: Directory) {}

  static of(state: State, directory: Directory): RoutingQueue {
    const queue = new RoutingQueue(directory);
    for (const row of state.db.activities) queue.refileRow(row);
    for (const console of state.consoles) queue.refileConsole(console);
    return queue;
  }

  /** Files a row by its status after it was created or changed; says whether its agent's chats in progress changed. */
  refileRow(row: ActivityRow): boolean {
    const id = row.activity_id;
    if (hasStatus(row, STATUS.waitingInQueue)) this.unmarked.set(id, row);
    else this.unmarked.delete(id);
    if (hasStatus(row, STATUS.waitingInQueue) || hasStatus(row, STATUS.waitingForRouting)) this.waiting.set(id, row);
    else this.waiting.delete(id);
    const chat =
      row.assigned_to !== null && row.activity_type === ActivityType.Chat && hasStatus(row, STATUS.chatInProgress);
    const filed = this.inProgress.get(id);
    if (chat === (filed !== undefined)) return false;
    if (chat) {
      this.inProgress.set(id, row.assigned_to!);
      this.chatsOf.set(row.assigned_to!, (this.chatsOf.get(row.assigned_to!) ?? 0) + 1);
    } else {
      this.inProgress.delete(id);
      this.chatsOf.set(filed!, this.chatsOf.get(filed!)! - 1);
    }
    return true;
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
