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
import { roleOf, someApplicationUp } from '../../model/servers';
import type { StateHasher } from '../state-space/encode';

/** A few derived facts about one state, computed once and read by every law. */
export interface Facts {
  readonly down: ReadonlySet<string>;
  /** Each agent's console: logged in, out, or showing a lost session. */
  readonly logins: Readonly<Record<string, LoginState>>;
  /** How many consoles the state has (the entries of `logins`). */
  readonly consoles: number;
  /** Sessions still on an Application server, with that server. */
  readonly liveSessions: readonly { readonly activityId: number; readonly home: string }[];
  /** Agents in a live chat, with the Application server holding their login. */
  readonly agentsInLiveChats: readonly { readonly agent: string; readonly home: string | null }[];
  /**
   * Activities assigned to an agent so far, counted while the Services server is down (0 otherwise): the one law
   * that reads it compares two states with the Services server down.
   */
  readonly assigned: number;
  readonly messages: number;
}

const NOTHING_DOWN: ReadonlySet<string> = new Set<string>();

/**
 * The facts of `state`. `previous`, the facts of the state before this step, lends every part that is still
 * the same (the same set, list or record object), so a step that changes little allocates little: facts are
 * immutable values, shared between the states that have them.
 */
export function factsOf(state: DeploymentState, previous?: Facts): Facts {
  const down = downOf(state.servers, previous?.down);
  const liveSessions = liveSessionsOf(state, previous?.liveSessions);
  const logins = loginsOf(state, previous);
  const agentsInLiveChats = agentsInLiveChatsOf(state, liveSessions, previous?.agentsInLiveChats);
  let assigned = 0;
  if (down.has('Services')) for (const row of state.db.activities) if (row.assigned_to !== null) assigned++;
  const messages = state.messages.length;
  if (
    previous !== undefined &&
    down === previous.down &&
    liveSessions === previous.liveSessions &&
    logins === previous.logins &&
    state.consoles.length === previous.consoles &&
    agentsInLiveChats === previous.agentsInLiveChats &&
    assigned === previous.assigned &&
    messages === previous.messages
  ) {
    return previous;
  }
  return { down, logins, consoles: state.consoles.length, liveSessions, agentsInLiveChats, assigned, messages };
}

function downOf(servers: DeploymentState['servers'], previous: ReadonlySet<string> | undefined): ReadonlySet<string> {
  let count = 0;
  let same = previous !== undefined;
  for (const server in servers) {
    if (servers[server]) continue;
    count++;
    if (same && !previous!.has(server)) same = false;
  }
  if (same && count === previous!.size) return previous!;
  if (count === 0) return NOTHING_DOWN;
  const down = new Set<string>();
  for (const server in servers) if (!servers[server]) down.add(server);
  return down;
}

function liveSessionsOf(state: DeploymentState, previous: Facts['liveSessions'] | undefined): Facts['liveSessions'] {
  let i = 0;
  let same = previous !== undefined;
  for (const session of state.sessions) {
    if (session.ended !== null) continue;
    const was = same ? previous![i] : undefined;
    if (was === undefined || was.activityId !== session.activityId || was.home !== session.home) same = false;
    i++;
  }
  if (same && i === previous!.length) return previous!;
  const live: { activityId: number; home: string }[] = [];
  for (const session of state.sessions) {
    if (session.ended === null) live.push({ activityId: session.activityId, home: session.home });
  }
  return live;
}

function loginsOf(state: DeploymentState, previous: Facts | undefined): Facts['logins'] {
  // The same agents' consoles (a console, once open, stays in the list), each in the same login state.
  if (previous !== undefined && state.consoles.length === previous.consoles) {
    let same = true;
    for (const console of state.consoles) if (previous.logins[console.user] !== console.login) same = false;
    if (same) return previous.logins;
  }
  const logins: Record<string, LoginState> = {};
  for (const console of state.consoles) logins[console.user] = console.login;
  return logins;
}

function agentsInLiveChatsOf(
  state: DeploymentState,
  liveSessions: Facts['liveSessions'],
  previous: Facts['agentsInLiveChats'] | undefined,
): Facts['agentsInLiveChats'] {
  let i = 0;
  let same = previous !== undefined;
  for (const console of state.consoles) {
    if (!inLiveChat(console, liveSessions)) continue;
    const was = same ? previous![i] : undefined;
    if (was === undefined || was.agent !== console.user || was.home !== console.home) same = false;
    i++;
  }
  if (same && i === previous!.length) return previous!;
  const agents: { agent: string; home: string | null }[] = [];
  for (const console of state.consoles) {
    if (inLiveChat(console, liveSessions)) agents.push({ agent: console.user, home: console.home });
  }
  return agents;
}

function inLiveChat(console: DeploymentState['consoles'][number], liveSessions: Facts['liveSessions']): boolean {
  if (console.login !== 'logged in') return false;
  for (const chat of console.chats) {
    for (const session of liveSessions) if (session.activityId === chat.activityId) return true;
  }
  return false;
}

