/** The agent opens one of the information tabs, as the source does while servers are down. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { INFORMATION_TABS } from '../../model/agent-console';
import { theConsole, type DeploymentState } from '../../model/state';
import type { Exploration } from '../exploration';

export function agentOpensTab(state: DeploymentState, tabIndex: number): Action | null {
  const tab = INFORMATION_TABS[tabIndex % INFORMATION_TABS.length]!;
  if (theConsole(state).login === 'logged out' || theConsole(state).tabs[tab]?.state === 'loading') return null;
  return { type: 'agent-opens-tab', tab };
}

export class AgentOpensTab implements fc.Command<Exploration, Exploration> {
  constructor(readonly tabIndex: number) {}

  check(model: Exploration): boolean {
    return agentOpensTab(model.state, this.tabIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentOpensTab(exploration.state, this.tabIndex)!);
  }

  toString(): string {
    return `the agent opens the ${INFORMATION_TABS[this.tabIndex % INFORMATION_TABS.length]} tab`;
  }
}
