/**
 * The state-space exploration the specification runs (the test bounds, one server's outages at a time), summed
 * up for the run's exploration report: its figures, each law with the states its premise held in, the ledger.
 */
import { newDeployment, type DeploymentFactory } from '../../plans/interpreter';
import type { SituationLog } from '../claim-situations';
import { LAWS, addPremiseCounts, newPremiseCounts } from '../laws';
import type { StateSpaceReport } from '../report';
import { TABS_TEST_BOUNDS, TEST_BOUNDS, TWO_APPLICATION_TEST_BOUNDS, describeBounds, type Bounds } from './bounds';
import { exploreStateSpace, type StateSpaceResult } from './explorer';
import { BehaviourLedger } from './ledger';

/**
 * The test bounds, one server at a time (every law's premise holds in some state), then two Application servers
 * failing, then the three servers together with an information tab (where the claims about tabs and the timed-out
 * desktop are witnessed).
 */
export const SPECIFICATION_BOUNDS: readonly Bounds[] = [
  ...TEST_BOUNDS.servers.map((server) => ({ ...TEST_BOUNDS, servers: [server] })),
  TWO_APPLICATION_TEST_BOUNDS,
  TABS_TEST_BOUNDS,
];

export interface SpecificationStateSpace {
  readonly runs: readonly StateSpaceResult[];
  readonly report: StateSpaceReport;
}

/** `situations`: where to note every state's situation, for the claims' witnesses (../claim-situations.ts). */
export function exploreSpecificationStateSpace(
  factory: DeploymentFactory = newDeployment,
  situations?: SituationLog,
): SpecificationStateSpace {
  const runs = SPECIFICATION_BOUNDS.map((bounds) =>
    exploreStateSpace({ bounds, factory, ...(situations && { situations }) }),
  );
  const premises = newPremiseCounts();
  const ledger = new BehaviourLedger();
  for (const run of runs) {
    addPremiseCounts(premises, run.premises);
    ledger.merge(run.ledger.data);
  }
  const broken = runs.flatMap((run) => (run.counterexample ? [run.counterexample.violation.invariant.id] : []));
  return {
    runs,
    report: {
      bounds: [
        `each of ${TEST_BOUNDS.servers.join(', ')} failing and restored on its own, explored separately`,
        ...describeBounds(TEST_BOUNDS).slice(1),
        `and separately, two Application servers: ${describeBounds(TWO_APPLICATION_TEST_BOUNDS).join('; ')}`,
        `and separately, the three servers together with an information tab: ${describeBounds(TABS_TEST_BOUNDS).join('; ')}`,
      ],
      distinctStates: sum(runs.map((r) => r.distinctStates)),
      transitions: sum(runs.map((r) => r.transitions)),
      depthReached: Math.max(...runs.map((r) => r.depthReached)),
      milliseconds: Math.round(sum(runs.map((r) => r.milliseconds))),
      laws: LAWS.map((law) => ({
        id: law.id,
        name: law.name,
        claims: law.claims,
        premise: law.premise,
        conclusion: law.conclusion,
        premiseHeld: premises[law.id] ?? 0,
        violations: broken.filter((id) => id === law.id).length,
      })),
      ledger: ledger.data,
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
