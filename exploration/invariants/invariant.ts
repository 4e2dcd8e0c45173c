/**
 * What an invariant is: a property every plan must keep at every step, with a name and a sentence saying why it
 * matters, the memory of the plan's past it needs, and its check. Each invariant is one module of this folder,
 * registered in ./index.ts, whose checker is the small runtime that keeps each invariant's memory along a plan.
 */
import { describeAction, type Action, type Plan } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import type { DeploymentState } from '../../model/state';
import type { TraceEvent } from '../../model/trace';

/** What a violation names: an invariant, or a claim of the source checked as a law (exploration/laws/). */
export interface CheckedProperty {
  readonly id: string;
  readonly name: string;
  readonly explanation: string;
}

export type InvariantId =
  | 'noSilentLoss'
  | 'nothingDeliveredWhilePathDown'
  | 'completedStaysCompleted'
  | 'workOnlyWhenAble'
  | 'customerNeverUninformed'
  | 'determinism';

export interface Invariant extends CheckedProperty {
  readonly id: InvariantId;
  /** The one behaviour the invariant allows because the source documents it as a defect. */
  readonly expectedException?: { readonly name: string; readonly explanation: string };
}

/** One step of a plan, as an invariant's check sees it. */
export interface InvariantStep {
  readonly index: number;
  readonly action: Action;
  readonly state: DeploymentState;
  readonly deployment: Deployment;
  /** Counts a step at which the invariant met its expected exception. */
  expectedException(): void;
  /** Counts a step at which the invariant's non-trivial case (its `witness`) came up. */
  witnessed(): void;
}

/**
 * The memory of the plan's past an invariant needs beyond the state. Memory is immutable: a check returns the
 * next memory (the same value when nothing changed), so a fork of the checker shares it for free. Only memory
 * that follows the state's own objects (read cursors) has a `fork` that copies it for the copied state.
 */
export interface MemoryOf<M> {
  /** Before the first step. */
  initial(): M;
  /** The same memory for `to`, a copy of `from` (the state last checked); none: shared as it is. */
  fork?(memory: M, from: DeploymentState, to: DeploymentState): M;
  /**
   * The part of the memory the state does not determine (in a plan that has kept every invariant so far), as text
   * for the explorer's state key; none: the state determines it. Two plans reaching the same state with the same
   * keys are checked the same way from then on.
   */
  key?(memory: M, clock: number): string;
}

/** A step's check: the memory after the step, or a thrown `Broken` saying what is wrong. */
export type Check<M> = (step: InvariantStep, memory: M) => M;

/** Whole plans rather than steps: checked once the plan is over, from the plan and what each step recorded. */
export type PlanCheck = (
  plan: Plan,
  trace: readonly (readonly TraceEvent[])[] | null,
  fresh: () => Deployment,
) => Broken | null;

export interface InvariantModule<M = unknown> extends Invariant {
  /**
   * The case in which the invariant says something (a message delivered, a session lost...): the explored bounds
   * must reach it, or the invariant held only vacuously (exploration/witnesses.ts).
   */
  readonly witness: string;
  readonly memory: MemoryOf<M>;
  /** Checked after every step; none: the invariant is about whole plans (`atEnd`). */
  readonly check?: Check<M>;
  readonly atEnd?: PlanCheck;
}

/**
 * Declares an invariant module: the type parameter ties its memory to its check, and the registry holds the
 * module with its memory's type forgotten (the checker hands each check only the memory it returned).
 */
export function invariant<M>(definition: InvariantModule<M>): InvariantModule {
  return definition as unknown as InvariantModule;
}

/** No memory at all. */
export const NO_MEMORY: MemoryOf<null> = { initial: () => null };

/** What a check throws when its invariant is broken at this step (`index`: an earlier step, for a replay). */
export class Broken {
  constructor(
    readonly detail: string,
    readonly index?: number,
  ) {}
}

/** Throws the invariant's breach at this step. */
export function broken(detail: string): never {
  throw new Broken(detail);
}

/** A property broken at one step of a plan; `plan` holds the steps up to and including the breaking one. */
export class InvariantViolation extends Error {
  constructor(
    readonly invariant: CheckedProperty,
    readonly detail: string,
    readonly index: number,
    readonly plan: Plan,
  ) {
    super(`Invariant "${invariant.name}" broken at step ${index + 1} (${describeAction(plan[index]!)}): ${detail}`);
    this.name = 'InvariantViolation';
  }
}
