/**
 * The diagnosis index's own search, in two passes, so that the model's work is done once per deployment state
 * instead of once per deployment state and failure history:
 *
 * 1. The deployments: breadth-first over the deployment and the bounds used so far (the explorer's key, without
 *    its checkers' memory), with the explorer's own moves (`DeploymentSpace.movesOf`). Each deployment state is
 *    copied, stepped, hashed and viewed once; its transitions are kept as edges (the action, the state it leads
 *    to, and how far it moved the clock).
 * 2. The histories: breadth-first over pairs of a deployment state and a failure history (./situation.ts), along
 *    those edges. A history is a handful of numbers (each outage's age, capped where nothing counts any longer,
 *    and how each last one ended), kept once and referred to by number; a step of it is a table look-up.
 *
 * A deployment's moves and what it shows do not depend on its failure history, so the second pass visits the same
 * pairs in the same order as one search over both (./space.ts, `referenceSpace`), and keeps the same first plan
 * to each pair of what people see and failure history: the test builds both and checks the indexes are equal.
 */
import type { Action } from '../model/actions';
import type { Deployment } from '../model/deployment';
import { ActionRejected } from '../model/errors';
import { newDeployment } from '../plans/interpreter';
import { newPremiseCounts } from '../exploration/laws';
import type { Bounds } from '../exploration/state-space/bounds';
import { Budgets, ExplorerCast } from '../exploration/state-space/candidates';
import { DeploymentSpace } from '../exploration/state-space/deployment-space';
import { StateHasher } from '../exploration/state-space/encode';
import { BehaviourLedger } from '../exploration/state-space/ledger';
import { observationsOf, type Observation } from './observations';
import { nextFailureHistory, noFailures, situationKey, type FailureHistory } from './situation';
import type { Exploration, IndexedState, PlanNode } from './space';

/** The deployment states and their transitions, in the order breadth-first search found them. */
interface DeploymentGraph {
  /** What each state shows (one array per state, shared by every pair of it). */
  readonly observations: (readonly Observation[])[];
  /** State d's edges are `first[d]` to `first[d + 1]` (exclusive) of the three lists below. */
  readonly first: number[];
  readonly actions: Action[];
  readonly targets: number[];
  /** How many seconds the step moved the clock. */
  readonly seconds: number[];
  readonly transitions: number;
}

function deploymentGraph(bounds: Bounds): DeploymentGraph {
  const moves = new DeploymentSpace(bounds, new BehaviourLedger(), newPremiseCounts(), newDeployment);
  const budgets = new Budgets(bounds, new ExplorerCast(bounds).of(0, null));
  const hasher = new StateHasher();
  const ids = new Map<string, number>();
  const graph: DeploymentGraph = { observations: [], first: [], actions: [], targets: [], seconds: [], transitions: 0 };
  interface Node {
    readonly deployment: Deployment;
    readonly used: readonly number[];
    readonly facts: { readonly messages: number };
  }
  /** The state's id, and whether it is new. */
  const visit = (node: Node): [number, boolean] => {
    const state = node.deployment.inspect();
    hasher.start();
    hasher.state(state, state.clock, moves.horizon);
    for (const n of node.used) hasher.number(n);
    hasher.finish();
    const key = `${hasher.h1}:${hasher.h2}`;
    const known = ids.get(key);
    if (known !== undefined) return [known, false];
    ids.set(key, ids.size);
    graph.observations.push(observationsOf(node.deployment.view()));
    return [ids.size - 1, true];
  };
  const initial = newDeployment({ recordTrace: false });
  for (const action of moves.setup) initial.apply(action);
  initial.compact();
  const root: Node = { deployment: initial, used: new Array<number>(budgets.size).fill(0), facts: { messages: 0 } };
  visit(root);
  let frontier: Node[] = [root];
  let transitions = 0;
  for (let depth = 0; frontier.length > 0 && (bounds.depth === null || depth < bounds.depth); depth++) {
    const next: Node[] = [];
    for (let f = 0; f < frontier.length; f++) {
      const node = frontier[f]!;
      frontier[f] = undefined as never; // dropped as it is expanded: only the next level is held whole
      graph.first.push(graph.actions.length);
      const enabled = moves.movesOf(node);
      for (let a = 0; a < enabled.length; a++) {
        const action = enabled[a]!;
        const deployment = a === enabled.length - 1 ? node.deployment : node.deployment.clone();
        const clock = deployment.clock;
        try {
          deployment.apply(action);
        } catch (error) {
          if (error instanceof ActionRejected) continue;
          throw error;
        }
        deployment.compact();
        transitions++;
        const after: Node = {
          deployment,
          used: budgets.after(node.used, action),
          facts: { messages: deployment.inspect().messages.length },
        };
        const [id, fresh] = visit(after);
        graph.actions.push(action);
        graph.targets.push(id);
        graph.seconds.push(deployment.clock - clock);
        if (fresh) next.push(after);
      }
    }
    frontier = next;
  }
  // States never expanded (at the depth bound) have no edges.
  while (graph.first.length <= graph.observations.length) graph.first.push(graph.actions.length);
  return { ...graph, transitions };
}

