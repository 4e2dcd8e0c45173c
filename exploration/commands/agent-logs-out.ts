/** An agent logs out, as the source tells an agent to after a Services server failure. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import { AGENTS, agentField, consoleOfAgent, type Exploration } from '../exploration';

export function agentLogsOut(state: DeploymentState, agentIndex = 0): Action | null {
  if (consoleOfAgent(state, agentIndex).login === 'logged out') return null;
  return { type: 'agent-logs-out', ...agentField(agentIndex) };
}

export class AgentLogsOut implements fc.Command<Exploration, Exploration> {
  constructor(readonly agentIndex = 0) {}

  check(model: Exploration): boolean {
    return agentLogsOut(model.state, this.agentIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentLogsOut(exploration.state, this.agentIndex)!);
  }

  toString(): string {
    return `${AGENTS[this.agentIndex % AGENTS.length]} logs out`;
  }
}
