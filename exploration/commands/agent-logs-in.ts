/** The agent logs in (again), unless already logged in. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { theConsole, type DeploymentState } from '../../model/state';
import { AGENT, type Exploration } from '../exploration';

export function agentLogsIn(state: DeploymentState): Action | null {
  return theConsole(state).login === 'logged in' ? null : { type: 'agent-logs-in', agent: AGENT };
}

export class AgentLogsIn implements fc.Command<Exploration, Exploration> {
  check(model: Exploration): boolean {
    return agentLogsIn(model.state) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentLogsIn(exploration.state)!);
  }

  toString(): string {
    return `${AGENT} logs in`;
  }
}
