/**
 * What the diagnosis index is built from, and the plain reference its own search (./graph-search.ts) replaced.
 *
 * An exploration calls `onState` once for every pair of a deployment state and a failure history within the
 * bounds, breadth-first, with what the state shows, its situation and the plan that reached it. The reference,
 * `exploreReference`, is the first one written: the explorer's own `DeploymentSpace` (every invariant and law
 * checked at every step, their memory part of the state's key), each state wrapped with its failure history and
 * searched by the explorer's `search`. The test builds the index both ways over bounds that try every kind of the
 * action table and checks the two are equal.
 */
import type { Action } from '../model/actions';
import { newDeployment } from '../plans/interpreter';
import { newPremiseCounts } from '../exploration/laws';
import type { Bounds } from '../exploration/state-space/bounds';
import { DeploymentSpace, type ExploredState } from '../exploration/state-space/deployment-space';
import { BehaviourLedger } from '../exploration/state-space/ledger';
import { search, type ModelAdapter } from '../exploration/state-space/search';
import { observationsOf, type Observation } from './observations';
import { nextFailureHistory, noFailures, situationKey, type FailureHistory } from './situation';

/** One step of a plan, linked to the step before it: plans that share a prefix share its nodes. */
export interface PlanNode {
  readonly parent: PlanNode | null;
  readonly action: Action;
  /** Its index among the index's plan nodes, once an entry keeps it. */
  id?: number;
}

/** One state as the index reads it. */
export interface IndexedState {
  readonly observations: readonly Observation[];
  /** Its situation's key (./situation.ts). */
  readonly situation: string;
  readonly plan: PlanNode | null;
}

export interface Exploration {
  /** Pairs of a deployment state and a failure history. */
  readonly states: number;
  readonly transitions: number;
  readonly milliseconds: number;
}

interface ReferenceNode {
  readonly inner: ExploredState;
  readonly failures: FailureHistory;
  readonly plan: PlanNode | null;
}

/**
 * The reference: the explorer's own space and search, every invariant and law checked, with the failure history
 * beside each state (each outage's age capped where nothing counts any longer, and how each last one ended).
 */
export function exploreReference(
  bounds: Bounds,
  thresholds: readonly number[],
  onState: (state: IndexedState) => void,
): Exploration {
  const space = new DeploymentSpace(bounds, new BehaviourLedger(), newPremiseCounts(), newDeployment);
  const { servers } = bounds;
  const clockOf = (node: { readonly inner: ExploredState }) => node.inner.deployment.clock;
  const step = (node: ReferenceNode, action: Action, inner: ExploredState | null): ReferenceNode | null =>
    inner && {
      inner,
      failures: nextFailureHistory(node.failures, action, inner.deployment.clock, servers, thresholds),
      plan: { parent: node.plan, action },
    };
  const adapter: ModelAdapter<ReferenceNode, Action> = {
    initial: () => ({ inner: space.initial(), failures: noFailures(servers.length), plan: null }),
    enabled: (node) => space.enabled(node.inner),
    apply: (node, action) => step(node, action, space.apply(node.inner, action)),
    applyLast: (node, action) => step(node, action, space.applyLast(node.inner, action)),
    hash: (node, hasher) => {
      space.hash(node.inner, hasher);
      const clock = clockOf(node);
      node.failures.downSince.forEach((since, i) => {
        hasher.number(since === null ? -1 : Math.min(clock - since, space.horizon));
        hasher.number(node.failures.lastOutage[i] ?? -1);
      });
    },
  };
  const result = search(adapter, {
    depth: bounds.depth,
    onState: (node) =>
      onState({
        observations: observationsOf(node.inner.deployment.view()),
        situation: situationKey(node.failures, clockOf(node), thresholds),
        plan: node.plan,
      }),
  });
  if (result.failure) throw new Error(`the exploration broke a property: ${String(result.failure.error)}`);
  return { states: result.distinctStates, transitions: result.transitions, milliseconds: result.milliseconds };
}
