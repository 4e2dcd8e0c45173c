/**
 * The bounds of the state-space exploration: how many times each thing may happen in one plan. Every plan of
 * the model within these bounds is explored, from an empty deployment. Time moves only to the next moment a
 * threshold of the model passes (the only moments at which anything changes by itself) or by one of a few
 * fixed steps (a quick return well inside every threshold), so no timing the model can tell apart is skipped.
 */
import type { Action } from '../../model/actions';
import { SERVERS, type Server } from '../../model/servers';
import { AGENTS } from './actors';

export interface Bounds {
  /**
   * The server instances that fail and are restored, each at most `failuresPerServer` times. An instance the
   * source's deployment does not have ("Application 2") joins it before the first explored step.
   */
  readonly servers: readonly Server[];
  readonly failuresPerServer: number;
  /** Times the clock moves on (to the next threshold, or by one of `waitSteps`). */
  readonly waits: number;
  /** Fixed steps of time, in seconds, besides "until the next threshold passes". */
  readonly waitSteps: readonly number[];
  /** Chat messages typed, by both sides together (a new chat's question counts as one). */
  readonly messages: number;
  readonly logins: number;
  /** Agents who may log in (JDoe, then DMarino). */
  readonly agents: number;
  readonly logouts: number;
  readonly emails: number;
  /** Information tabs opened. */
  readonly tabs: number;
  /** Customers who may start chats; each starts at most `chatsPerCustomer`. */
  readonly customers: number;
  readonly chatsPerCustomer: number;
  /** Chats the agent completes. */
  readonly completions: number;
  /** Chat windows customers close. */
  readonly closes: number;
  /** Chats agents transfer back to the queue. */
  readonly transfers: number;
  /** Breadth-first levels at most (plans of at most this many steps); `null` for no limit but the counts above. */
  readonly depth: number | null;
}

/**
 * The counts of `npm test`: time moving only to the next threshold (at most twice), two messages, a second login
 * and one logout: enough for every law's premise to hold somewhere. `npm test` explores each server's outages on
 * its own (a few thousand states).
 */
export const TEST_BOUNDS: Bounds = Object.freeze<Bounds>({
  servers: ['Application', 'Services', 'Messaging'],
  failuresPerServer: 1,
  waits: 2,
  waitSteps: [],
  messages: 2,
  logins: 2,
  agents: 1,
  logouts: 1,
  emails: 0,
  tabs: 0,
  customers: 1,
  chatsPerCustomer: 1,
  completions: 0,
  closes: 0,
  transfers: 0,
  depth: null,
});

/**
 * Two Application servers ("Application 2" joins the deployment first), each failing once: which instance fails,
 * holding the agent's login or the chat or neither (the second login and a chat after a failure land on the
 * other). `npm test` explores it beside the three single servers, with one move of time, one message and no
 * logout (588 states).
 */
export const TWO_APPLICATION_TEST_BOUNDS: Bounds = Object.freeze<Bounds>({
  ...TEST_BOUNDS,
  servers: ['Application', 'Application 2'],
  waits: 1,
  messages: 1,
  logouts: 0,
});

/**
 * The three servers of the source failing together while the agent, logged in once with a chat under way (two
 * messages: the customer's question and the agent's answer), opens one information tab (any of them) and time
 * moves once: the only states in which tabs fail to load and the agent desktop times out with more than one
 * server down, which scenarios check (the claims' witnesses, exploration/claim-situations.ts). Plans of at most 8
 * steps, the shortest that get there, so that `npm test` explores it beside the others (about 15,500 states).
 */
export const TABS_TEST_BOUNDS: Bounds = Object.freeze<Bounds>({
  ...TEST_BOUNDS,
  waits: 1,
  logins: 1,
  logouts: 0,
  tabs: 1,
  depth: 8,
});

/**
 * `npm run explore`: the three servers of the source failing and coming back together, in any order and at any
 * moment (64,469 states on 7 December; 46,358 on 7f9e760, before its waits also stopped where a customer blocked by
 * the Messaging server hears of connection issues and the model gained the transfer and window-closing actions).
 * Its own counts, so that raising the test bounds leaves it as it is; today they are the test bounds' counts.
 */
export const DEFAULT_BOUNDS: Bounds = Object.freeze<Bounds>({
  servers: ['Application', 'Services', 'Messaging'],
  failuresPerServer: 1,
  waits: 2,
  waitSteps: [],
  messages: 2,
  logins: 2,
  agents: 1,
  logouts: 1,
  emails: 0,
  tabs: 0,
  customers: 1,
  chatsPerCustomer: 1,
  completions: 0,
  closes: 0,
  transfers: 0,
  depth: null,
});

/**
 * The nightly job's deeper bounds, split across machines: a second Application server and Web and Database
 * fail too, a quick return (10 s), a completed chat, an email, a tab, a third message, a second chat and a
 * second agent (DMarino).
 */
export const DEEP_BOUNDS: Bounds = Object.freeze<Bounds>({
  ...DEFAULT_BOUNDS,
  completions: 1,
  closes: 1,
  transfers: 1,
  servers: ['Application', 'Application 2', 'Services', 'Messaging', 'Web', 'Database'],
  waits: 3,
  waitSteps: [10],
  messages: 3,
  agents: 2,
  logins: 3,
  emails: 1,
  tabs: 1,
  chatsPerCustomer: 2,
});

/** The bounds `npm run explore` takes by name (the test bounds run one server at a time, inside `npm test`). */
export const NAMED_BOUNDS: Readonly<Record<string, Bounds>> = {
  default: DEFAULT_BOUNDS,
  deep: DEEP_BOUNDS,
};

export function describeBounds(bounds: Bounds): string[] {
  const joining = setupOf(bounds).map((step) => (step.type === 'server-joins' ? step.server : ''));
  return [
    ...(joining.length ? [`deployment: the source's, with ${joining.join(', ')} joining it first`] : []),
    `servers failing and restored: ${bounds.servers.join(', ')} (each at most ${bounds.failuresPerServer} time${bounds.failuresPerServer === 1 ? '' : 's'})`,
    `time: at most ${bounds.waits} move${bounds.waits === 1 ? '' : 's'}, each to the next moment a threshold passes${
      bounds.waitSteps.length ? ` or by ${bounds.waitSteps.map((s) => `${s} s`).join(', ')}` : ''
    }`,
    `agents: ${AGENTS.slice(0, bounds.agents).join(', ')}; messages: ${bounds.messages}; logins: ${bounds.logins}; logouts: ${bounds.logouts}; emails: ${bounds.emails}; tabs: ${bounds.tabs}`,
    `customers: ${bounds.customers}, each starting at most ${bounds.chatsPerCustomer} chat${bounds.chatsPerCustomer === 1 ? '' : 's'}; completions: ${bounds.completions}; windows closed: ${bounds.closes}; transfers back to the queue: ${bounds.transfers}`,
    `depth: ${bounds.depth === null ? 'no limit but the counts above' : `at most ${bounds.depth} steps`}`,
  ];
}

/** The steps that set up the deployment the bounds explore: every instance beyond the source's joins it. */
export function setupOf(bounds: Bounds): Action[] {
  return bounds.servers
    .filter((server) => !(SERVERS as readonly string[]).includes(server))
    .map((server) => ({ type: 'server-joins', server }));
}