/**
 * Failure histories kept once each and numbered, measured from now: each server's outage age (capped at
 * `horizon`) or `null`, and the band of its last finished outage; with the situation each is.
 */
class Histories {
  private readonly list: FailureHistory[] = [];
  readonly situations: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly steps = new Map<string, number>();

  constructor(
    private readonly servers: readonly string[],
    private readonly thresholds: readonly number[],
    private readonly horizon: number,
  ) {
    this.id(noFailures(servers.length));
  }

  /** The number of `history` (with each outage's start given as minus its age). */
  id(history: FailureHistory): number {
    const key = `${history.downSince.join(',')}|${history.lastOutage.join(',')}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.list.length));
      this.list.push(history);
      this.situations.push(situationKey(history, 0, this.thresholds));
    }
    return id;
  }

  /** History `id` after `action`, which moved the clock `seconds`. */
  after(id: number, action: Action, seconds: number): number {
    if (seconds === 0 && action.type !== 'fail' && action.type !== 'restore') return id;
    const key = `${id}|${seconds}|${action.type}|${'server' in action ? action.server : ''}`;
    let next = this.steps.get(key);
    if (next === undefined) {
      const stepped = nextFailureHistory(this.list[id]!, action, seconds, this.servers, this.thresholds);
      next = this.id({
        downSince: stepped.downSince.map((since) => (since === null ? null : -Math.min(seconds - since, this.horizon))),
        lastOutage: stepped.lastOutage,
      });
      this.steps.set(key, next);
    }
    return next;
  }
}

/** Every pair of a deployment state and a failure history within `bounds`, breadth-first, each once. */
export function exploreForIndex(
  bounds: Bounds,
  thresholds: readonly number[],
  onState: (state: IndexedState) => void,
): Exploration {
  const started = performance.now();
  const graph = deploymentGraph(bounds);
  const histories = new Histories(bounds.servers, thresholds, thresholds.at(-1)!);
  /** Per deployment state, the histories seen with it. */
  const seen = graph.observations.map(() => new Set<number>());
  let frontier: { deployment: number; history: number; plan: PlanNode | null }[] = [
    { deployment: 0, history: 0, plan: null },
  ];
  seen[0]!.add(0);
  onState({ observations: graph.observations[0]!, situation: histories.situations[0]!, plan: null });
  let states = 1;
  let transitions = 0;
  for (let depth = 0; frontier.length > 0 && (bounds.depth === null || depth < bounds.depth); depth++) {
    const next: typeof frontier = [];
    for (const { deployment, history, plan } of frontier) {
      for (let e = graph.first[deployment]!; e < graph.first[deployment + 1]!; e++) {
        transitions++;
        const action = graph.actions[e]!;
        const target = graph.targets[e]!;
        const after = histories.after(history, action, graph.seconds[e]!);
        if (seen[target]!.has(after)) continue;
        seen[target]!.add(after);
        states++;
        const node: PlanNode = { parent: plan, action };
        next.push({ deployment: target, history: after, plan: node });
        onState({ observations: graph.observations[target]!, situation: histories.situations[after]!, plan: node });
      }
    }
    frontier = next;
  }
  return { states, transitions, milliseconds: performance.now() - started };
}
