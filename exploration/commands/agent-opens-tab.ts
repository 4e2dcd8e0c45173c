/** An agent opens one of the information tabs, as the source does while servers are down. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { INFORMATION_TABS } from '../../model/agent-console';
import type { DeploymentState } from '../../model/state';
import { AGENTS, agentField, consoleOfAgent, type Exploration } from '../exploration';

export function agentOpensTab(state: DeploymentState, tabIndex: number, agentIndex = 0): Action | null {
  const tab = INFORMATION_TABS[tabIndex % INFORMATION_TABS.length]!;
  const console = consoleOfAgent(state, agentIndex);
  if (console.login === 'logged out' || console.tabs[tab]?.state === 'loading') return null;
  return { type: 'agent-opens-tab', tab, ...agentField(agentIndex) };
}

export class AgentOpensTab implements fc.Command<Exploration, Exploration> {
  constructor(
    readonly tabIndex: number,
    readonly agentIndex = 0,
  ) {}

  check(model: Exploration): boolean {
    return agentOpensTab(model.state, this.tabIndex, this.agentIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(agentOpensTab(exploration.state, this.tabIndex, this.agentIndex)!);
  }

  toString(): string {
    const tab = INFORMATION_TABS[this.tabIndex % INFORMATION_TABS.length];
    return `${AGENTS[this.agentIndex % AGENTS.length]} opens the ${tab} tab`;
  }
}
