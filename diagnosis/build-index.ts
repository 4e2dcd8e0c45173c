/**
 * Builds the diagnosis index from an exploration of the deployment (./graph-search.ts, with the explorer's own
 * moves), in which each state also carries its failure history (which servers are down or were down, for how
 * long) and the plan that reached it. Breadth-first, so the first plan to reach a pair of what people see and a
 * failure history is a shortest one. Node only (it reads the evidence register and the features).
 */
import type { Action } from '../model/actions';
import { newDeployment } from '../plans/interpreter';
import { describeBounds, type Bounds } from '../exploration/state-space/bounds';
import { DIAGNOSIS_BOUNDS } from './bounds';
import type { DiagnosisIndex } from './index-format';
import type { Observation } from './observations';
import { RANKING_RULE, summarise, thresholdsOf } from './situation';
import { evidenceOf, markedSituation, runbookOf, type Register } from './evidence';
import { maskHex } from './masks';
import { Diagnoser, indistinguishableSituations } from './lookup';
import { exploreForIndex } from './graph-search';
import { exploreReference, type PlanNode } from './space';

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
  /** The search: the index's own (./graph-search.ts, the default), or the plain reference it replaced (./space.ts). */
  readonly space?: 'index' | 'reference';
}

/** More situations than a failure history of the bounds can be in (each server: never failed, or down or back in a band). */
const SITUATIONS = 1 << 20;

export function buildDiagnosisIndex(options: BuildOptions): DiagnosisIndex {
  const bounds = options.bounds ?? DIAGNOSIS_BOUNDS;
  const explore = options.space === 'reference' ? exploreReference : exploreForIndex;
  const parameters = newDeployment().parameters;
  const thresholds = thresholdsOf(parameters);
  const servers = bounds.servers;

  const vocabulary = new Map<string, { observation: Observation; index: number }>();
  const situations = new Map<string, number>();
  /** Each set of observations seen, as its sorted vocabulary indices joined by `.`, numbered. */
  const sets = new Map<string, number>();
  /** Per list of observations (the index's own search shares one per deployment state): its set's number. */
  const setOf = new WeakMap<readonly Observation[], number>();
  /** `set number × SITUATIONS + situation index` → the shortest plan's last node, for each pair seen. */
  const pairs = new Map<number, PlanNode | null>();
  const idsOf = new WeakMap<readonly Observation[], readonly string[]>();
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // refusals are thrown and caught in every state, as in the explorer
  let explored;
  try {
    explored = explore(bounds, thresholds, ({ observations: seen, situation: key, plan }) => {
      if (options.onState) {
        let ids = idsOf.get(seen);
        if (!ids) idsOf.set(seen, (ids = seen.map((o) => o.id)));
        options.onState({ observations: ids, situation: key });
      }
      let situation = situations.get(key);
      if (situation === undefined) {
        if (situations.size === SITUATIONS) throw new RangeError(`diagnosis index: more than ${SITUATIONS} situations`);
        situations.set(key, (situation = situations.size));
      }
      let set = setOf.get(seen);
      if (set === undefined) {
        const numbers = seen.map((o) => {
          let known = vocabulary.get(o.id);
          if (!known) vocabulary.set(o.id, (known = { observation: o, index: vocabulary.size }));
          return known.index;
        });
        const indices = numbers.sort((x, y) => x - y).join('.');
        set = sets.get(indices);
        if (set === undefined) sets.set(indices, (set = sets.size));
        setOf.set(seen, set);
      }
      const pair = set * SITUATIONS + situation;
      if (!pairs.has(pair)) pairs.set(pair, plan);
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }

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
  /** Each distinct action once, by value: a plan step refers to it by number. */
  const actionIndex = new Map<string, number>();
  const plans: [number, number][] = [];
  const nodeId = (node: PlanNode | null): number => {
    if (node === null) return -1;
    if (node.id !== undefined) return node.id;
    const parent = nodeId(node.parent);
    const value = JSON.stringify(node.action, Object.keys(node.action).sort());
    let action = actionIndex.get(value);
    if (action === undefined) actionIndex.set(value, (action = actions.push(node.action) - 1));
    node.id = plans.push([parent, action]) - 1;
    return node.id;
  };
  const setIndices = [...sets.keys()];
  const entries = [...pairs.entries()].map(([pair, plan]): [string, number, number] => {
    const situation = pair % SITUATIONS;
    const indices = setIndices[(pair - situation) / SITUATIONS]!;
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
    explored,
    indistinguishable: [],
  };
  return { ...index, indistinguishable: indistinguishableSituations(new Diagnoser(index)) };
}
