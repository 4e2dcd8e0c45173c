/**
 * What the invariants and laws features read of the run's exploration, as plain data: the report, and for each
 * invariant or law found broken the counterexample already explained and written out. Plain data crosses a
 * worker thread's boundary (steps/support/exploration_run.ts runs the exploration beside the other scenarios).
 */
import { explain, formatCounterexample } from './counterexample';
import type { Exploration } from './explore';
import type { InvariantViolation } from './invariants';
import type { OrderSensitivity } from './order-sensitivity';
import type { ExplorationReport, StateSpaceReport } from './report';

export interface BrokenProperty {
  /** The invariant's or law's id. */
  readonly id: string;
  /** The counterexample as people read it: the shrunk plan, the states around the step, the three replays. */
  readonly counterexample: string;
}

export interface ExplorationFindings {
  readonly report: ExplorationReport;
  /** Each broken invariant once: its first violation in the exhaustive phase, else the random phase's. */
  readonly broken: readonly BrokenProperty[];
  /** An error of the random phase that was not an invariant (a crash or a refused step). */
  readonly crash: string | null;
  readonly knownDefectPlans: number;
  readonly orderSensitivity: readonly OrderSensitivity[];
  readonly stateSpace: {
    readonly report: StateSpaceReport;
    /** Each state-space run's shortest counterexample, if it found one. */
    readonly broken: readonly BrokenProperty[];
  };
}

export function findingsOf(exploration: Exploration): ExplorationFindings {
  const { exhaustive, random, stateSpace } = exploration;
  const first = new Map<string, InvariantViolation>();
  for (const violation of exhaustive.violations)
    if (!first.has(violation.invariant.id)) first.set(violation.invariant.id, violation);
  const fromRandom = random.counterexample?.violation;
  if (fromRandom && !first.has(fromRandom.invariant.id)) first.set(fromRandom.invariant.id, fromRandom);
  const broken = [...first].map(([id, violation]) => ({
    id,
    counterexample: formatCounterexample(explain(violation)),
  }));
  return {
    report: exploration.report,
    broken,
    crash: random.crash,
    knownDefectPlans: exhaustive.knownDefectPlans,
    orderSensitivity: exploration.orderSensitivity,
    stateSpace: {
      report: stateSpace.report,
      broken: stateSpace.runs.flatMap(({ counterexample }) =>
        counterexample
          ? [{ id: counterexample.violation.invariant.id, counterexample: formatCounterexample(counterexample) }]
          : [],
      ),
    },
  };
}
