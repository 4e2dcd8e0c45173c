/**
 * The invariant checker: it watches one plan through the interpreter and throws an `InvariantViolation` at the
 * first step that breaks one of the invariants (./invariant-table.ts, re-exported here). It reads the model through `Deployment.inspect()` and keeps its own small memory (which activities were
 * completed, when each session was lost), so checking costs little more than the step itself.
 */
import type { Action } from '../model/actions';
import { formatDuration } from '../model/clock';
import { ActivityType, STATUS, isDocumentedStatus } from '../model/database';
import type { Deployment } from '../model/deployment';
import type { DeploymentState } from '../model/state';
import { chatMessagesFlow, consoleReachesApplication } from '../model/servers';
import type { TraceEvent } from '../model/trace';
import { PlanRunner, type StepObserver } from '../plans/interpreter';
import { INVARIANTS, InvariantViolation, type InvariantId } from './invariant-table';

export {
  INVARIANTS,
  INVARIANT_LIST,
  InvariantViolation,
  type CheckedProperty,
  type Invariant,
  type InvariantId,
} from './invariant-table';

type LineOwner = object;

/** Watches one plan, step by step. */
export class InvariantChecker implements StepObserver {
  /** Steps at which the liveness invariant met its one expected exception. */
  knownDefectSteps = 0;
  private readonly plan: Action[] = [];
  private readonly completed = new Set<number>();
  private readonly assigned = new Set<number>();
  /** Messages not yet delivered, flagged to their sender or in a lost session: the only ones that can go wrong. */
  private readonly unsettled: number[] = [];
  private messagesSeen = 0;
  private readonly lostAt = new Map<number, number>();
  private readonly uninformed: number[] = [];
  /** Per window or chat pane: how many lines were read, and the last message id seen from the other side. */
  private readonly read = new WeakMap<LineOwner, { lines: number; lastId: number }>();
  /** Agents who logged in while every server was up, with nothing failed and no logout since. */
  private readonly freshLogins = new Set<string>();

  afterStep(index: number, action: Action, _events: readonly TraceEvent[], deployment: Deployment): void {
    this.plan.push(action);
    const state = deployment.inspect();
    this.checkMessages(index, state);
    this.checkStatuses(index, state);
    this.checkWork(index, action, state, deployment);
    this.checkCustomerInformed(index, state, deployment.parameters.customerConnectionIssuesAfter);
  }

  /**
   * An independent copy of this checker's memory, to follow one more continuation of the same plan: the
   * state-space explorer forks it at every transition, beside `Deployment.clone`. `from` is the state this
   * checker watched and `to` its clone, whose windows, consoles and chat panes stand in the same order.
   */
  fork(from: DeploymentState, to: DeploymentState): InvariantChecker {
    const copy = new InvariantChecker();
    copy.knownDefectSteps = this.knownDefectSteps;
    copy.plan.push(...this.plan);
    for (const id of this.completed) copy.completed.add(id);
    for (const id of this.assigned) copy.assigned.add(id);
    copy.unsettled.push(...this.unsettled);
    copy.messagesSeen = this.messagesSeen;
    for (const [id, at] of this.lostAt) copy.lostAt.set(id, at);
    copy.uninformed.push(...this.uninformed);
    const remap = (old: readonly LineOwner[], now: readonly LineOwner[]): void =>
      old.forEach((owner, i) => {
        const cursor = this.read.get(owner);
        if (cursor) copy.read.set(now[i]!, { lines: cursor.lines, lastId: cursor.lastId });
      });
    remap(from.windows, to.windows);
    from.consoles.forEach((console, i) => remap(console.chats, to.consoles[i]!.chats));
    for (const agent of this.freshLogins) copy.freshLogins.add(agent);
    return copy;
  }

  /**
   * The part of this checker's memory that the model's state does not already determine (in a plan that has
   * kept every invariant so far), as text: which agents' last logins were fresh ones, and how long ago each
   * session the customer has not yet been told about was lost. Two plans reaching the same state with the same
   * memory key are checked the same way from then on.
   */
  memoryKey(clock: number): string {
    let key = [...this.freshLogins].sort().join('+');
    for (const id of this.uninformed) key += `,${id}@${clock - this.lostAt.get(id)!}`;
    return key;
  }

