/**
 * The determinism invariant's replays: two runs of a plan on fresh deployments that record their trace, the two
 * traces compared step by step, byte for byte. One of them may be the plan's own run, when it recorded its trace.
 */
import type { Action, Plan } from '../model/actions';
import type { Deployment } from '../model/deployment';
import { sameEvents, type TraceEvent } from '../model/trace';
import { PlanRunner } from '../plans/interpreter';

/** The first step at which a replay of `plan` recorded another trace than `recorded`, the run's; `null` if none. */
export function replayOnce(
  plan: Plan,
  recorded: readonly (readonly TraceEvent[])[],
  fresh: () => Deployment,
): Difference | null {
  return firstDifference(
    plan,
    fresh,
    (index) => recorded[index]!,
    (got, had) => `a replay recorded ${got} where the run had ${had}`,
  );
}

/** The first step at which two replays of `plan` recorded different traces, and how; `null` if none did. */
export function replayTwice(plan: Plan, fresh: () => Deployment): Difference | null {
  const first = new PlanRunner(fresh());
  return firstDifference(
    plan,
    fresh,
    (_, action) => first.step(action),
    (got, had) => `one replay recorded ${got} where the other had ${had}`,
  );
}

interface Difference {
  readonly index: number;
  readonly detail: string;
}

/** Replays `plan` on a fresh deployment beside `traceOf` each step, and says where the two first differ. */
function firstDifference(
  plan: Plan,
  fresh: () => Deployment,
  traceOf: (index: number, action: Action) => readonly TraceEvent[],
  says: (got: string, had: string) => string,
): Difference | null {
  const replay = new PlanRunner(fresh());
  for (let index = 0; index < plan.length; index++) {
    const action = plan[index]!;
    const one = traceOf(index, action);
    const other = replay.step(action);
    if (sameEvents(one, other)) continue;
    const had = JSON.stringify(one);
    const got = JSON.stringify(other);
    if (had !== got) return { index, detail: says(got, had) };
  }
  return null;
}
