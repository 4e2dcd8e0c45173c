/** Which agent console an agent's action acts on, shared by the agent's action modules. */
import { closedConsole, type AgentConsole } from '../agent-console';
import type { Runtime } from '../runtime';
import { consoleOf } from '../state';

const NONE: AgentConsole = closedConsole('');

/** The console of the named agent, or the first agent's when none is named; a closed one if there is none yet. */
export function consoleFor(rt: Runtime, agent: string | undefined): AgentConsole {
  if (agent === undefined) return rt.state.consoles[0] ?? NONE;
  return consoleOf(rt.state, agent) ?? NONE;
}

/** Why an agent cannot act in the console now (logged out), or `null`. */
export function loggedOut(console: AgentConsole, agent: string | undefined): string | null {
  return console.login === 'logged out' ? `${agent ?? 'the agent'} is logged out of the agent console` : null;
}
