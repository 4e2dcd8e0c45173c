/**
 * Builds the diagnosis index from the state-space exploration (exploration/state-space/): the explorer's own
 * adapter, wrapped so that each state also carries its failure history (which servers are down or were down,
 * for how long) and the plan that reached it. Breadth-first, so the first plan to reach a pair of what people
 * see and a failure history is a shortest one. Node only (it reads the evidence register and the features).
 */
import type { Action } from '../model/actions';
import { newDeployment } from '../plans/interpreter';
import { newPremiseCounts } from '../exploration/laws';
import { describeBounds, type Bounds } from '../exploration/state-space/bounds';
import { DIAGNOSIS_BOUNDS } from './bounds';
import { DeploymentSpace, type ExploredState } from '../exploration/state-space/deployment-space';
import { BehaviourLedger } from '../exploration/state-space/ledger';
import { search, type ModelAdapter } from '../exploration/state-space/search';
import type { StateHasher } from '../exploration/state-space/encode';
import type { DiagnosisIndex } from './index-format';
import { observationsOf, type Observation } from './observations';
import {
  nextFailureHistory,
  noFailures,
  RANKING_RULE,
  situationKey,
  summarise,
  thresholdsOf,
  type FailureHistory,
} from './situation';
import { evidenceOf, markedSituation, runbookOf, type Register } from './evidence';
import { maskHex } from './masks';
import { Diagnoser, indistinguishableSituations } from './lookup';

interface PlanNode {
  readonly parent: PlanNode | null;
  readonly action: Action;
  /** Its index among the index's plan nodes, once an entry keeps it. */
  id?: number;
}

interface Node {
  readonly inner: ExploredState;
  readonly failures: FailureHistory;
  readonly plan: PlanNode | null;
}

/** What the index saw of one explored state: for the round-trip test, which goes over every one. */
export interface ExploredSituation {
  readonly observations: readonly string[];
  readonly situation: string;
}

export interface BuildOptions {
  readonly bounds?: Bounds;
  readonly register: Register;
  /** Each feature file's name (without `.feature`) and text: where the runbooks of a failure are found. */
  readonly features: readonly { readonly name: string; readonly text: string }[];
  readonly onState?: (state: ExploredSituation) => void;
}

export function buildDiagnosisIndex(options: BuildOptions): DiagnosisIndex {
  const bounds = options.bounds ?? DIAGNOSIS_BOUNDS;
  const space = new DeploymentSpace(bounds, new BehaviourLedger(), newPremiseCounts(), newDeployment);
  const parameters = newDeployment().parameters;
  const thresholds = thresholdsOf(parameters);
  const servers = bounds.servers;
  const clockOf = (state: ExploredState) => state.deployment.clock;
  const step = (node: Node, action: Action, inner: ExploredState | null): Node | null =>
    inner && {
      inner,
      failures: nextFailureHistory(node.failures, action, clockOf(inner), servers, thresholds),
      plan: { parent: node.plan, action },
    };
  const adapter: ModelAdapter<Node, Action> = {
    initial: () => ({ inner: space.initial(), failures: noFailures(servers.length), plan: null }),
    enabled: (node) => space.enabled(node.inner),
    apply: (node, action) => step(node, action, space.apply(node.inner, action)),
    applyLast: (node, action) => step(node, action, space.applyLast(node.inner, action)),
    hash: (node: Node, hasher: StateHasher) => {
      space.hash(node.inner, hasher);
      // How long each server has been down, capped where nothing counts any longer, and how its last outage ended.
      const clock = clockOf(node.inner);
      node.failures.downSince.forEach((since, i) => {
        hasher.number(since === null ? -1 : Math.min(clock - since, space.horizon));
        hasher.number(node.failures.lastOutage[i] ?? -1);
      });
    },
  };

  const vocabulary = new Map<string, { observation: Observation; index: number }>();
  const situations = new Map<string, number>();
  /** `observation indices|situation index` → the shortest plan's last node. */
  const pairs = new Map<string, PlanNode | null>();
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // refusals are thrown and caught in every state, as in the explorer
  let result;
  try {
    result = search(adapter, {
      depth: bounds.depth,
      onState: (node) => {
        const seen = observationsOf(node.inner.deployment.view());
        const key = situationKey(node.failures, clockOf(node.inner), thresholds);
        options.onState?.({ observations: seen.map((o) => o.id), situation: key });
        let situation = situations.get(key);
        if (situation === undefined) situations.set(key, (situation = situations.size));
        const indices = seen.map((o) => {
          let known = vocabulary.get(o.id);
          if (!known) vocabulary.set(o.id, (known = { observation: o, index: vocabulary.size }));
          return known.index;
        });
        const pair = `${indices.sort((a, b) => a - b).join('.')}|${situation}`;
        if (!pairs.has(pair)) pairs.set(pair, node.plan);
      },
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (result.failure) throw new Error(`the exploration broke a property: ${String(result.failure.error)}`);

  // The vocabulary in the picker's order (kind, then text); masks are over that order.
  const kinds = ['notice', 'pane', 'status', 'icon', 'titleBar', 'popup', 'console', 'tab', 'newChat', 'openChats'];
  const ordered = [...vocabulary.values()].sort(
    (a, b) =>
      kinds.indexOf(a.observation.kind) - kinds.indexOf(b.observation.kind) ||
      a.observation.text.localeCompare(b.observation.text),
  );
  const position = new Map(ordered.map((entry, i) => [entry.index, i]));
  const situationKeys = [...situations.keys()];
  const actions: Action[] = [];
  const actionIndex = new Map<Action, number>();
  const plans: [number, number][] = [];
  const nodeId = (node: PlanNode | null): number => {
    if (node === null) return -1;
    if (node.id !== undefined) return node.id;
    const parent = nodeId(node.parent);
    let action = actionIndex.get(node.action);
    if (action === undefined) actionIndex.set(node.action, (action = actions.push(node.action) - 1));
    node.id = plans.push([parent, action]) - 1;
    return node.id;
  };
  const entries = [...pairs.entries()].map(([pair, plan]): [string, number, number] => {
    const [indices, situation] = pair.split('|');
    const observed = indices ? indices.split('.').map((i) => position.get(Number(i))!) : [];
    return [maskHex(observed, ordered.length), Number(situation), nodeId(plan)];
  });
  const summaries = situationKeys.map((key) => summarise(key, servers, thresholds));
  const index: DiagnosisIndex = {
    bounds: describeBounds(bounds),
    servers,
    thresholds: thresholds.map((seconds) => ({
      seconds,
      parameters: Object.entries(parameters)
        .filter(([, value]) => value === seconds)
        .map(([name]) => name),
    })),
    rankingRule: RANKING_RULE,
    observations: ordered.map((entry) => entry.observation),
    situations: summaries.map((summary) => {
      const evidence = evidenceOf(summary, options.register);
      return {
        key: summary.key,
        text: summary.text,
        failed: summary.failed,
        length: summary.length,
        runbook: runbookOf(summary, options.register, options.features),
        evidence,
        statement: markedSituation(summary, evidence, options.register),
      };
    }),
    actions,
    plans,
    entries,
    explored: { states: result.distinctStates, transitions: result.transitions, milliseconds: result.milliseconds },
    indistinguishable: [],
  };
  return { ...index, indistinguishable: indistinguishableSituations(new Diagnoser(index)) };
}
