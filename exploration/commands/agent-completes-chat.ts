/** An agent completes the first chat of their chat list. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import { AGENTS, agentField, consoleOfAgent, type Exploration } from '../exploration';

export function agentCompletesChat(state: DeploymentState, agentIndex = 0): Action | null {
  const console = consoleOfAgent(state, agentIndex);
  if (console.login === 'logged out' || console.chats.length === 0) return null;
  return { type: 'agent-completes-chat', ...agentField(agentIndex) };
}

export class AgentCompletesChat implements fc.Command<Exploration, Exploration> {
  constructor(readonly agentIndex = 0) {}

  check(model: Exploration): boolean {
    return agentCompletesChat(model.state, this.agentIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentCompletesChat(exploration.state, this.agentIndex)!);
  }

  toString(): string {
    return `${AGENTS[this.agentIndex % AGENTS.length]} completes the chat`;
  }
}