  /**
   * The determinism invariant: runs the whole plan twice more on fresh deployments that record their trace,
   * and compares the two traces step by step, byte for byte.
   */
  finish(fresh: () => Deployment): void {
    const first = new PlanRunner(fresh());
    const second = new PlanRunner(fresh());
    this.plan.forEach((action, index) => {
      const one = first.step(action);
      const other = second.step(action);
      if (sameEvents(one, other)) return;
      const expected = JSON.stringify(one);
      const got = JSON.stringify(other);
      if (expected !== got)
        this.fail('determinism', index, `one replay recorded ${got} where the other had ${expected}`);
    });
  }

  private fail(id: InvariantId, index: number, detail: string): never {
    throw new InvariantViolation(INVARIANTS[id], detail, index, this.plan.slice(0, index + 1));
  }

  // ---------------------------------------------------------------- messages

  private checkMessages(index: number, state: DeploymentState): void {
    const { messages } = state;
    for (; this.messagesSeen < messages.length; this.messagesSeen++) this.unsettled.push(this.messagesSeen);
    let kept = 0;
    for (const id of this.unsettled) {
      const message = messages[id]!;
      const session = state.sessions.find((s) => s.activityId === message.activityId);
      if (message.deliveredAt !== null) {
        if (!chatMessagesFlow(state.servers, session?.home ?? 'Application')) {
          this.fail(
            'nothingDeliveredWhilePathDown',
            index,
            `"${message.text}" was delivered ${pathDown(state, session?.home ?? 'Application')}`,
          );
        }
        this.checkShownOnce(index, state, id);
        continue;
      }
      // A lost session is the customer's to be told of; an exited one the console shows as "Customer exited chat".
      if (message.senderWarned || session?.ended === 'lost' || session?.ended === 'exited') continue;
      if (message.accepted && session?.ended === null) {
        this.unsettled[kept++] = id; // still on its way
        continue;
      }
      this.fail(
        'noSilentLoss',
        index,
        `the ${message.from}'s "${message.text}" (sent at ${formatDuration(message.sentAt)}) was never delivered, ` +
          `its sender was not warned, and its session ${session ? `was ${session.ended ?? 'live'}` : 'does not exist'}`,
      );
    }
    if (kept !== this.unsettled.length) this.unsettled.length = kept; // setting a length costs, even the same one
    this.checkOrder(index, state);
  }

  /** A message just delivered is on the other side's screen exactly once. */
  private checkShownOnce(index: number, state: DeploymentState, id: number): void {
    const message = state.messages[id]!;
    const lines =
      message.from === 'customer'
        ? paneOf(state, message.activityId)
        : state.windows.find((window) => window.activityId === message.activityId)?.lines;
    if (lines === undefined) return; // the screen was closed since, so there is nothing left to compare
    let shown = 0;
    for (const line of lines) if (line.kind === 'message' && line.messageId === id) shown++;
    if (shown !== 1) {
      const where = message.from === 'customer' ? "the agent's chat pane" : "the customer's window";
      this.fail('noSilentLoss', index, `"${message.text}" appears ${shown} times in ${where}`);
    }
  }

  /** Messages from the other side appear in the order they were sent, none twice. */
  private checkOrder(index: number, state: DeploymentState): void {
    for (const window of state.windows)
      this.readNewLines(index, window, window.lines, 'agent', "the customer's window");
    for (const console of state.consoles) {
      for (const chat of console.chats) this.readNewLines(index, chat, chat.pane, 'customer', "the agent's pane");
    }
  }

  private readNewLines(
    index: number,
    owner: LineOwner,
    lines: DeploymentState['windows'][number]['lines'],
    from: 'customer' | 'agent',
    where: string,
  ): void {
    let cursor = this.read.get(owner);
    if (!cursor) this.read.set(owner, (cursor = { lines: 0, lastId: -1 }));
    for (; cursor.lines < lines.length; cursor.lines++) {
      const line = lines[cursor.lines]!;
      if (line.kind !== 'message' || line.from !== from) continue;
      if (line.messageId <= cursor.lastId) {
        this.fail('noSilentLoss', index, `"${line.text}" appears in ${where} out of order or twice`);
      }
      cursor.lastId = line.messageId;
    }
  }

  // ---------------------------------------------------------------- activities

