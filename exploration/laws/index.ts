/**
 * The registry of laws, and the monitor that checks them along one plan. Adding a law is one module and one
 * line here; the explorer, the random phase, `Then every invariant holds` and the claims page all read this list.
 */
import type { Action } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import type { ModelParameters } from '../../model/parameters';
import type { TraceEvent } from '../../model/trace';
import type { StepObserver } from '../../plans/interpreter';
import { InvariantViolation } from '../invariants';
import { chatContinuesAfterMessaging } from './chat-continues-after-messaging';
import { chatHistoryLost } from './chat-history-lost';
import { chatWorksWithoutServices } from './chat-works-without-services';
import { connectionIssues } from './connection-issues';
import { customerToldSessionLost } from './customer-told-session-lost';
import { factsOf, type Facts } from './facts';
import { EMPTY_HISTORY, nextHistory, type History, type LawStep } from './history';
import { HOLDS, NOT_APPLICABLE, stepConditions, type Law } from './law';
import { lostChatReportedActive } from './lost-chat-reported-active';
import { lostWhileMessagingDown } from './lost-while-messaging-down';
import { noWorkWithoutServices } from './no-work-without-services';
import { sessionInProgress } from './session-in-progress';
import { workResumesAfterServices } from './work-resumes-after-services';

export type { Law } from './law';

export const LAWS: readonly Law[] = [
  sessionInProgress,
  lostChatReportedActive,
  chatHistoryLost,
  customerToldSessionLost,
  connectionIssues,
  lostWhileMessagingDown,
  chatContinuesAfterMessaging,
  chatWorksWithoutServices,
  noWorkWithoutServices,
  workResumesAfterServices,
];

/** For each law, in how many checked states its premise held (the rest it held vacuously). */
export type PremiseCounts = Record<string, number>;

export function newPremiseCounts(): PremiseCounts {
  return Object.fromEntries(LAWS.map((l) => [l.id, 0]));
}

export function addPremiseCounts(into: PremiseCounts, from: PremiseCounts): void {
  for (const [id, n] of Object.entries(from)) into[id] = (Object.hasOwn(into, id) ? into[id]! : 0) + n;
}

/**
 * Checks every law at one step; returns the history after it. Throws an `InvariantViolation` naming the law
 * when a conclusion fails, with `plan` the steps so far.
 */
export function checkLaws(
  step: Omit<LawStep, 'history' | 'previous'>,
  history: History,
  counts: PremiseCounts | null,
  plan: () => readonly Action[],
): History {
  const next = nextHistory(step, history);
  const full: LawStep = {
    action: step.action,
    before: step.before,
    after: step.after,
    state: step.state,
    parameters: step.parameters,
    history: next,
    previous: history,
  };
  // Only the laws whose premise can hold at this step are asked, in the registry's order.
  const asked = lawsAskedWhen(stepConditions(full));
  for (let i = 0; i < asked.length; i++) {
    const l = asked[i]!;
    const verdict = l.check(full);
    if (verdict === NOT_APPLICABLE) continue;
    if (counts) counts[l.id]!++;
    if (verdict !== HOLDS) {
      const steps = plan();
      throw new InvariantViolation(l, verdict, steps.length - 1, steps);
    }
  }
  return next;
}

const ASKED: (readonly Law[] | undefined)[] = [];

/** The laws whose `when` a step meeting the conditions `met` meets, worked out once per combination. */
export function lawsAskedWhen(met: number): readonly Law[] {
  return (ASKED[met] ??= LAWS.filter((l) => (l.when & met) === l.when));
}

/** Checks the laws after every step of one plan (the random phase, `checkPlan`). */
export class LawMonitor implements StepObserver {
  private history: History = EMPTY_HISTORY;
  private facts: Facts | null = null;
  private readonly plan: Action[] = [];

  constructor(private readonly counts: PremiseCounts | null = null) {}

  /** An independent copy, to follow another continuation of the same plan (its history and facts are immutable). */
  fork(): LawMonitor {
    const copy = new LawMonitor(this.counts);
    copy.history = this.history;
    copy.facts = this.facts;
    copy.plan.push(...this.plan);
    return copy;
  }

  afterStep(_index: number, action: Action, _events: readonly TraceEvent[], deployment: Deployment): void {
    this.plan.push(action);
    const state = deployment.inspect();
    const before = this.facts ?? initialFactsOf(deployment);
    const after = factsOf(state, before);
    this.history = checkLaws(
      { action, before, after, state, parameters: deployment.parameters },
      this.history,
      this.counts,
      () => this.plan,
    );
    this.facts = after;
  }
}

const INITIAL_FACTS = new WeakMap<object, { readonly parameters: ModelParameters; readonly facts: Facts }[]>();

/**
 * The facts before a plan's first step: those of a fresh deployment of the same kind and parameters, worked
 * out once per kind and parameters (facts are immutable) rather than by building that deployment for each plan.
 */
function initialFactsOf(deployment: Deployment): Facts {
  const Fresh = deployment.constructor as new (setup: { parameters: ModelParameters }) => Deployment;
  let known = INITIAL_FACTS.get(Fresh);
  if (!known) INITIAL_FACTS.set(Fresh, (known = []));
  // Every deployment has its own parameters object: they are told apart by their values.
  const { parameters } = deployment;
  for (const entry of known) if (sameParameters(entry.parameters, parameters)) return entry.facts;
  const facts = factsOf(new Fresh({ parameters }).inspect());
  known.push({ parameters: { ...parameters }, facts });
  return facts;
}

function sameParameters(one: ModelParameters, other: ModelParameters): boolean {
  for (const key in one) if (one[key as keyof ModelParameters] !== other[key as keyof ModelParameters]) return false;
  for (const key in other) if (!(key in one)) return false;
  return true;
}

/** Tells each observer in turn about every step: the invariant checker and the law monitor side by side. */
export function alongside(...observers: readonly StepObserver[]): StepObserver {
  if (observers.length === 2) {
    // The explorers' pair (the checker, then the laws), called each by a call site of its own.
    const [first, second] = observers as [StepObserver, StepObserver];
    return {
      afterStep(index, action, events, deployment) {
        first.afterStep(index, action, events, deployment);
        second.afterStep(index, action, events, deployment);
      },
    };
  }
  return {
    afterStep(index, action, events, deployment) {
      for (const observer of observers) observer.afterStep(index, action, events, deployment);
    },
  };
}
