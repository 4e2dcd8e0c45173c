/** Which agent console an agent's action acts on, shared by the agent's action modules. */
import { closedConsole, type AgentConsole, type ConsoleChat } from '../agent-console';
import type { Runtime } from '../runtime';
import { consoleReachesApplication } from '../servers';
import { DEFAULT_CUSTOMER, type DeploymentState } from '../state';
import { agentsOf, customerInput, customersOf, type Cast, type ControlFields } from './definition';

const NONE: AgentConsole = closedConsole('');

/** The console of the named agent, or the first agent's when none is named; a closed one if there is none yet. */
export function consoleFor(rt: Runtime, agent: string | undefined): AgentConsole {
  if (agent === undefined) return rt.state.consoles[0] ?? NONE;
  return rt.directory.console(agent) ?? NONE;
}

/** The chat of `console` with `customer`, or the first of its chat list (by key) when no customer is named. */
export function chatOf(rt: Runtime, console: AgentConsole, customer: string | undefined): ConsoleChat | undefined {
  const chats = console.chats;
  if (customer === undefined) return [...chats].sort((a, b) => a.key - b.key)[0];
  return chats.find((chat) => rt.directory.row(chat.activityId)!.contact_point_data === customer);
}

/** Why an agent cannot act in the console now (logged out), or `null`. */
export function loggedOut(console: AgentConsole, agent: string | undefined): string | null {
  return console.login === 'logged out' ? `${agent ?? 'the agent'} is logged out of the agent console` : null;
}

/**
 * Why the console cannot handle activities other than its live chats now, or `null` if it can. The one source
 * of both the refusals of the actions that need it (sending an email reply, taking the next activity) and the
 * greyed-out buttons the console shows, so what a reader sees greyed out is what the model refuses.
 */
export function cannotHandleActivities(state: DeploymentState, console: AgentConsole, agent?: string): string | null {
  const refused = loggedOut(console, agent);
  if (refused) return refused;
  if (console.login === 'session lost')
    return "the agent console's session was lost with its Application server; the agent must log in again";
  if (!consoleReachesApplication(state.servers)) return 'the agent console cannot reach the Application server';
  if (!console.registeredForRouting)
    return 'the agent console cannot handle other activities since the Services server failed; the agent must log out and back in';
  return null;
}

/** The activity id of the email in the console's inbox whose subject is `subject`, or undefined. */
export function inboxEmail(state: DeploymentState, console: AgentConsole, subject: string): number | undefined {
  return console.inbox.find((id) => state.emails[id]?.subject === subject);
}

/** Whom an agent's action on a chat may name: every agent of the cast with every customer (the first of each unnamed). */
export function agentChats(cast: Cast): readonly { readonly agent?: string; readonly customer?: string }[] {
  return agentsOf(cast).flatMap((agent) => customersOf(cast).map((customer) => ({ ...customer, ...agent })));
}

/** The chat the playground's Chat field names: a customer's, or the first of the list when it is empty. */
export function chatField(fields: ControlFields): { customer?: string } {
  return customerInput(fields.chatWith, DEFAULT_CUSTOMER.address);
}
