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
import type { StepObserver } from '../plans/interpreter';
import { replayOnce, replayTwice } from './determinism';
import { INVARIANTS, InvariantViolation, type InvariantId } from './invariant-table';
import { ReadCursors } from './read-cursors';

export {
  INVARIANTS,
  INVARIANT_LIST,
  InvariantViolation,
  type CheckedProperty,
  type Invariant,
  type InvariantId,
} from './invariant-table';

/** The steps so far, newest first, each sharing the ones before it: a fork costs nothing. */
interface PlanSoFar {
  readonly action: Action;
  /** What the step recorded in the deployment's trace (nothing when it records none). */
  readonly events: readonly TraceEvent[];
  readonly before: PlanSoFar | null;
}

/** Watches one plan, step by step. */
export class InvariantChecker implements StepObserver {
  /** Steps at which the liveness invariant met its one expected exception. */
  knownDefectSteps = 0;
  private steps: PlanSoFar | null = null;
  /** Whether every step so far was taken on a deployment recording its trace (then the steps hold that trace). */
  private traced = true;
  private completed = new Set<number>();
  private assigned = new Set<number>();
  /** Messages not yet delivered, flagged to their sender or in a lost session: the only ones that can go wrong. */
  private unsettled: number[] = [];
  private messagesSeen = 0;
  private lostAt = new Map<number, number>();
  private uninformed: number[] = [];
  /** How far each window and chat pane has been read. */
  private cursors = new ReadCursors();
  /** Agents who logged in while every server was up, with nothing failed and no logout since. */
  private freshLogins = new Set<string>();
  /** Whether the sets, the map and the lists above are shared with a fork: each copies them before changing one. */
  private shared = false;

  afterStep(index: number, action: Action, events: readonly TraceEvent[], deployment: Deployment): void {
    this.steps = { action, events, before: this.steps };
    if (!deployment.recordTrace) this.traced = false;
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
    copy.steps = this.steps;
    copy.traced = this.traced;
    copy.completed = this.completed;
    copy.assigned = this.assigned;
    copy.unsettled = this.unsettled;
    copy.messagesSeen = this.messagesSeen;
    copy.lostAt = this.lostAt;
    copy.uninformed = this.uninformed;
    copy.freshLogins = this.freshLogins;
    this.shared = copy.shared = true;
    copy.cursors = this.cursors.copy(from, to);
    return copy;
  }

  /** Makes the memory this checker shares with a fork its own, before changing it. */
  private own(): void {
    if (!this.shared) return;
    this.completed = new Set(this.completed);
    this.assigned = new Set(this.assigned);
    this.unsettled = [...this.unsettled];
    this.lostAt = new Map(this.lostAt);
    this.uninformed = [...this.uninformed];
    this.freshLogins = new Set(this.freshLogins);
    this.shared = false;
  }

  /** The steps so far, oldest first. */
  private get plan(): Action[] {
    const plan: Action[] = [];
    for (let step = this.steps; step !== null; step = step.before) plan.push(step.action);
    return plan.reverse();
  }

  /** What each step so far recorded, oldest first. */
  private get trace(): (readonly TraceEvent[])[] {
    const trace: (readonly TraceEvent[])[] = [];
    for (let step = this.steps; step !== null; step = step.before) trace.push(step.events);
    return trace.reverse();
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
   * The determinism invariant: two runs of the plan on fresh deployments recording their trace must record the
   * same trace, step by step, byte for byte. When the plan's own run recorded it (its deployment, or the one it
   * was forked from, recorded every step), that run is one of the two and the plan is replayed once; else twice.
   */
  finish(fresh: () => Deployment): void {
    const plan = this.plan;
    const broken = this.traced ? replayOnce(plan, this.trace, fresh) : replayTwice(plan, fresh);
    if (broken) this.fail('determinism', broken.index, broken.detail);
  }

  private fail(id: InvariantId, index: number, detail: string): never {
    throw new InvariantViolation(INVARIANTS[id], detail, index, this.plan.slice(0, index + 1));
  }

  // ---------------------------------------------------------------- messages

  private checkMessages(index: number, state: DeploymentState): void {
    const { messages } = state;
    if (this.messagesSeen < messages.length) this.own();
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
        // Still on its way: kept in its place, moved up only past one dropped before it.
        if (this.unsettled[kept] !== id) {
          this.own();
          this.unsettled[kept] = id;
        }
        kept++;
        continue;
      }
      this.fail(
        'noSilentLoss',
        index,
        `the ${message.from}'s "${message.text}" (sent at ${formatDuration(message.sentAt)}) was never delivered, ` +
          `its sender was not warned, and its session ${session ? `was ${session.ended ?? 'live'}` : 'does not exist'}`,
      );
    }
    if (kept !== this.unsettled.length) {
      this.own();
      this.unsettled.length = kept; // set only when it changes: setting a length costs, even the same one
    }
    const wrong = this.cursors.read(state);
    if (wrong !== null) this.fail('noSilentLoss', index, wrong);
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
      if (done) {
        if (!this.completed.has(id)) {
          this.own();
          this.completed.add(id);
        }
      } else if (this.completed.has(id)) {
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
      this.own();
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
    if (action.type === 'fail' && this.freshLogins.size > 0) {
      this.own();
      this.freshLogins.clear();
    }
    if (action.type === 'agent-logs-out' && this.freshLogins.has(action.agent ?? first ?? '')) {
      this.own();
      this.freshLogins.delete(action.agent ?? first ?? '');
    }
    // Every server up matters only at a login or while some agent's last login was a fresh one.
    const allUp = (): boolean => {
      for (const server in servers) if (!servers[server]) return false;
      return true;
    };
    if (action.type === 'agent-logs-in' && allUp()) {
      const name = action.agent ?? first;
      const console = state.consoles.find((c) => c.agentUserName === name);
      if (name !== null && console?.login === 'logged in' && !this.freshLogins.has(name)) {
        this.own();
        this.freshLogins.add(name);
      }
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
        this.own();
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
      if (this.uninformed[kept] !== activityId) {
        this.own();
        this.uninformed[kept] = activityId;
      }
      kept++;
    }
    if (kept !== this.uninformed.length) {
      this.own();
      this.uninformed.length = kept;
    }
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
