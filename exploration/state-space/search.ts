/**
 * Breadth-first search over every reachable state of a model, against a narrow adapter: the actions enabled in
 * a state, applying one to a copy, and a canonical encoding. Equal encodings are one state, visited once (kept
 * as 64-bit fingerprints in a typed-array table). Each state remembers its parent and the action that led to it, so the first broken
 * property found, level by level, comes with a shortest plan that breaks it, as TLC gives.
 *
 * Sharding splits the work across machines: every shard explores the first `splitDepth` levels, then keeps only
 * its share of that level's states (every `count`-th, from `index`) and explores below them alone. Together the
 * shards reach every state; the shortest counterexample of all is the shortest of theirs.
 */
import { StateHasher } from './encode';
import { FingerprintSet, IntList } from './fingerprints';

export interface ModelAdapter<S, A> {
  initial(): S;
  /** The actions to try in `state`, in a fixed order. */
  enabled(state: S): readonly A[];
  /** The state after `action`, leaving `state` unchanged; `null` if the model refused it. May throw a violation. */
  apply(state: S, action: A): S | null;
  /**
   * Like `apply`, for the last action tried in `state`, after which the search drops `state`: so it may be
   * changed in place rather than copied (the copy is most of a transition's cost). Optional.
   */
  applyLast?(state: S, action: A): S | null;
  /** The state's canonical encoding as text (simple models, tests); or `hash`, which the search prefers. */
  encode?(state: S): string;
  /** Feeds the state's canonical encoding into `hasher` (after `start`, before `finish`) without building text. */
  hash?(state: S, hasher: StateHasher): void;
}

export interface Shard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

export interface SearchOptions<S> {
  readonly depth?: number | null;
  readonly shard?: Shard;
  /** The level at which shards part (default 4: deep enough that the premise's states spread over them). */
  readonly splitDepth?: number;
  /** Called once for each distinct state, the first one included. */
  readonly onState?: (state: S) => void;
}

export interface SearchResult<A> {
  readonly distinctStates: number;
  readonly transitions: number;
  readonly depthReached: number;
  readonly milliseconds: number;
  /** The first error a step threw (a broken property), with the shortest plan to it; `null` if none. */
  readonly failure: { readonly error: unknown; readonly plan: readonly A[] } | null;
}

export const DEFAULT_SPLIT_DEPTH = 4;

export function search<S, A>(adapter: ModelAdapter<S, A>, options: SearchOptions<S> = {}): SearchResult<A> {
  const started = performance.now();
  const seen = new FingerprintSet();
  const hasher = new StateHasher();
  const { hash, encode, applyLast } = adapter;
  if (!hash && !encode) throw new TypeError('A model adapter needs hash or encode');
  /** Adds the state's fingerprint to those seen; `false` if it was there already. */
  const visit = (state: S): boolean => {
    hasher.start();
    if (hash) hash.call(adapter, state, hasher);
    else hasher.chars(encode!.call(adapter, state));
    hasher.finish();
    return seen.add(hasher.h1, hasher.h2);
  };
  const parents = new IntList();
  parents.push(-1);
  const actions: (A | null)[] = [null];
  const planTo = (id: number, last: A): A[] => {
    const plan: A[] = [last];
    for (let at = id; at > 0; at = parents.at(at)) plan.push(actions[at]!);
    return plan.reverse();
  };
  const root = adapter.initial();
  visit(root);
  options.onState?.(root);
  let frontier: { state: S; id: number }[] = [{ state: root, id: 0 }];
  let transitions = 0;
  let depth = 0;
  const splitDepth = options.splitDepth ?? DEFAULT_SPLIT_DEPTH;
  for (; frontier.length > 0 && (options.depth == null || depth < options.depth); depth++) {
    if (options.shard && depth === splitDepth) {
      const { index, count } = options.shard;
      frontier = frontier.filter((_, position) => position % count === index);
    }
    const next: { state: S; id: number }[] = [];
    for (let f = 0; f < frontier.length; f++) {
      const { state, id } = frontier[f]!;
      // The level's states are dropped as they are expanded, so only the next level is held whole.
      frontier[f] = undefined as never;
      const enabled = adapter.enabled(state);
      for (let a = 0; a < enabled.length; a++) {
        const action = enabled[a]!;
        let after: S | null;
        try {
          after =
            a === enabled.length - 1 && applyLast
              ? applyLast.call(adapter, state, action)
              : adapter.apply(state, action);
        } catch (error) {
          return result(error, planTo(id, action));
        }
        if (after === null) continue;
        transitions++;
        if (!visit(after)) continue;
        parents.push(id);
        actions.push(action);
        next.push({ state: after, id: parents.length - 1 });
        options.onState?.(after);
      }
    }
    frontier = next;
    if (next.length === 0) break;
  }
  return result(null, null);

  function result(error: unknown, plan: A[] | null): SearchResult<A> {
    return {
      distinctStates: seen.size,
      transitions,
      depthReached: plan ? plan.length : depth,
      milliseconds: performance.now() - started,
      failure: plan ? { error, plan } : null,
    };
  }
}
