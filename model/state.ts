/**
 * The whole state of a deployment as plain data: no classes, no functions, no Maps, so that it can be copied
 * with `structuredClone`, compared or hashed as JSON, and read by the invariants without a copy. The rules and
 * the actions change it; nothing else does.
 */
import { closedConsole, type AgentConsole } from './agent-console';
import type { ChatMessage, ChatSession } from './chat-session';
import type { Seconds } from './clock';
import type { CustomerWindow } from './customer-window';
import { emptyDatabase, type DatabaseState, type UserRow } from './database';
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

export function initialState(users?: readonly UserRow[]): State {
  return {
    clock: 0,
    servers: allServersUp(),
    db: emptyDatabase(users),
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

export function sessionOf<S extends DeploymentState | State>(
  state: S,
  activityId: number,
): S['sessions'][number] | undefined {
  for (const session of state.sessions) if (session.activityId === activityId) return session;
  return undefined;
}

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