export interface History {
  /** Chats whose session was live when the Application server failed. */
  readonly liveAtApplicationFailure: readonly number[];
  /**
   * Chats live on an Application server when it failed with no other Application server up, while none has been
   * up since: their customers' windows have had no server to answer them ("takes more than a few minutes to
   * return" counts from the failure; another Application server answering tells the window at once instead).
   */
  readonly unansweredSinceApplicationFailure: readonly number[];
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
  unansweredSinceApplicationFailure: [],
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
  if (more.length === 0) return list;
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
  let liveAtApplicationFailure = history.liveAtApplicationFailure;
  let unanswered = history.unansweredSinceApplicationFailure;
  let agentsCutOff = history.agentsCutOff;
  let applicationDownSince = history.applicationDownSince;
  let sentWhileMessagingDown = history.sentWhileMessagingDown;
  let liveAtMessagingFailure = history.liveAtMessagingFailure;
  let servicesFailedSinceLogin = history.servicesFailedSinceLogin;
  // One action, so at most one of these branches; each field is replaced only when it changes, and the history
  // is the same object when none does (this runs at every step and every explored transition).
  if (action.type === 'fail') {
    const server = action.server;
    const role = roleOf(server);
    if (role === 'Application' && !before.down.has(server)) {
      const lost: number[] = [];
      for (const s of before.liveSessions) if (s.home === server) lost.push(s.activityId);
      liveAtApplicationFailure = union(liveAtApplicationFailure, lost);
      if (!someApplicationUp(state.servers)) unanswered = union(unanswered, lost);
      const cut: string[] = [];
      for (const a of before.agentsInLiveChats) if (a.home === server) cut.push(a.agent);
      agentsCutOff = union(agentsCutOff, cut);
      applicationDownSince = withEntry(applicationDownSince, server, state.clock);
    } else if (role === 'Messaging' && !before.down.has(server)) {
      const live: number[] = [];
      for (const s of before.liveSessions) live.push(s.activityId);
      liveAtMessagingFailure = union(liveAtMessagingFailure, live);
    } else if (role === 'Services') {
      servicesFailedSinceLogin = union(servicesFailedSinceLogin, Object.keys(before.logins));
    }
  } else if (action.type === 'restore') {
    if (action.server in applicationDownSince) {
      const server = action.server;
      applicationDownSince = withoutEntry(applicationDownSince, server);
    }
  } else if (action.type === 'agent-logs-in') {
    const agent = loggedInNow(step);
    if (agent !== null) {
      agentsCutOff = without(agentsCutOff, agent);
      servicesFailedSinceLogin = without(servicesFailedSinceLogin, agent);
    }
  }
  if (unanswered.length > 0 && someApplicationUp(state.servers)) unanswered = [];
  if (after.messages > before.messages && someMessagingDown(after.down)) {
    const sent: number[] = [];
    for (let id = before.messages; id < after.messages; id++) sent.push(id);
    sentWhileMessagingDown = union(sentWhileMessagingDown, sent);
  }
  if (
    liveAtApplicationFailure === history.liveAtApplicationFailure &&
    unanswered === history.unansweredSinceApplicationFailure &&
    agentsCutOff === history.agentsCutOff &&
    applicationDownSince === history.applicationDownSince &&
    sentWhileMessagingDown === history.sentWhileMessagingDown &&
    liveAtMessagingFailure === history.liveAtMessagingFailure &&
    servicesFailedSinceLogin === history.servicesFailedSinceLogin
  ) {
    return history;
  }
  return {
    liveAtApplicationFailure,
    unansweredSinceApplicationFailure: unanswered,
    agentsCutOff,
    applicationDownSince,
    sentWhileMessagingDown,
    liveAtMessagingFailure,
    servicesFailedSinceLogin,
  };
}

// A record with one entry set or removed, the others in their order: what a spread and a filter of its entries
// make, without the generic object copying those take (an Application server fails or is restored often).
function withEntry(record: Readonly<Record<string, number>>, key: string, value: number): Record<string, number> {
  const next: Record<string, number> = {};
  for (const k in record) next[k] = record[k]!;
  next[key] = value;
  return next;
}

function withoutEntry(record: Readonly<Record<string, number>>, key: string): Record<string, number> {
  const next: Record<string, number> = {};
  for (const k in record) if (k !== key) next[k] = record[k]!;
  return next;
}

/** `list` without `item`: the same list when it does not hold it. */
function without<T>(list: readonly T[], item: T): readonly T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : list;
}

/**
 * The history as text for the explorer's state key. Times are kept as ages, capped where no law or rule can
 * tell older ages apart (the longest of the model's thresholds).
 */
export function historyKey(history: History, clock: number, horizon: number): string {
  const since = Object.entries(history.applicationDownSince)
    .map(([server, at]) => `${server}@${Math.min(clock - at, horizon)}`)
    .join('.');
  return `${history.liveAtApplicationFailure.join('.')}|${history.unansweredSinceApplicationFailure.join('.')}|${history.agentsCutOff.join('.')}|${since}|${history.sentWhileMessagingDown.join('.')}|${history.liveAtMessagingFailure.join('.')}|${history.servicesFailedSinceLogin.join('.')}`;
}

/** What `historyKey` writes, fed to the explorer's hasher instead: each list, then its end. */
export function hashHistory(history: History, clock: number, horizon: number, hasher: StateHasher): void {
  const END = -0x7f7f7f7f;
  for (const id of history.liveAtApplicationFailure) hasher.number(id);
  hasher.word(END);
  for (const id of history.unansweredSinceApplicationFailure) hasher.number(id);
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
