/**
 * The exhaustive phase: every ordering of one failure and one restoration of each of the Application, Services
 * and Messaging servers (6!/2³ = 90), every proper prefix of them (outages that last), and every subset of the
 * three servers down at once, each with chat traffic and time between events, with a quick and a slow gap.
 */
import type { Action } from '../model/actions';
import { FAILING_SERVERS, type Server } from '../model/servers';
import { DEFAULT_PARAMETERS, type ModelParameters } from '../model/parameters';
import { newDeployment, type DeploymentFactory } from '../plans/interpreter';
import { agentCompletesChat } from './commands/agent-completes-chat';
import { agentLogsIn } from './commands/agent-logs-in';
import { agentLogsOut } from './commands/agent-logs-out';
import { agentWrites } from './commands/agent-writes';
import { customerWrites } from './commands/customer-writes';
import { emailArrives } from './commands/email-arrives';
import { CoverageLedger, ORDERINGS_TOTAL, SERVER_STATES_TOTAL } from './coverage';
import { Exploration, PREMISE, newTally, type ExplorationTally } from './exploration';
import { InvariantViolation } from './invariants';

export type FaultEvent = Extract<Action, { type: 'fail' | 'restore' }>;

/** All sequences of the six fault events in which each server fails before it is restored. */
export function failureOrderings(servers: readonly Server[] = FAILING_SERVERS): FaultEvent[][] {
  const orderings: FaultEvent[][] = [];
  const extend = (sequence: FaultEvent[], failed: Set<Server>, restored: Set<Server>): void => {
    if (restored.size === servers.length) orderings.push(sequence);
    for (const server of servers) {
      if (!failed.has(server)) {
        extend([...sequence, { type: 'fail', server }], new Set([...failed, server]), restored);
      } else if (!restored.has(server)) {
        extend([...sequence, { type: 'restore', server }], failed, new Set([...restored, server]));
      }
    }
  };
  extend([], new Set(), new Set());
  return orderings;
}

/** The distinct proper, non-empty prefixes of `orderings`: the outages that have not ended yet. */
export function properPrefixes(orderings: readonly FaultEvent[][]): FaultEvent[][] {
  const seen = new Map<string, FaultEvent[]>();
  for (const ordering of orderings) {
    for (let length = 1; length < ordering.length; length++) {
      const prefix = ordering.slice(0, length);
      seen.set(JSON.stringify(prefix), prefix);
    }
  }
  return [...seen.values()];
}

/** Every subset of the three servers, from none to all. */
export function serverSubsets(servers: readonly Server[] = FAILING_SERVERS): Server[][] {
  return Array.from({ length: 2 ** servers.length }, (_, mask) => servers.filter((_, i) => mask & (1 << i)));
}

/** A quick gap, well inside every threshold, and a slow one, beyond every threshold of the model. */
export function gaps(parameters: ModelParameters = DEFAULT_PARAMETERS): readonly number[] {
  return [10, Math.max(...Object.values(parameters)) + 60];
}

export interface ExhaustiveResult {
  readonly orderingsChecked: number;
  readonly orderingsTotal: number;
  readonly prefixesChecked: number;
  readonly subsetsChecked: number;
  readonly plansChecked: number;
  readonly serverStatesVisited: number;
  readonly serverStatesTotal: number;
  readonly stepsExecuted: number;
  readonly milliseconds: number;
  readonly knownDefectPlans: number;
  readonly ledger: CoverageLedger;
  /** The first violation of each plan that broke an invariant. */
  readonly violations: readonly InvariantViolation[];
}

/**
 * Both sides speak: on even turns the customer writes (or starts a new chat), then the agent answers if there is
 * a chat. The customer stays silent on odd turns, so outages in which only the restoration can tell the customer
 * that the session was lost are explored too (a customer who writes learns it at once).
 */
function traffic(exploration: Exploration, turn: number): void {
  if (turn % 2 === 0) exploration.step(customerWrites(exploration.state, 0, turn));
  const answer = agentWrites(exploration.state, turn);
  if (answer) exploration.step(answer);
}

/** After everything is back: the agent logs in again and both old and new work flows. */
function aftermath(exploration: Exploration, gap: number): void {
  const out = agentLogsOut(exploration.state);
  if (out) exploration.step(out);
  exploration.step(agentLogsIn(exploration.state)!);
  traffic(exploration, 0);
  exploration.step(emailArrives(0));
  exploration.step({ type: 'wait', seconds: gap });
  const complete = agentCompletesChat(exploration.state);
  if (complete) exploration.step(complete);
  traffic(exploration, 1);
  exploration.step({ type: 'wait', seconds: gap });
  exploration.step({ type: 'wait', seconds: longGap(exploration) }); // past every threshold, whatever the gap
}

function longGap(exploration: Exploration): number {
  return gaps(exploration.deployment.parameters)[1]!;
}

export function exploreExhaustively(factory: DeploymentFactory = newDeployment): ExhaustiveResult {
  const started = performance.now();
  const ledger = new CoverageLedger();
  const tally: ExplorationTally = newTally();
  const violations: InvariantViolation[] = [];
  const parameters = factory().parameters;
  const explore = (build: (exploration: Exploration) => void): void => {
    const exploration = new Exploration(ledger, tally, factory);
    try {
      exploration.run(PREMISE);
      build(exploration);
      exploration.finish();
    } catch (error) {
      if (!(error instanceof InvariantViolation)) throw error;
      violations.push(error);
    }
  };
  const outage = (exploration: Exploration, events: readonly FaultEvent[], gap: number): void => {
    events.forEach((event, turn) => {
      exploration.step(event);
      traffic(exploration, turn);
      exploration.step({ type: 'wait', seconds: gap });
    });
  };

  const orderings = failureOrderings();
  const prefixes = properPrefixes(orderings);
  const subsets = serverSubsets();
  for (const gap of gaps(parameters)) {
    for (const ordering of orderings)
      explore((exploration) => (outage(exploration, ordering, gap), aftermath(exploration, gap)));
    for (const prefix of prefixes) {
      explore((exploration) => {
        outage(exploration, prefix, gap);
        exploration.step({ type: 'wait', seconds: longGap(exploration) });
        traffic(exploration, 2);
        exploration.step({ type: 'wait', seconds: longGap(exploration) });
      });
    }
  }
  const slowGap = gaps(parameters)[1]!;
  for (const subset of subsets) {
    explore((exploration) => {
      for (const server of subset) exploration.step({ type: 'fail', server });
      traffic(exploration, 0);
      exploration.step({ type: 'wait', seconds: slowGap });
      traffic(exploration, 1);
      for (const server of subset) exploration.step({ type: 'restore', server });
      aftermath(exploration, slowGap);
    });
  }
  return {
    orderingsChecked: ledger.orderings.size,
    orderingsTotal: ORDERINGS_TOTAL,
    prefixesChecked: prefixes.length,
    subsetsChecked: subsets.length,
    plansChecked: tally.plans,
    serverStatesVisited: ledger.serverStates.size,
    serverStatesTotal: SERVER_STATES_TOTAL,
    stepsExecuted: tally.steps,
    milliseconds: performance.now() - started,
    knownDefectPlans: tally.knownDefectPlans,
    ledger,
    violations,
  };
}
