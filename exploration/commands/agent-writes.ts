/** The agent types into the first chat of the chat list. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { theConsole, type DeploymentState } from '../../model/state';
import type { Exploration } from '../exploration';

export const AGENT_LINES: readonly string[] = ['Hello', 'Are you there?', 'Hello?'];

/** `null` when the agent has no chat to write into. */
export function agentWrites(state: DeploymentState, lineIndex: number): Action | null {
  if (theConsole(state).login === 'logged out' || theConsole(state).chats.length === 0) return null;
  return { type: 'agent-sends', text: AGENT_LINES[lineIndex % AGENT_LINES.length]! };
}

export class AgentWrites implements fc.Command<Exploration, Exploration> {
  constructor(readonly lineIndex: number) {}

  check(model: Exploration): boolean {
    return agentWrites(model.state, this.lineIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentWrites(exploration.state, this.lineIndex)!);
  }

  toString(): string {
    return `the agent sends "${AGENT_LINES[this.lineIndex % AGENT_LINES.length]}"`;
  }
}
