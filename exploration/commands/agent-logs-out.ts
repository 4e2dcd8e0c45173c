/** The agent logs out, as the source tells an agent to after a Services server failure. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { theConsole, type DeploymentState } from '../../model/state';
import type { Exploration } from '../exploration';

export function agentLogsOut(state: DeploymentState): Action | null {
  return theConsole(state).login === 'logged out' ? null : { type: 'agent-logs-out' };
}

export class AgentLogsOut implements fc.Command<Exploration, Exploration> {
  check(model: Exploration): boolean {
    return agentLogsOut(model.state) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentLogsOut(exploration.state)!);
  }

  toString(): string {
    return 'the agent logs out';
  }
}
