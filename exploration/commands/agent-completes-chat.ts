/** The agent completes the first chat of the chat list. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { theConsole, type DeploymentState } from '../../model/state';
import type { Exploration } from '../exploration';

export function agentCompletesChat(state: DeploymentState): Action | null {
  if (theConsole(state).login === 'logged out' || theConsole(state).chats.length === 0) return null;
  return { type: 'agent-completes-chat' };
}

export class AgentCompletesChat implements fc.Command<Exploration, Exploration> {
  check(model: Exploration): boolean {
    return agentCompletesChat(model.state) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentCompletesChat(exploration.state)!);
  }

  toString(): string {
    return 'the agent completes the chat';
  }
}
