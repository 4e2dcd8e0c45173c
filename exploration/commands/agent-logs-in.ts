/** An agent logs in (again), unless already logged in. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import { AGENTS, consoleOfAgent, type Exploration } from '../exploration';

export function agentLogsIn(state: DeploymentState, agentIndex = 0): Action | null {
  if (consoleOfAgent(state, agentIndex).login === 'logged in') return null;
  return { type: 'agent-logs-in', agent: AGENTS[agentIndex % AGENTS.length]! };
}

export class AgentLogsIn implements fc.Command<Exploration, Exploration> {
  constructor(readonly agentIndex = 0) {}

  check(model: Exploration): boolean {
    return agentLogsIn(model.state, this.agentIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentLogsIn(exploration.state, this.agentIndex)!);
  }

  toString(): string {
    return `${AGENTS[this.agentIndex % AGENTS.length]} logs in`;
  }
}
