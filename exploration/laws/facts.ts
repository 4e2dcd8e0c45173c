/**
 * A few derived facts about one state, computed once per state and read by every law and by the history
 * (./history.ts). Facts are immutable values: the facts of a state lend every part that is still the same
 * to the next state's, so a step that changes little allocates little.
 */
import type { DeploymentState } from '../../model/state';
import type { LoginState } from '../../model/agent-console';

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
