/** An agent types into the first chat of their chat list. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import { AGENTS, agentField, consoleOfAgent, type Exploration } from '../exploration';

export const AGENT_LINES: readonly string[] = ['Hello', 'Are you there?', 'Hello?'];

/** `null` when the agent has no chat to write into. */
export function agentWrites(state: DeploymentState, lineIndex: number, agentIndex = 0): Action | null {
  const console = consoleOfAgent(state, agentIndex);
  if (console.login === 'logged out' || console.chats.length === 0) return null;
  return { type: 'agent-sends', text: AGENT_LINES[lineIndex % AGENT_LINES.length]!, ...agentField(agentIndex) };
}

export class AgentWrites implements fc.Command<Exploration, Exploration> {
  constructor(
    readonly lineIndex: number,
    readonly agentIndex = 0,
  ) {}

  check(model: Exploration): boolean {
    return agentWrites(model.state, this.lineIndex, this.agentIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentWrites(exploration.state, this.lineIndex, this.agentIndex)!);
  }

  toString(): string {
    return `${AGENTS[this.agentIndex % AGENTS.length]} sends "${AGENT_LINES[this.lineIndex % AGENT_LINES.length]}"`;
  }
}
