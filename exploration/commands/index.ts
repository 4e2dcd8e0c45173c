/**
 * The registry of the random phase's commands. Faults are weighted so that plans are mostly failures and
 * restorations with traffic and time between; every parameter is an index taken modulo its list, so shrinking
 * never makes a command invalid.
 */
import fc from 'fast-check';
import type { Exploration } from '../exploration';
import { AgentCompletesChat } from './agent-completes-chat';
import { AgentLogsIn } from './agent-logs-in';
import { AgentLogsOut } from './agent-logs-out';
import { AgentOpensTab } from './agent-opens-tab';
import { AgentWrites } from './agent-writes';
import { CustomerWrites } from './customer-writes';
import { EmailArrives } from './email-arrives';
import { TimePasses } from './time-passes';
import { ToggleServer } from './toggle-server';

export type ExplorationCommand = fc.Command<Exploration, Exploration>;

export function explorationCommands(): fc.Arbitrary<ExplorationCommand>[] {
  const index = fc.nat({ max: 0xffff });
  return [
    fc.oneof(
      // The source's three servers, uniformly: each next fault event is equally likely to concern any of them.
      { weight: 9, arbitrary: fc.nat({ max: 2 }).map((i): ExplorationCommand => new ToggleServer(i)) },
      { weight: 1, arbitrary: fc.integer({ min: 3, max: 4 }).map((i): ExplorationCommand => new ToggleServer(i)) },
      { weight: 4, arbitrary: index.map((i): ExplorationCommand => new TimePasses(i)) },
      {
        weight: 4,
        arbitrary: fc.tuple(index, index).map(([c, l]): ExplorationCommand => new CustomerWrites(c, l)),
      },
      { weight: 3, arbitrary: index.map((i): ExplorationCommand => new AgentWrites(i)) },
      { weight: 1, arbitrary: fc.constant<ExplorationCommand>(new AgentCompletesChat()) },
      { weight: 2, arbitrary: fc.constant<ExplorationCommand>(new AgentLogsIn()) },
      { weight: 1, arbitrary: fc.constant<ExplorationCommand>(new AgentLogsOut()) },
      { weight: 1, arbitrary: index.map((i): ExplorationCommand => new AgentOpensTab(i)) },
      { weight: 1, arbitrary: index.map((i): ExplorationCommand => new EmailArrives(i)) },
    ),
  ];
}
