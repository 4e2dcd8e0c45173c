/**
 * The registry of the random phase's commands. Faults are weighted so that plans are mostly failures and
 * restorations with traffic and time between; every parameter is an index taken modulo its list, so shrinking
 * never makes a command invalid.
 */
import fc from 'fast-check';
import { AGENTS, type Exploration } from '../exploration';
import { AgentCompletesChat } from './agent-completes-chat';
import { AgentLogsIn } from './agent-logs-in';
import { AgentLogsOut } from './agent-logs-out';
import { AgentOpensTab } from './agent-opens-tab';
import { AgentWrites } from './agent-writes';
import { CustomerClosesWindow } from './customer-closes-window';
import { CustomerWrites } from './customer-writes';
import { EmailArrives } from './email-arrives';
import { TimePasses } from './time-passes';
import { ToggleServer } from './toggle-server';

export type ExplorationCommand = fc.Command<Exploration, Exploration>;

export function explorationCommands(): fc.Arbitrary<ExplorationCommand>[] {
  const index = fc.nat({ max: 0xffff });
  const agent = fc.nat({ max: AGENTS.length - 1 });
  return [
    fc.oneof(
      // The source's three servers, uniformly: each next fault event is equally likely to concern any of them.
      { weight: 9, arbitrary: fc.nat({ max: 2 }).map((i): ExplorationCommand => new ToggleServer(i)) },
      // Web, Database, and a second Application server (joining, failing, coming back).
      { weight: 2, arbitrary: fc.integer({ min: 3, max: 5 }).map((i): ExplorationCommand => new ToggleServer(i)) },
      { weight: 4, arbitrary: index.map((i): ExplorationCommand => new TimePasses(i)) },
      {
        weight: 4,
        arbitrary: fc.tuple(index, index).map(([c, l]): ExplorationCommand => new CustomerWrites(c, l)),
      },
      { weight: 3, arbitrary: fc.tuple(index, agent).map(([i, a]): ExplorationCommand => new AgentWrites(i, a)) },
      { weight: 1, arbitrary: agent.map((a): ExplorationCommand => new AgentCompletesChat(a)) },
      { weight: 2, arbitrary: agent.map((a): ExplorationCommand => new AgentLogsIn(a)) },
      { weight: 1, arbitrary: agent.map((a): ExplorationCommand => new AgentLogsOut(a)) },
      { weight: 1, arbitrary: fc.tuple(index, agent).map(([i, a]): ExplorationCommand => new AgentOpensTab(i, a)) },
      { weight: 1, arbitrary: index.map((i): ExplorationCommand => new EmailArrives(i)) },
      { weight: 1, arbitrary: index.map((i): ExplorationCommand => new CustomerClosesWindow(i)) },
    ),
  ];
}
