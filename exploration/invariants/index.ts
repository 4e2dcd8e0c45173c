/**
 * The registry of invariants, and the checker: a small runtime that watches one plan through the interpreter,
 * keeps each invariant's memory (declared by the invariant, immutable, shared by forks) and throws an
 * `InvariantViolation` at the first step that breaks one. Adding an invariant is one module and one line here;
 * the explorers, the random phase, `Then every invariant holds` and the pages all read this list.
 */
import type { Action } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import type { DeploymentState } from '../../model/state';
import type { TraceEvent } from '../../model/trace';
import type { StepObserver } from '../../plans/interpreter';
import { completedStaysCompleted } from './completed-stays-completed';
import { customerNeverUninformed } from './customer-never-uninformed';
import { determinism } from './determinism';
import {
  Broken,
  InvariantViolation,
  type Invariant,
  type InvariantId,
  type InvariantModule,
  type InvariantStep,
} from './invariant';
import { noSilentLoss } from './no-silent-loss';
import { nothingDeliveredWhilePathDown } from './nothing-delivered-while-path-down';
import { workOnlyWhenAble } from './work-only-when-able';
import type { WitnessCounts } from '../witnesses';
import { situationOf, type SituationLog } from '../claim-situations';

export {
  InvariantViolation,
  type CheckedProperty,
  type Invariant,
  type InvariantId,
  type InvariantModule,
} from './invariant';

/** Every invariant, in the order they are checked at each step and listed on the pages. */
export const INVARIANT_MODULES: readonly InvariantModule[] = [
  noSilentLoss,
  nothingDeliveredWhilePathDown,
  completedStaysCompleted,
  workOnlyWhenAble,
  customerNeverUninformed,
  determinism,
];

export const INVARIANT_LIST: readonly Invariant[] = INVARIANT_MODULES;

/** Each invariant by its id. */
export const INVARIANTS = Object.fromEntries(INVARIANT_MODULES.map((i) => [i.id, i])) as Readonly<
  Record<string, Invariant>
> as Readonly<Record<InvariantId, Invariant>>;

/** The modules whose check runs at every step, and those checked once the plan is over. */
const STEPPED = INVARIANT_MODULES.filter((i) => i.check !== undefined);
const AT_END = INVARIANT_MODULES.filter((i) => i.atEnd !== undefined);
const FORKED = STEPPED.flatMap((i, at) => (i.memory.fork ? [at] : []));
const KEYED = STEPPED.flatMap((i, at) => (i.memory.key ? [at] : []));

/** The steps so far, newest first, each sharing the ones before it: a fork costs nothing. */
interface PlanSoFar {
  readonly action: Action;
  /** What the step recorded in the deployment's trace (nothing when it records none). */
  readonly events: readonly TraceEvent[];
  readonly before: PlanSoFar | null;
}

/** Watches one plan, step by step. */
export class InvariantChecker implements StepObserver {
  /** Steps at which an invariant met its one expected exception. */
  knownDefectSteps = 0;
  private steps: PlanSoFar | null = null;
  /** Whether every step so far was taken on a deployment recording its trace (then the steps hold that trace). */
  private traced = true;
  /** Each stepped invariant's memory, in `STEPPED`'s order. */
  private memories: unknown[] = STEPPED.map((i) => i.memory.initial());
  /** The invariant being checked, whose witness `witnessed` counts. */
  private current: Invariant = STEPPED[0]!;

  /**
   * `witnesses`: where to count each invariant's witnessed cases, by its id (shared with forks); none: not counted.
   * `situations`: where to note the situation of every state a step leads to, for the claims' witnesses
   * (exploration/claim-situations.ts; shared with forks); none: not noted.
   */
  constructor(
    private readonly witnesses: WitnessCounts | null = null,
    private readonly situations: SituationLog | null = null,
  ) {}

  afterStep(index: number, action: Action, events: readonly TraceEvent[], deployment: Deployment): void {
    this.steps = { action, events, before: this.steps };
    if (!deployment.recordTrace) this.traced = false;
    const step: InvariantStep = {
      index,
      action,
      state: deployment.inspect(),
      deployment,
      expectedException: () => void this.knownDefectSteps++,
      witnessed: () => this.witness(this.current),
    };
    const { memories } = this;
    for (let i = 0; i < STEPPED.length; i++) {
      const invariant = STEPPED[i]!;
      this.current = invariant;
      try {
        memories[i] = invariant.check!(step, memories[i]);
      } catch (error) {
        if (error instanceof Broken) this.fail(invariant, error.index ?? index, error.detail);
        throw error;
      }
    }
    this.situations?.add(situationOf(deployment));
  }

  /**
   * An independent copy of this checker, to follow one more continuation of the same plan: the state-space
   * explorer forks it at every transition, beside `Deployment.clone`. `from` is the state this checker watched
   * and `to` its clone, whose windows, consoles and chat panes stand in the same order.
   */
  fork(from: DeploymentState, to: DeploymentState): InvariantChecker {
    const copy = new InvariantChecker(this.witnesses, this.situations);
    copy.knownDefectSteps = this.knownDefectSteps;
    copy.steps = this.steps;
    copy.traced = this.traced;
    copy.memories = this.memories.slice();
    for (const i of FORKED) copy.memories[i] = STEPPED[i]!.memory.fork!(this.memories[i], from, to);
    return copy;
  }

  /** Each stepped invariant's memory by its id (for tests comparing forks with fresh checkers). */
  memory(): Readonly<Record<string, unknown>> {
    return Object.fromEntries(STEPPED.map((i, at) => [i.id, this.memories[at]]));
  }

  /** The part of the invariants' memory that the model's state does not determine, as text for the state key. */
  memoryKey(clock: number): string {
    let key = '';
    for (const i of KEYED) key += STEPPED[i]!.memory.key!(this.memories[i], clock);
    return key;
  }

  /** The checks of the whole plan (the determinism invariant), once it is over. */
  finish(fresh: () => Deployment): void {
    const plan = this.plan;
    for (const invariant of AT_END) {
      const differs = invariant.atEnd!(plan, this.traced ? this.trace : null, fresh);
      if (differs) this.fail(invariant, differs.index ?? plan.length - 1, differs.detail);
      if (plan.length > 0) this.witness(invariant);
    }
  }

  /** The steps so far, oldest first. */
  private get plan(): Action[] {
    const plan: Action[] = [];
    for (let step = this.steps; step !== null; step = step.before) plan.push(step.action);
    return plan.reverse();
  }

  /** What each step so far recorded, oldest first. */
  private get trace(): (readonly TraceEvent[])[] {
    const trace: (readonly TraceEvent[])[] = [];
    for (let step = this.steps; step !== null; step = step.before) trace.push(step.events);
    return trace.reverse();
  }

  private witness(invariant: Invariant): void {
    if (this.witnesses) this.witnesses[invariant.id] = (this.witnesses[invariant.id] ?? 0) + 1;
  }

  private fail(invariant: Invariant, index: number, detail: string): never {
    throw new InvariantViolation(invariant, detail, index, this.plan.slice(0, index + 1));
  }
}
