/**
 * What the laws remember of a plan's past: the few facts about earlier steps that the source's claims speak of
 * ("a chat was live through an Application server outage", "sent while the Messaging server was down"). One
 * small immutable record, updated after every step from the state before and after it, so the state-space
 * explorer can keep it beside each state and count it as part of that state (a history variable, as in TLA+).
 */
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import type { LoginState } from '../../model/agent-console';
import type { ModelParameters } from '../../model/parameters';
import { roleOf } from '../../model/servers';
import type { StateHasher } from '../state-space/encode';

/** A few derived facts about one state, computed once and read by every law. */
export interface Facts {
  readonly down: ReadonlySet<string>;
  /** Each agent's console: logged in, out, or showing a lost session. */
  readonly logins: Readonly<Record<string, LoginState>>;
  /** Sessions still on an Application server, with that server. */
  readonly liveSessions: readonly { readonly activityId: number; readonly home: string }[];
  /** Agents in a live chat, with the Application server holding their login. */
  readonly agentsInLiveChats: readonly { readonly agent: string; readonly home: string | null }[];
  /** Activities assigned to an agent so far. */
  readonly assigned: number;
  readonly messages: number;
}

export function factsOf(state: DeploymentState): Facts {
  const down = new Set<string>();
  for (const server in state.servers) if (!state.servers[server]) down.add(server);
  const liveSessions: { activityId: number; home: string }[] = [];
  for (const session of state.sessions) {
    if (session.ended === null) liveSessions.push({ activityId: session.activityId, home: session.home });
  }
  const logins: Record<string, LoginState> = {};
  const agentsInLiveChats: { agent: string; home: string | null }[] = [];
  for (const console of state.consoles) {
    logins[console.user] = console.login;
    if (console.login !== 'logged in') continue;
    if (console.chats.some((c) => liveSessions.some((s) => s.activityId === c.activityId))) {
      agentsInLiveChats.push({ agent: console.user, home: console.home });
    }
  }
  let assigned = 0;
  for (const row of state.db.activities) if (row.assigned_to !== null) assigned++;
  return { down, logins, liveSessions, agentsInLiveChats, assigned, messages: state.messages.length };
}

export interface History {
  /** Chats whose session was live when the Application server failed. */
  readonly liveAtApplicationFailure: readonly number[];
  /** Agents logged in to a live chat when their Application server failed, who have not logged in since. */
  readonly agentsCutOff: readonly string[];
  /** When each Application server instance that is down now failed, as "instance@clock". */
  readonly applicationDownSince: Readonly<Record<string, number>>;
  /** Chat messages sent while the Messaging server was down. */
  readonly sentWhileMessagingDown: readonly number[];
  /** Chats whose session was live when the Messaging server failed. */
  readonly liveAtMessagingFailure: readonly number[];
  /** Agents who have not logged in since the Services server last failed. */
  readonly servicesFailedSinceLogin: readonly string[];
}

