/**
 * Both phases and the order-sensitivity report, summed up as the ExplorationReport the invariants feature
 * attaches to the cucumber run for the docs site.
 */
import { newDeployment, type DeploymentFactory } from '../plans/interpreter';
import { exploreExhaustively, type ExhaustiveResult } from './exhaustive';
import type { SituationLog } from './claim-situations';
import { INVARIANT_LIST } from './invariants';
import { orderSensitivity, type OrderSensitivity } from './order-sensitivity';
import { exploreAtRandom, type RandomBudget, type RandomResult } from './random';
import type { ExplorationReport } from './report';
import { exploreSpecificationStateSpace, type SpecificationStateSpace } from './state-space/report';

/** The seed of every fixed-seed run (CI, `npm test`): the day of the source's lab, 2011-07-12. */
export const FIXED_SEED = 20110712;
/** The random budget of the living specification: enough to reach most orderings, small enough for `npm test`. */
export const SPECIFICATION_RUNS = 300;

export interface ExplorationResults {
  readonly exhaustive: ExhaustiveResult;
  readonly random: RandomResult;
  readonly orderSensitivity: readonly OrderSensitivity[];
  readonly stateSpace: SpecificationStateSpace;
  readonly report: ExplorationReport;
  /** The situation of every state the phases visited (./claim-situations.ts), each once. */
  readonly situations: SituationLog;
}

export function explore(
  budget: RandomBudget = { seed: FIXED_SEED, runs: SPECIFICATION_RUNS },
  factory: DeploymentFactory = newDeployment,
): ExplorationResults {
  const situations: SituationLog = new Set();
  const exhaustive = exploreExhaustively(factory, situations);
  const random = exploreAtRandom({ ...budget, factory, situations });
  const orders = orderSensitivity(factory);
  const stateSpace = exploreSpecificationStateSpace(factory, situations);
  return {
    exhaustive,
    random,
    orderSensitivity: orders,
    stateSpace,
    situations,
    report: { ...reportOf(exhaustive, random, orders), stateSpace: stateSpace.report },
  };
}

export function reportOf(
  exhaustive: ExhaustiveResult,
  random: RandomResult,
  orders: readonly OrderSensitivity[],
): ExplorationReport {
  return {
    invariants: INVARIANT_LIST.map((invariant) => ({
      name: invariant.name,
      explanation: invariant.explanation,
      violations:
        exhaustive.violations.filter((v) => v.invariant.id === invariant.id).length +
        (random.counterexample?.violation.invariant.id === invariant.id ? 1 : 0),
      ...(invariant.expectedException && {
        expectedException: {
          ...invariant.expectedException,
          plansMeetingIt: exhaustive.knownDefectPlans + random.knownDefectPlans,
        },
      }),
    })),
    exhaustive: {
      orderingsChecked: exhaustive.orderingsChecked,
      orderingsTotal: exhaustive.orderingsTotal,
      prefixesChecked: exhaustive.prefixesChecked,
      serverStatesVisited: exhaustive.serverStatesVisited,
      serverStatesTotal: exhaustive.serverStatesTotal,
      stepsExecuted: exhaustive.stepsExecuted,
      milliseconds: Math.round(exhaustive.milliseconds),
      plansChecked: exhaustive.plansChecked,
    },
    random: {
      seed: random.seed,
      runs: random.runs,
      stepsExecuted: random.stepsExecuted,
      stepsPerSecond: random.stepsPerSecond,
      ...random.ledger.summary(),
    },
    orderSensitivity: orders.map((order) => ({
      servers: order.servers,
      orderMatters: order.orderMatters,
      groups: order.orderMatters ? order.groups : [],
    })),
  };
}
