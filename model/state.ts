/**
 * The whole state of a deployment as plain data: no classes, no functions, no Maps, so that it can be copied
 * with `structuredClone`, compared or hashed as JSON, and read by the invariants without a copy. The rules and
 * the actions change it; nothing else does.
 */
import { closedConsole, type AgentConsole, type ConsoleChat } from './agent-console';
import type { ChatMessage, ChatSession } from './chat-session';
import type { Seconds } from './clock';
import type { CustomerWindow } from './customer-window';
import { emptyDatabase, findActivity, type DatabaseState } from './database';
import { allServersUp, type ServerAvailability } from './servers';

/** The customer the source's scenarios follow; plans name every other customer by address. */
export const DEFAULT_CUSTOMER = { address: 'customer@awesome.com', name: 'Customer' } as const;

export interface Email {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly sent: string;
  readonly caseId?: number;
}

export interface State {
  clock: Seconds;
  /** Every server instance of the deployment, up or down. */
  servers: ServerAvailability;
  db: DatabaseState;
  sessions: ChatSession[];
  windows: CustomerWindow[];
  /** One console per agent who has ever logged in, in that order; the first is "the agent"'s. */
  consoles: AgentConsole[];
  /** Emails waiting on the mail server for the Services server to retrieve them. */
  mailbox: Email[];
  emails: Record<number, Email>;
  messages: ChatMessage[];
}

/** What `inspect()` exposes: the state, read-only all the way down. */
export type DeploymentState = DeepReadonly<State>;

export function initialState(): State {
  return {
    clock: 0,
    servers: allServersUp(),
    db: emptyDatabase(),
    sessions: [],
    windows: [],
    consoles: [],
    mailbox: [],
    emails: {},
    messages: [],
  };
}

/** The console "the agent" means: the first agent's, or a closed one before anyone has logged in. */
export function theConsole(state: DeploymentState): DeepReadonly<AgentConsole> {
  return state.consoles[0] ?? CLOSED;
}

const CLOSED: DeepReadonly<AgentConsole> = Object.freeze(closedConsole(''));

/** The console of the agent `user`, if that agent has ever logged in. */
export function consoleOf<S extends DeploymentState | State>(
  state: S,
  user: string,
): S['consoles'][number] | undefined {
  for (const console of state.consoles) if (console.user === user) return console;
  return undefined;
}

export function windowOf<S extends DeploymentState | State>(
  state: S,
  customer: string | undefined,
): S['windows'][number] | undefined {
  const address = customer ?? DEFAULT_CUSTOMER.address;
  for (const window of state.windows) if (window.address === address) return window;
  return undefined;
}

/** The window showing chat `activityId` while it is in session. */
export function windowInSession<S extends DeploymentState | State>(
  state: S,
  activityId: number,
): S['windows'][number] | undefined {
  for (const window of state.windows)
    if (window.activityId === activityId && window.state === 'in session') return window;
  return undefined;
}

export function sessionOf<S extends DeploymentState | State>(
  state: S,
  activityId: number,
): S['sessions'][number] | undefined {
  for (const session of state.sessions) if (session.activityId === activityId) return session;
  return undefined;
}

/** The chat of `console` with `customer`, or the first of its chat list (by key) when no customer is named. */
export function consoleChatOf(
  state: State,
  console: AgentConsole,
  customer: string | undefined,
): ConsoleChat | undefined {
  const chats = console.chats;
  if (customer === undefined) return [...chats].sort((a, b) => a.key - b.key)[0];
  return chats.find((chat) => findActivity(state.db, chat.activityId)!.contact_point_data === customer);
}

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
