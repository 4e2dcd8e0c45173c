/**
 * A law: one of the source's claims, generalised from the scenario that illustrates it to every state of every
 * plan. A premise over the history (and the step just taken) says when the claim applies; a conclusion over the
 * state says what must then be true. The state-space explorer checks every law in every state it visits, the
 * random phase after every step, and `Then every invariant holds` in any scenario.
 */
import type { DeploymentState } from '../../model/state';
import type { CheckedProperty } from '../invariants';
import type { LawStep } from './history';

type Window = DeploymentState['windows'][number];

/** `NOT_APPLICABLE` when the premise does not hold; `HOLDS` when it does and so does the conclusion; else what is wrong. */
export type LawVerdict = typeof NOT_APPLICABLE | typeof HOLDS | string;
export const NOT_APPLICABLE = 0;
export const HOLDS = 1;

/**
 * What a step must be for a law's premise to be able to hold at all, as bits a law's `when` combines: each is
 * worked out once per step for every law (`stepConditions`), and a law whose `when` the step does not meet is
 * not applicable there without being asked. A law's `when` must follow from its premise; a unit test checks,
 * step by step over the random phase's plans, that a law never applies where its `when` says it cannot.
 */
export const WHEN = {
  /** The step is an agent's login (a refused or failed one included). */
  login: 1,
  /** The step is a customer's or an agent's chat message, and it added one to the messages. */
  messageSent: 2,
  /** Some chat was live when an Application server failed (the history says which). */
  chatsLiveAtApplicationFailure: 4,
  /** Some chat message was sent while the Messaging server was down. */
  sentWhileMessagingDown: 8,
  /** The Services server is down after the step. */
  servicesDown: 16,
} as const;

/** The `WHEN` bits that `step` meets. */
export function stepConditions(step: LawStep): number {
  const { action, before, after, history } = step;
  let met = 0;
  if (action.type === 'agent-logs-in') met |= WHEN.login;
  if ((action.type === 'customer-sends' || action.type === 'agent-sends') && after.messages !== before.messages) {
    met |= WHEN.messageSent;
  }
  if (history.liveAtApplicationFailure.length > 0) met |= WHEN.chatsLiveAtApplicationFailure;
  if (history.sentWhileMessagingDown.length > 0) met |= WHEN.sentWhileMessagingDown;
  if (after.down.has('Services')) met |= WHEN.servicesDown;
  return met;
}

export interface Law extends CheckedProperty {
  /** The claims of features/claims.json this law generalises. */
  readonly claims: readonly string[];
  readonly premise: string;
  readonly conclusion: string;
  /** The `WHEN` bits a step must meet for the premise to be able to hold (0: any step). */
  readonly when: number;
  check(step: LawStep): LawVerdict;
}

export function law(
  definition: Omit<Law, 'explanation' | 'id' | 'when'> & { readonly id: string; readonly when?: number },
): Law {
  // Built field by field, so that every law has one shape: the monitor reads each law's fields at every step.
  return {
    id: `law:${definition.id}`,
    name: definition.name,
    claims: definition.claims,
    premise: definition.premise,
    conclusion: definition.conclusion,
    when: definition.when ?? 0,
    check: definition.check,
    explanation: `Whenever ${definition.premise}, ${definition.conclusion}.`,
  };
}

/**
 * A law about what each customer's window was told: `NOT_APPLICABLE` if `premise` holds for no window, `HOLDS` if
 * every window it holds for was `told`, else those that were not (listed only then: the check runs at every step).
 */
export function untoldWindows(
  windows: readonly Window[],
  premise: (w: Window) => boolean,
  told: (w: Window) => boolean,
): typeof NOT_APPLICABLE | typeof HOLDS | Window[] {
  let applies = false;
  let holds = true;
  for (const w of windows) {
    if (!premise(w)) continue;
    applies = true;
    if (!told(w)) holds = false;
  }
  if (!applies) return NOT_APPLICABLE;
  return holds ? HOLDS : windows.filter((w) => premise(w) && !told(w));
}