  private checkStatuses(index: number, state: DeploymentState): void {
    for (const row of state.db.activities) {
      const { activity_id: id, activity_status: status, activity_sub_status: subStatus } = row;
      if (!isDocumentedStatus(status, subStatus)) {
        this.fail(
          'completedStaysCompleted',
          index,
          `activity ${id} is at ${status}/${subStatus}, not a documented pair`,
        );
      }
      const done = status === STATUS.completed.status && subStatus === STATUS.completed.subStatus;
      if (done) this.completed.add(id);
      else if (this.completed.has(id)) {
        this.fail(
          'completedStaysCompleted',
          index,
          `activity ${id} went from 9000/9100 back to ${status}/${subStatus}`,
        );
      }
    }
  }

  private checkWork(index: number, action: Action, state: DeploymentState, deployment: Deployment): void {
    const { db, servers } = state;
    const ids = userIdsOf(db.users);
    const userId = (name: string | null): number | undefined => (name === null ? undefined : ids.get(name));
    // The agents whose consoles can handle work, worked out when a step needs them (most steps assign nothing).
    let ableAgents: Set<number> | null = null;
    const able = (id: number): boolean => {
      if (ableAgents === null) {
        ableAgents = new Set<number>();
        const reach = consoleReachesApplication(servers);
        for (const console of state.consoles) {
          const agent = userId(console.agentUserName);
          if (agent !== undefined && console.login === 'logged in' && reach && console.registeredForRouting) {
            ableAgents.add(agent);
          }
        }
      }
      return ableAgents.has(id);
    };
    const inProgressOf = (id: number | undefined) =>
      db.activities.filter(
        (row) =>
          row.assigned_to === id &&
          row.activity_type === ActivityType.Chat &&
          row.activity_status === STATUS.chatInProgress.status &&
          row.activity_sub_status === STATUS.chatInProgress.subStatus,
      );
    let fresh: Map<number, number[]> | null = null;
    for (const row of db.activities) {
      if (row.assigned_to === null || this.assigned.has(row.activity_id)) continue;
      this.assigned.add(row.activity_id);
      fresh ??= new Map<number, number[]>();
      fresh.set(row.assigned_to, [...(fresh.get(row.assigned_to) ?? []), row.activity_id]);
      if (!able(row.assigned_to)) {
        this.fail(
          'workOnlyWhenAble',
          index,
          `activity ${row.activity_id} was assigned while the console cannot handle it`,
        );
      }
    }
    // A chat cannot be interrupted by other media: nothing new for an agent who was already in one, and one
    // new chat at a time. (An email and then a chat in the same routing pass is allowed.)
    for (const [agent, assigned] of fresh ?? NO_ASSIGNMENTS) {
      const inProgress = inProgressOf(agent);
      const earlier = inProgress.find((chat) => !assigned.includes(chat.activity_id));
      if (earlier) {
        this.fail(
          'workOnlyWhenAble',
          index,
          `activity ${assigned.join(', ')} was assigned while the agent is in chat ${earlier.activity_id}`,
        );
      }
      if (inProgress.length > 1) {
        this.fail(
          'workOnlyWhenAble',
          index,
          `chats ${inProgress.map((c) => c.activity_id).join(' and ')} were assigned at once`,
        );
      }
    }

    const first = state.consoles[0]?.agentUserName ?? null;
    if (action.type === 'fail') this.freshLogins.clear();
    if (action.type === 'agent-logs-out') this.freshLogins.delete(action.agent ?? first ?? '');
    // Every server up matters only at a login or while some agent's last login was a fresh one.
    const allUp = (): boolean => {
      for (const server in servers) if (!servers[server]) return false;
      return true;
    };
    if (action.type === 'agent-logs-in' && allUp()) {
      const name = action.agent ?? first;
      const console = state.consoles.find((c) => c.agentUserName === name);
      if (name !== null && console?.login === 'logged in') this.freshLogins.add(name);
    }
    if (this.freshLogins.size === 0 || !allUp()) return;
    let free: string | null = null;
    let blockedByLostChat = false;
    for (const name of this.freshLogins) {
      const id = userId(name);
      if (id === undefined || !able(id))
        this.fail(
          'workOnlyWhenAble',
          index,
          'every server is up and the agent logged in again, yet the console cannot handle activities',
        );
      const inProgress = inProgressOf(id);
      const live = inProgress.filter((row) => {
        const session = state.sessions.find((s) => s.activityId === row.activity_id);
        // A chat the customer left waits for the agent to complete it, like a live one.
        return session !== undefined && (session.ended === null || session.ended === 'exited');
      });
      if (live.length > 0) continue; // busy with a live chat, which cannot be interrupted
      if (inProgress.length > 0)
        blockedByLostChat = true; // the expected exception: a lost chat still at 5000/5900
      else free ??= name;
    }
    if (blockedByLostChat) this.knownDefectSteps++;
    if (free === null) return;
    const waiting = db.activities.find(
      (row) => row.activity_status === STATUS.waitingInQueue.status && row.assigned_to === null,
    );
    if (waiting) {
      this.fail(
        'workOnlyWhenAble',
        index,
        `activity ${waiting.activity_id} waits at ${waiting.activity_status}/${waiting.activity_sub_status} at ${formatDuration(deployment.clock)} while ${free === first ? 'the agent' : free} is free`,
      );
    }
  }