export const EMPTY_HISTORY: History = Object.freeze({
  liveAtApplicationFailure: [],
  agentsCutOff: [],
  applicationDownSince: {},
  sentWhileMessagingDown: [],
  liveAtMessagingFailure: [],
  servicesFailedSinceLogin: [],
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

function union<T extends number | string>(list: readonly T[], more: readonly T[]): readonly T[] {
  const extra = more.filter((id) => !list.includes(id));
  return extra.length === 0 ? list : [...list, ...extra].sort();
}

/** The agent who logged in at this step, or `null` (a refused or failed login leaves the console as it was). */
export function loggedInNow(step: Pick<LawStep, 'action' | 'before' | 'after' | 'state'>): string | null {
  if (step.action.type !== 'agent-logs-in') return null;
  const agent = step.action.agent ?? step.state.consoles[0]?.user;
  if (agent === undefined) return null;
  return step.before.logins[agent] !== 'logged in' && step.after.logins[agent] === 'logged in' ? agent : null;
}

function someMessagingDown(down: ReadonlySet<string>): boolean {
  for (const server of down) if (roleOf(server) === 'Messaging') return true;
  return false;
}

export function nextHistory(step: Omit<LawStep, 'history' | 'previous'>, history: History): History {
  const { action, before, after, state } = step;
  let next = history;
  // Field by field, not by spreading: this runs at every explored transition.
  const set = (change: Partial<History>): void => {
    next = {
      liveAtApplicationFailure: change.liveAtApplicationFailure ?? next.liveAtApplicationFailure,
      agentsCutOff: change.agentsCutOff ?? next.agentsCutOff,
      applicationDownSince: change.applicationDownSince ?? next.applicationDownSince,
      sentWhileMessagingDown: change.sentWhileMessagingDown ?? next.sentWhileMessagingDown,
      liveAtMessagingFailure: change.liveAtMessagingFailure ?? next.liveAtMessagingFailure,
      servicesFailedSinceLogin: change.servicesFailedSinceLogin ?? next.servicesFailedSinceLogin,
    };
  };
  if (action.type === 'fail' && roleOf(action.server) === 'Application' && !before.down.has(action.server)) {
    const server = action.server;
    set({
      liveAtApplicationFailure: union(
        next.liveAtApplicationFailure,
        before.liveSessions.filter((s) => s.home === server).map((s) => s.activityId),
      ),
      agentsCutOff: union(
        next.agentsCutOff,
        before.agentsInLiveChats.filter((a) => a.home === server).map((a) => a.agent),
      ),
      applicationDownSince: { ...next.applicationDownSince, [server]: state.clock },
    });
  }
  if (action.type === 'restore' && action.server in next.applicationDownSince) {
    const server = action.server;
    set({
      applicationDownSince: Object.fromEntries(Object.entries(next.applicationDownSince).filter(([s]) => s !== server)),
    });
  }
  if (action.type === 'fail' && roleOf(action.server) === 'Messaging' && !before.down.has(action.server)) {
    set({
      liveAtMessagingFailure: union(
        next.liveAtMessagingFailure,
        before.liveSessions.map((s) => s.activityId),
      ),
    });
  }
  if (after.messages > before.messages && someMessagingDown(after.down)) {
    const sent: number[] = [];
    for (let id = before.messages; id < after.messages; id++) sent.push(id);
    set({ sentWhileMessagingDown: union(next.sentWhileMessagingDown, sent) });
  }
  if (action.type === 'fail' && roleOf(action.server) === 'Services') {
    set({ servicesFailedSinceLogin: union(next.servicesFailedSinceLogin, Object.keys(before.logins)) });
  }
  const agent = loggedInNow(step);
  if (agent !== null) {
    set({
      agentsCutOff: next.agentsCutOff.filter((a) => a !== agent),
      servicesFailedSinceLogin: next.servicesFailedSinceLogin.filter((a) => a !== agent),
    });
  }
  return next;
}

/**
 * The history as text for the explorer's state key. Times are kept as ages, capped where no law or rule can
 * tell older ages apart (the longest of the model's thresholds).
 */
export function historyKey(history: History, clock: number, horizon: number): string {
  const since = Object.entries(history.applicationDownSince)
    .map(([server, at]) => `${server}@${Math.min(clock - at, horizon)}`)
    .join('.');
  return `${history.liveAtApplicationFailure.join('.')}|${history.agentsCutOff.join('.')}|${since}|${history.sentWhileMessagingDown.join('.')}|${history.liveAtMessagingFailure.join('.')}|${history.servicesFailedSinceLogin.join('.')}`;
}

/** What `historyKey` writes, fed to the explorer's hasher instead: each list, then its end. */
export function hashHistory(history: History, clock: number, horizon: number, hasher: StateHasher): void {
  const END = -0x7f7f7f7f;
  for (const id of history.liveAtApplicationFailure) hasher.number(id);
  hasher.word(END);
  for (const agent of history.agentsCutOff) hasher.text(agent);
  hasher.word(END);
  for (const server in history.applicationDownSince) {
    hasher.text(server);
    hasher.number(Math.min(clock - history.applicationDownSince[server]!, horizon));
  }
  hasher.word(END);
  for (const id of history.sentWhileMessagingDown) hasher.number(id);
  hasher.word(END);
  for (const id of history.liveAtMessagingFailure) hasher.number(id);
  hasher.word(END);
  for (const agent of history.servicesFailedSinceLogin) hasher.text(agent);
  hasher.word(END);
}

/** The console of the agent who logs in at this step after an Application server outage cut a live chat off. */
export function cutOffAgentLoggingIn(step: LawStep): DeploymentState['consoles'][number] | null {
  const agent = loggedInNow(step);
  if (agent === null || !step.previous.agentsCutOff.includes(agent)) return null;
  return step.state.consoles.find((c) => c.user === agent) ?? null;
}
