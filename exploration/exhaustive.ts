/**
 * The exhaustive phase: every ordering of one failure and one restoration of each of the Application, Services
 * and Messaging servers (6!/2³ = 90), every proper prefix of them (outages that last), and every subset of the
 * three servers down at once, each with chat traffic and time between events, with a quick and a slow gap.
 */
import type { Action } from '../model/actions';
import { FAILING_SERVERS, type Server } from '../model/servers';
import { DEFAULT_PARAMETERS, type ModelParameters } from '../model/parameters';
import { newDeployment, type DeploymentFactory } from '../plans/interpreter';
import { agentCompletesChat, agentLogsIn, agentLogsOut, agentWrites, customerWrites, emailArrives } from './scripted';
import { CoverageLedger, ORDERINGS_TOTAL, SERVER_STATES_TOTAL } from './coverage';
import { Exploration, PREMISE, newTally, type ExplorationTally } from './exploration';
import { InvariantViolation } from './invariants';
import type { WitnessCounts } from './witnesses';
import type { SituationLog } from './claim-situations';

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
  /** How often each invariant's case came up (exploration/witnesses.ts). */
  readonly witnesses: Readonly<WitnessCounts>;
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

/** One part of a plan, run on the plan's exploration; plans that begin with the same parts run them once. */
type Segment = (exploration: Exploration) => void;

/**
 * Runs every plan, each a list of segments: plans whose first segments are the same (the same functions) run
 * them once, and each different continuation carries on in a fork of the exploration (`Exploration.fork`). What
 * is checked is what running each plan on its own would check, and the tally counts as much: a violation in a
 * shared segment is one for every plan sharing it, and a shared step counts once for each of them. Violations
 * come back in the order of `plans`.
 */
function runSharingPrefixes(
  plans: readonly (readonly Segment[])[],
  begin: () => Exploration,
  tally: ExplorationTally,
): InvariantViolation[] {
  const found: { plan: number; violation: InvariantViolation }[] = [];
  const walk = (members: readonly number[], depth: number, exploration: Exploration): void => {
    const next = new Map<Segment, number[]>();
    for (const plan of members) {
      const segment = plans[plan]![depth]!;
      next.set(segment, [...(next.get(segment) ?? []), plan]);
    }
    const branches = [...next];
    branches.forEach(([segment, sharing], branch) => {
      const own = branch === branches.length - 1 ? exploration : exploration.fork();
      const violated = (violation: unknown): void => {
        if (!(violation instanceof InvariantViolation)) throw violation;
        for (const plan of sharing) found.push({ plan, violation });
        tally.plans += sharing.length - 1; // the plans that would have been forked further down
      };
      const stepsBefore = tally.steps;
      try {
        segment(own);
      } catch (error) {
        violated(error);
        return;
      } finally {
        tally.steps += (sharing.length - 1) * (tally.steps - stepsBefore);
      }
      if (sharing.length > 1) {
        if (sharing.some((plan) => plans[plan]!.length === depth + 1))
          throw new Error('One explored plan is a prefix of another: give each plan an end of its own');
        walk(sharing, depth + 1, own);
      } else if (plans[sharing[0]!]!.length > depth + 1) {
        walk(sharing, depth + 1, own);
      } else {
        try {
          own.finish();
        } catch (error) {
          violated(error);
        }
      }
    });
  };
  walk(
    plans.map((_, i) => i),
    0,
    begin(),
  );
  return found.sort((a, b) => a.plan - b.plan).map((f) => f.violation);
}

/** `situations`: where to note every state's situation, for the claims' witnesses (./claim-situations.ts). */
export function exploreExhaustively(
  factory: DeploymentFactory = newDeployment,
  situations: SituationLog | null = null,
): ExhaustiveResult {
  const started = performance.now();
  const ledger = new CoverageLedger();
  const tally: ExplorationTally = newTally(situations);
  const parameters = factory().parameters;
  const premise: Segment = (exploration) => exploration.run(PREMISE);
  /** The segment for one fault event after `before` and the traffic and time after it, the same object each time. */
  const events = new Map<string, Segment>();
  const outage = (sequence: readonly FaultEvent[], gap: number): Segment[] =>
    sequence.map((event, turn) => {
      const key = JSON.stringify([gap, sequence.slice(0, turn + 1)]);
      let segment = events.get(key);
      if (!segment) {
        segment = (exploration) => {
          exploration.step(event);
          traffic(exploration, turn);
          exploration.step({ type: 'wait', seconds: gap });
        };
        events.set(key, segment);
      }
      return segment;
    });

  const orderings = failureOrderings();
  const prefixes = properPrefixes(orderings);
  const subsets = serverSubsets();
  const plans: Segment[][] = [];
  for (const gap of gaps(parameters)) {
    for (const ordering of orderings)
      plans.push([premise, ...outage(ordering, gap), (exploration) => aftermath(exploration, gap)]);
    for (const prefix of prefixes) {
      plans.push([
        premise,
        ...outage(prefix, gap),
        (exploration) => {
          exploration.step({ type: 'wait', seconds: longGap(exploration) });
          traffic(exploration, 2);
          exploration.step({ type: 'wait', seconds: longGap(exploration) });
        },
      ]);
    }
  }
  const slowGap = gaps(parameters)[1]!;
  for (const subset of subsets) {
    plans.push([
      premise,
      (exploration) => {
        for (const server of subset) exploration.step({ type: 'fail', server });
        traffic(exploration, 0);
        exploration.step({ type: 'wait', seconds: slowGap });
        traffic(exploration, 1);
        for (const server of subset) exploration.step({ type: 'restore', server });
        aftermath(exploration, slowGap);
      },
    ]);
  }
  const violations = runSharingPrefixes(plans, () => new Exploration(ledger, tally, factory), tally);
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
    witnesses: tally.witnesses,
    ledger,
    violations,
  };
}
