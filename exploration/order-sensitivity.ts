/**
 * For every set of servers failed together with no time between the failures: does the order of the failures
 * change what the customer and the agent end up seeing? Each order runs the premise, the failures, traffic, a
 * long outage, the restorations in one fixed order and the agent logging in again; what both screens show
 * after the outage and at the end is compared across orders.
 */
import { FAILING_SERVERS, type Server } from '../model/servers';
import { newDeployment, type DeploymentFactory } from '../plans/interpreter';
import { agentLogsIn, agentWrites, customerWrites } from './scripted';
import { CoverageLedger } from './coverage';
import { gaps, serverSubsets } from './exhaustive';
import { Exploration, PREMISE, newTally } from './exploration';
import { InvariantViolation } from './invariants';

export interface OrderSensitivity {
  readonly servers: readonly Server[];
  readonly orderMatters: boolean;
  /** Orders grouped by what the screens end up showing; one group when the order does not matter. */
  readonly groups: readonly (readonly (readonly Server[])[])[];
}

export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** What the customer and the agent see, as one comparable string. */
function seen(exploration: Exploration): string {
  const { customers, console } = exploration.deployment.view();
  return JSON.stringify({ customers, console });
}

/** The start of the key of an order that broke the model (a screens key is JSON, so it cannot start so). */
const BROKEN = 'broken: ';

/**
 * What both screens show after the outage and at the end; for a model that breaks an invariant or a law on the
 * way (the exhaustive and random phases report it), what broke, so the orders are still compared.
 */
function screensAfter(order: readonly Server[], factory: DeploymentFactory): string {
  try {
    return screensAlong(order, factory);
  } catch (error) {
    if (!(error instanceof InvariantViolation)) throw error;
    return `${BROKEN}${error.message}`;
  }
}

function screensAlong(order: readonly Server[], factory: DeploymentFactory): string {
  const exploration = new Exploration(new CoverageLedger(), newTally(), factory).run(PREMISE);
  for (const server of order) exploration.step({ type: 'fail', server });
  const speak = (turn: number): void => {
    exploration.step(customerWrites(exploration.state, 0, turn));
    const answer = agentWrites(exploration.state, turn);
    if (answer) exploration.step(answer);
  };
  speak(0);
  exploration.step({ type: 'wait', seconds: gaps(exploration.deployment.parameters)[1]! });
  const duringOutage = seen(exploration);
  for (const server of FAILING_SERVERS) if (order.includes(server)) exploration.step({ type: 'restore', server });
  const login = agentLogsIn(exploration.state);
  if (login) exploration.step(login);
  speak(1);
  exploration.finish();
  return duringOutage + seen(exploration);
}

export function orderSensitivity(factory: DeploymentFactory = newDeployment): OrderSensitivity[] {
  return serverSubsets()
    .filter((subset) => subset.length >= 2)
    .map((subset) => {
      const groups = new Map<string, Server[][]>();
      for (const order of permutations(subset)) {
        const key = screensAfter(order, factory);
        groups.set(key, [...(groups.get(key) ?? []), order]);
      }
      // An order that broke the model counts as mattering, so the breakage is reported, never compared away.
      const broke = [...groups.keys()].some((key) => key.startsWith(BROKEN));
      return { servers: subset, orderMatters: groups.size > 1 || broke, groups: [...groups.values()] };
    });
}
