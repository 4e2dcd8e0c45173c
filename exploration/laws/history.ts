/**
 * What the laws remember of a plan's past: the few facts about earlier steps that the source's claims speak of
 * ("a chat was live through an Application server outage", "sent while the Messaging server was down"). One
 * small immutable record, updated after every step from the state before and after it, so the state-space
 * explorer can keep it beside each state and count it as part of that state (a history variable, as in TLA+).
 */
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/deployment';
import type { ModelParameters } from '../../model/parameters';

/** A few derived facts about one state, computed once and read by every law. */
export interface Facts {
  readonly down: ReadonlySet<string>;
  readonly login: DeploymentState['console']['login'];
  /** Sessions still on the Application server. */
  readonly liveSessions: readonly number[];
  /** Live sessions the agent is chatting in. */
  readonly liveChatsOfAgent: readonly number[];
  /** Activities assigned to an agent so far. */
  readonly assigned: number;
  readonly messages: number;
}

export function factsOf(state: DeploymentState): Facts {
  const down = new Set<string>();
  for (const [server, up] of Object.entries(state.servers)) if (!up) down.add(server);
  const liveSessions: number[] = [];
  const liveChatsOfAgent: number[] = [];
  for (const session of state.sessions) {
    if (session.ended !== null) continue;
    liveSessions.push(session.activityId);
    if (session.agentUserName !== null && state.console.chats.some((c) => c.activityId === session.activityId)) {
      liveChatsOfAgent.push(session.activityId);
    }
  }
  let assigned = 0;
  for (const row of state.db.activities) if (row.assigned_to !== null) assigned++;
  return {
    down,
    login: state.console.login,
    liveSessions,
    liveChatsOfAgent,
    assigned,
    messages: state.messages.length,
  };
}

export interface History {
  /** Chats whose session was live when the Application server failed. */
  readonly liveAtApplicationFailure: readonly number[];
  /** The agent was logged in to a live chat when the Application server failed, and has not logged in since. */
  readonly agentCutOff: boolean;
  /** When the Application server last failed, if it is down now. */
  readonly applicationDownSince: number | null;
  /** Chat messages sent while the Messaging server was down. */
  readonly sentWhileMessagingDown: readonly number[];
  /** Chats whose session was live when the Messaging server failed. */
  readonly liveAtMessagingFailure: readonly number[];
  /** The Services server has failed since the agent last logged in. */
  readonly servicesFailedSinceLogin: boolean;
}

export const EMPTY_HISTORY: History = Object.freeze({
  liveAtApplicationFailure: [],
  agentCutOff: false,
  applicationDownSince: null,
  sentWhileMessagingDown: [],
  liveAtMessagingFailure: [],
  servicesFailedSinceLogin: false,
});

/** One step, as the laws see it. */
export interface LawStep {
  readonly action: Action;
  readonly before: Facts;
  readonly after: Facts;
  readonly state: DeploymentState;
  readonly parameters: ModelParameters;
  /** The history up to and including this step. */
  readonly history: History;
  /** The history before this step (a login, for one, clears what it answers). */
  readonly previous: History;
}

function union(list: readonly number[], more: readonly number[]): readonly number[] {
  const extra = more.filter((id) => !list.includes(id));
  return extra.length === 0 ? list : [...list, ...extra].sort((a, b) => a - b);
}

/** The agent logged in at this step (a refused or failed login leaves the console as it was). */
export function loggedInNow(step: Pick<LawStep, 'action' | 'before' | 'after'>): boolean {
  return step.action.type === 'agent-logs-in' && step.before.login !== 'logged in' && step.after.login === 'logged in';
}

export function nextHistory(step: Omit<LawStep, 'history' | 'previous'>, history: History): History {
  const { action, before, after, state } = step;
  let next = history;
  const set = (change: Partial<History>): void => {
    next = { ...next, ...change };
  };
  if (action.type === 'fail' && action.server === 'Application' && before.down.has('Application') === false) {
    set({
      liveAtApplicationFailure: union(next.liveAtApplicationFailure, before.liveSessions),
      agentCutOff: next.agentCutOff || (before.login === 'logged in' && before.liveChatsOfAgent.length > 0),
      applicationDownSince: state.clock,
    });
  }
  if (action.type === 'restore' && action.server === 'Application') set({ applicationDownSince: null });
  if (action.type === 'fail' && action.server === 'Messaging' && !before.down.has('Messaging')) {
    set({ liveAtMessagingFailure: union(next.liveAtMessagingFailure, before.liveSessions) });
  }
  if (after.messages > before.messages && after.down.has('Messaging')) {
    const sent: number[] = [];
    for (let id = before.messages; id < after.messages; id++) sent.push(id);
    set({ sentWhileMessagingDown: union(next.sentWhileMessagingDown, sent) });
  }
  if (action.type === 'fail' && action.server === 'Services') set({ servicesFailedSinceLogin: true });
  if (loggedInNow(step)) set({ agentCutOff: false, servicesFailedSinceLogin: false });
  return next;
}

/**
 * The history as text for the explorer's state key. Times are kept as ages, capped where no law or rule can
 * tell older ages apart (the longest of the model's thresholds).
 */
export function historyKey(history: History, clock: number, horizon: number): string {
  const since =
    history.applicationDownSince === null ? '-' : String(Math.min(clock - history.applicationDownSince, horizon));
  return `${history.liveAtApplicationFailure.join('.')}|${history.agentCutOff ? 1 : 0}|${since}|${history.sentWhileMessagingDown.join('.')}|${history.liveAtMessagingFailure.join('.')}|${history.servicesFailedSinceLogin ? 1 : 0}`;
}
