/**
 * What the laws remember of a plan's past: the few facts about earlier steps that the source's claims speak of
 * ("a chat was live through an Application server outage", "sent while the Messaging server was down"). One
 * small immutable record, updated after every step from the state before and after it, so the state-space
 * explorer can keep it beside each state and count it as part of that state (a history variable, as in TLA+).
 */
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import type { ModelParameters } from '../../model/parameters';
import { roleOf, someApplicationUp } from '../../model/servers';
import type { StateHasher } from '../state-space/encode';
import type { Facts } from './facts';

/** How a history field is kept, keyed and hashed: a list of ids, a list of names, or when each key began. */
type Encoding = 'ids' | 'names' | 'since';
type Decoded<E extends Encoding> = E extends 'ids'
  ? readonly number[]
  : E extends 'names'
    ? readonly string[]
    : Readonly<Record<string, number>>;

/**
 * The one description of the history: each field with how it is encoded. The record type, the empty history,
 * the explorer's state key and its hash all derive from it; a new field is a line here and its update in
 * `nextHistory`.
 */
const FIELDS = {
  /** Chats whose session was live when the Application server failed. */
  liveAtApplicationFailure: 'ids',
  /**
   * Chats live on an Application server when it failed with no other Application server up, while none has been
   * up since: their customers' windows have had no server to answer them ("takes more than a few minutes to
   * return" counts from the failure; another Application server answering tells the window at once instead).
   */
  unansweredSinceApplicationFailure: 'ids',
  /** Agents logged in to a live chat when their Application server failed, who have not logged in since. */
  agentsCutOff: 'names',
  /** When each Application server instance that is down now failed. */
  applicationDownSince: 'since',
  /** Chat messages sent while the Messaging server was down. */
  sentWhileMessagingDown: 'ids',
  /** Chats whose session was live when the Messaging server failed. */
  liveAtMessagingFailure: 'ids',
  /** Agents who have not logged in since the Services server last failed. */
  servicesFailedSinceLogin: 'names',
} as const satisfies Record<string, Encoding>;

type Field = keyof typeof FIELDS;
const FIELD_LIST = Object.entries(FIELDS) as [Field, Encoding][];

export type History = { readonly [F in Field]: Decoded<(typeof FIELDS)[F]> };

export const EMPTY_HISTORY: History = Object.freeze(
  Object.fromEntries(FIELD_LIST.map(([field, encoding]) => [field, encoding === 'since' ? {} : []])) as History,
);

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
  // One action, so at most one of these branches; a field is replaced only when it changes, and the history is
  // the same object when none does (this runs at every step and every explored transition).
  let next: { -readonly [F in Field]: History[F] } | null = null;
  const set = <F extends Field>(field: F, value: History[F]): void => {
    if (next !== null) next[field] = value;
    else if (value !== history[field]) (next = { ...history })[field] = value;
  };
  if (action.type === 'fail') {
    const server = action.server;
    const role = roleOf(server);
    if (role === 'Application' && !before.down.has(server)) {
      const lost: number[] = [];
      for (const s of before.liveSessions) if (s.home === server) lost.push(s.activityId);
      set('liveAtApplicationFailure', union(history.liveAtApplicationFailure, lost));
      if (!someApplicationUp(state.servers)) {
        set('unansweredSinceApplicationFailure', union(history.unansweredSinceApplicationFailure, lost));
      }
      const cut: string[] = [];
      for (const a of before.agentsInLiveChats) if (a.home === server) cut.push(a.agent);
      set('agentsCutOff', union(history.agentsCutOff, cut));
      set('applicationDownSince', withEntry(history.applicationDownSince, server, state.clock));
    } else if (role === 'Messaging' && !before.down.has(server)) {
      const live: number[] = [];
      for (const s of before.liveSessions) live.push(s.activityId);
      set('liveAtMessagingFailure', union(history.liveAtMessagingFailure, live));
    } else if (role === 'Services') {
      set('servicesFailedSinceLogin', union(history.servicesFailedSinceLogin, Object.keys(before.logins)));
    }
  } else if (action.type === 'restore') {
    if (action.server in history.applicationDownSince) {
      set('applicationDownSince', withoutEntry(history.applicationDownSince, action.server));
    }
  } else if (action.type === 'agent-logs-in') {
    const agent = loggedInNow(step);
    if (agent !== null) {
      set('agentsCutOff', without(history.agentsCutOff, agent));
      set('servicesFailedSinceLogin', without(history.servicesFailedSinceLogin, agent));
    }
  }
  if ((next ?? history).unansweredSinceApplicationFailure.length > 0 && someApplicationUp(state.servers)) {
    set('unansweredSinceApplicationFailure', []);
  }
  if (after.messages > before.messages && someMessagingDown(after.down)) {
    const sent: number[] = [];
    for (let id = before.messages; id < after.messages; id++) sent.push(id);
    set('sentWhileMessagingDown', union(history.sentWhileMessagingDown, sent));
  }
  return next ?? history;
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
 * The history as text for the explorer's state key: each field in turn, `|` between them. Times are kept as
 * ages, capped where no law or rule can tell older ages apart (the longest of the model's thresholds).
 */
export function historyKey(history: History, clock: number, horizon: number): string {
  let key = '';
  for (let f = 0; f < FIELD_LIST.length; f++) {
    const [field, encoding] = FIELD_LIST[f]!;
    if (f > 0) key += '|';
    if (encoding === 'since') {
      const since = history[field] as Decoded<'since'>;
      key += Object.entries(since)
        .map(([server, at]) => `${server}@${Math.min(clock - at, horizon)}`)
        .join('.');
    } else key += (history[field] as readonly (number | string)[]).join('.');
  }
  return key;
}

/** What `historyKey` writes, fed to the explorer's hasher instead: each field, then its end. */
export function hashHistory(history: History, clock: number, horizon: number, hasher: StateHasher): void {
  for (let f = 0; f < FIELD_LIST.length; f++) {
    const [field, encoding] = FIELD_LIST[f]!;
    if (encoding === 'ids') for (const id of history[field] as Decoded<'ids'>) hasher.number(id);
    else if (encoding === 'names') for (const name of history[field] as Decoded<'names'>) hasher.text(name);
    else {
      const since = history[field] as Decoded<'since'>;
      for (const key in since) {
        hasher.text(key);
        hasher.number(Math.min(clock - since[key]!, horizon));
      }
    }
    hasher.word(END);
  }
}

const END = -0x7f7f7f7f;

/** The console of the agent who logs in at this step after an Application server outage cut a live chat off. */
export function cutOffAgentLoggingIn(step: LawStep): DeploymentState['consoles'][number] | null {
  const agent = loggedInNow(step);
  if (agent === null || !step.previous.agentsCutOff.includes(agent)) return null;
  return step.state.consoles.find((c) => c.user === agent) ?? null;
}