  // ---------------------------------------------------------------- the customer's window

  private checkCustomerInformed(index: number, state: DeploymentState, threshold: number): void {
    for (const session of state.sessions) {
      if (session.ended === 'lost' && !this.lostAt.has(session.activityId)) {
        this.lostAt.set(session.activityId, state.clock);
        this.uninformed.push(session.activityId);
      }
    }
    let kept = 0;
    for (const activityId of this.uninformed) {
      const window = state.windows.find((w) => w.activityId === activityId);
      const told =
        window === undefined ||
        window.state === 'closed' || // the customer left: there is nobody to tell
        window.lines.some(
          (line) => line.kind === 'notice' && (line.notice === 'sessionLost' || line.notice === 'connectionIssues'),
        );
      if (told) continue;
      const since = state.clock - this.lostAt.get(activityId)!;
      if (since >= threshold) {
        this.fail(
          'customerNeverUninformed',
          index,
          `chat ${activityId} was lost ${formatDuration(since)} ago and the customer's window still says nothing (threshold ${formatDuration(threshold)})`,
        );
      }
      this.uninformed[kept++] = activityId;
    }
    if (kept !== this.uninformed.length) this.uninformed.length = kept;
  }
}

/** The pane of the first console chat of `activityId`, in the consoles' order. */
function paneOf(
  state: DeploymentState,
  activityId: number,
): DeploymentState['consoles'][number]['chats'][number]['pane'] | undefined {
  for (const console of state.consoles) {
    for (const chat of console.chats) if (chat.activityId === activityId) return chat.pane;
  }
  return undefined;
}

const NO_ASSIGNMENTS: ReadonlyMap<number, number[]> = new Map();

const USER_IDS = new WeakMap<
  readonly { readonly user_name: string; readonly user_id: number }[],
  Map<string, number>
>();

/** Each user's id by name, worked out once per users list (the model never changes a deployment's list). */
function userIdsOf(users: DeploymentState['db']['users']): Map<string, number> {
  let ids = USER_IDS.get(users);
  if (!ids) {
    ids = new Map();
    // The first user of a name, as a search of the list finds it.
    for (const user of users) if (!ids.has(user.user_name)) ids.set(user.user_name, user.user_id);
    USER_IDS.set(users, ids);
  }
  return ids;
}

function pathDown(state: DeploymentState, home: string): string {
  const down = [home, 'Messaging'].filter((server) => !state.servers[server]);
  return `while the ${down.join(' and ')} server${down.length > 1 ? 's are' : ' is'} down`;
}

/**
 * Whether two steps' events are the same, key by key in the same order and value by value: trace events are
 * flat records of strings, numbers and booleans, so this means they print as the same JSON, without printing
 * them (the determinism replays of the random phase compare every step). When it says no, JSON decides.
 */
function sameEvents(one: readonly TraceEvent[], other: readonly TraceEvent[]): boolean {
  if (one.length !== other.length) return false;
  for (let i = 0; i < one.length; i++) {
    const a = one[i] as unknown as Record<string, unknown>;
    const b = other[i] as unknown as Record<string, unknown>;
    const keys = Object.keys(a);
    const otherKeys = Object.keys(b);
    if (keys.length !== otherKeys.length) return false;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (key !== otherKeys[k] || a[key] !== b[key]) return false;
    }
  }
  return true;
}
