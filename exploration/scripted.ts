/**
 * The scripted steps of the exhaustive phase and the order-sensitivity check: both sides speaking between fault
 * events, the agent logging out and in again, an email, a completed chat. Each reads the state to decide what its
 * step means now (send, or start a new chat). The random phase draws from the whole action table instead
 * (exploration/random-commands.ts).
 */
import type { Action } from '../model/actions';
import { FAILING_SERVERS, type Server } from '../model/servers';
import type { DeploymentState } from '../model/state';
import { AGENTS, CUSTOMERS, agentField, consoleOfAgent } from './exploration';

export const CUSTOMER_LINES: readonly string[] = ['Hello?', 'Are you there?', 'Hi! Looks like we are connected again!'];
export const AGENT_LINES: readonly string[] = ['Hello', 'Are you there?', 'Hello?'];
export const EMAIL_SUBJECTS: readonly string[] = ['test2', 'test3'];
export const GAPS_IN_SECONDS: readonly number[] = [10, 60, 120, 180, 240, 300, 600];

/** The three servers the source fails come first, then Web, Database and a second Application server. */
export const FUZZED_SERVERS: readonly Server[] = [...FAILING_SERVERS, 'Web', 'Database', 'Application 2'];

/** A customer types into the chat window: a message while in session, otherwise a new chat. */
export function customerWrites(state: DeploymentState, customerIndex: number, lineIndex: number): Action {
  const address = CUSTOMERS[customerIndex % CUSTOMERS.length]!;
  const text = CUSTOMER_LINES[lineIndex % CUSTOMER_LINES.length]!;
  // The first customer is "the customer" of the source's scenarios; plans name only the others.
  const customer = address === CUSTOMERS[0] ? {} : { customer: address };
  const window = state.windows.find((w) => w.address === address);
  return window?.state === 'in session'
    ? { type: 'customer-sends', ...customer, text }
    : { type: 'customer-starts-chat', ...customer, question: text };
}

/** An agent types into the first chat of their chat list; `null` when there is none to write into. */
export function agentWrites(state: DeploymentState, lineIndex: number, agentIndex = 0): Action | null {
  const console = consoleOfAgent(state, agentIndex);
  if (console.login === 'logged out' || console.chats.length === 0) return null;
  return { type: 'agent-sends', text: AGENT_LINES[lineIndex % AGENT_LINES.length]!, ...agentField(agentIndex) };
}

/** An agent logs in (again), unless already logged in. */
export function agentLogsIn(state: DeploymentState, agentIndex = 0): Action | null {
  if (consoleOfAgent(state, agentIndex).login === 'logged in') return null;
  return { type: 'agent-logs-in', agent: AGENTS[agentIndex % AGENTS.length]! };
}

/** An agent logs out, as the source tells an agent to after a Services server failure. */
export function agentLogsOut(state: DeploymentState, agentIndex = 0): Action | null {
  if (consoleOfAgent(state, agentIndex).login === 'logged out') return null;
  return { type: 'agent-logs-out', ...agentField(agentIndex) };
}

/** An agent completes the first chat of their chat list. */
export function agentCompletesChat(state: DeploymentState, agentIndex = 0): Action | null {
  const console = consoleOfAgent(state, agentIndex);
  if (console.login === 'logged out' || console.chats.length === 0) return null;
  return { type: 'agent-completes-chat', ...agentField(agentIndex) };
}

/** An email arrives for the agent's queue, as in the source's Services server scenarios. */
export function emailArrives(subjectIndex: number): Action {
  return {
    type: 'email-arrives',
    from: 'testcust@dslab.cisco.com',
    to: 'eim@dslab.cisco.com',
    subject: EMAIL_SUBJECTS[subjectIndex % EMAIL_SUBJECTS.length]!,
    sent: '7/11/2011 2:03:58 PM',
  };
}

/** A server fails if it is up, is restored if it is down, and joins the deployment if it is not there yet. */
export function toggleServer(state: DeploymentState, serverIndex: number): Action {
  const server = FUZZED_SERVERS[serverIndex % FUZZED_SERVERS.length]!;
  const up = state.servers[server];
  if (up === undefined) return { type: 'server-joins', server };
  return up ? { type: 'fail', server } : { type: 'restore', server };
}
