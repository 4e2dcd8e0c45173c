/**
 * A law: one of the source's claims, generalised from the scenario that illustrates it to every state of every
 * plan. A premise over the history (and the step just taken) says when the claim applies; a conclusion over the
 * state says what must then be true. The state-space explorer checks every law in every state it visits, the
 * random phase after every step, and `Then every invariant holds` in any scenario.
 */
import type { CheckedProperty } from '../invariants';
import type { LawStep } from './history';

/** `NOT_APPLICABLE` when the premise does not hold; `HOLDS` when it does and so does the conclusion; else what is wrong. */
export type LawVerdict = typeof NOT_APPLICABLE | typeof HOLDS | string;
export const NOT_APPLICABLE = 0;
export const HOLDS = 1;

export interface Law extends CheckedProperty {
  /** The claims of features/claims.json this law generalises. */
  readonly claims: readonly string[];
  readonly premise: string;
  readonly conclusion: string;
  check(step: LawStep): LawVerdict;
}

export function law(definition: Omit<Law, 'explanation' | 'id'> & { readonly id: string }): Law {
  return {
    ...definition,
    id: `law:${definition.id}`,
    explanation: `Whenever ${definition.premise}, ${definition.conclusion}.`,
  };
}
