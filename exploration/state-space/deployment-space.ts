/**
 * The deployment model as a state space for `search`: a state is the deployment with the invariant checker and
 * the laws' history watching it and the bounds used so far; its key encodes all four, so two plans that reach
 * the same model state with the same memory are explored once. Applying an action checks every invariant and
 * every law, and adds to the behaviour ledger.
 */
import { DEFINITIONS, definitionOf, type Action } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import type { DeploymentState } from '../../model/state';
import { ActionRejected } from '../../model/errors';
import { roleOf } from '../../model/servers';
import type { ModelParameters } from '../../model/parameters';
import { newDeployment, type DeploymentFactory } from '../../plans/interpreter';
import { AGENTS } from './actors';
import { Budgets, CandidateCache, ExplorerCast, type CandidateSource } from './candidates';
import type { SituationLog } from '../claim-situations';
import { InvariantChecker } from '../invariants';
import { factsOf, type Facts } from '../laws/facts';
import { EMPTY_HISTORY, hashHistory, historyKey, type History } from '../laws/history';
import { checkLaws, type PremiseCounts } from '../laws';
import { setupOf, type Bounds } from './bounds';
import { encodeState, type StateHasher } from './encode';
import { downLabel, type BehaviourLedger } from './ledger';
import type { ModelAdapter } from './search';

export interface ExploredState {
  readonly deployment: Deployment;
  readonly checker: InvariantChecker;
  readonly history: History;
  readonly facts: Facts;
  readonly used: readonly number[];
  /** Steps from the empty deployment. */
  readonly depth: number;
  /** The ledger's name for the servers down in this state, once the state has been counted. */
  down?: string;
}

/** One in this many new states is replayed twice with its trace on, for the determinism invariant. */
export const DETERMINISM_SAMPLE = 256;

export class DeploymentSpace implements ModelAdapter<ExploredState, Action> {
  readonly horizon: number;
  /** The steps before the first explored one (bounds.ts, `setupOf`). */
  readonly setup: readonly Action[];
  private readonly thresholds: readonly number[];
  private readonly parameters: ModelParameters;
  private applied = 0;
  private readonly refusalLabels = new Map<string, string>();
  private readonly cast: ExplorerCast;
  private readonly budgets: Budgets;

  constructor(
    readonly bounds: Bounds,
    private readonly ledger: BehaviourLedger,
    private readonly premises: PremiseCounts,
    private readonly factory: DeploymentFactory = newDeployment,
    /** Where the checkers note every state's situation, for the claims' witnesses; none: not noted. */
    private readonly situations: SituationLog | null = null,
    /** Every kind's candidates: made once per cast and per what they read; tests pass the plain reference. */
    private readonly candidates: CandidateSource = new CandidateCache(DEFINITIONS),
  ) {
    this.parameters = factory().parameters;
    this.thresholds = [...new Set(Object.values(this.parameters))].sort((a, b) => a - b);
    this.horizon = this.thresholds.at(-1)!;
    this.setup = setupOf(bounds);
    this.cast = new ExplorerCast(bounds);
    this.budgets = new Budgets(bounds, this.cast.of(0, null));
  }

  /**
   * The empty deployment of the bounds, after its setup (another Application server joining it), which the
   * invariants and laws watch like any step; every counterexample's plan starts with the same setup.
   */
  initial(): ExploredState {
    const deployment = this.factory({ recordTrace: false });
    const checker = new InvariantChecker(this.premises, this.situations);
    let history = EMPTY_HISTORY;
    let facts = factsOf(deployment.inspect());
    this.setup.forEach((action, index) => {
      const events = deployment.apply(action);
      checker.afterStep(index, action, events, deployment);
      const after = factsOf(deployment.inspect());
      const state = deployment.inspect();
      const step = { action, before: facts, after, state, parameters: this.parameters };
      history = checkLaws(step, history, null, () => this.setup.slice(0, index + 1));
      facts = after;
    });
    return {
      deployment,
      checker,
      history,
      facts,
      used: new Array<number>(this.budgets.size).fill(0),
      depth: 0,
    };
  }

  /** Every candidate of every kind of the table (./candidates.ts) that the bounds allow and the model accepts. */
  enabled(node: ExploredState): Action[] {
    return this.movesOf(node);
  }

  /**
   * `enabled`, reading only what it needs (the deployment, the bounds used, the messages sent), so that a space of
   * leaner states asks it too: the diagnosis index's (diagnosis/space.ts) moves exactly as the explorer does.
   */
  movesOf(node: Pick<ExploredState, 'deployment' | 'used'> & { readonly facts: Pick<Facts, 'messages'> }): Action[] {
    const { budgets, candidates } = this;
    const state = node.deployment.inspect();
    const used = node.used;
    const cast = this.cast.of(node.facts.messages, this.nextThreshold(state));
    const byKind = candidates.of(state, cast);
    const enabled: Action[] = [];
    for (let kind = 0; kind < DEFINITIONS.length; kind++) {
      if (budgets.spent(used, DEFINITIONS[kind]!)) continue;
      for (const action of byKind[kind]!) {
        if (!budgets.allows(used, action)) continue;
        const reason = node.deployment.rejection(action);
        if (reason === null) enabled.push(action);
        else this.ledger.refused(action.type, this.refusalLabel(reason));
      }
    }
    return enabled;
  }

  apply(node: ExploredState, action: Action): ExploredState | null {
    const deployment = node.deployment.clone();
    return this.step(node, action, deployment, node.checker.fork(node.deployment.inspect(), deployment.inspect()));
  }

  /** The last transition out of `node`, which the search then drops: its deployment and checker step on in place. */
  applyLast(node: ExploredState, action: Action): ExploredState | null {
    return this.step(node, action, node.deployment, node.checker);
  }

  private step(
    node: ExploredState,
    action: Action,
    deployment: Deployment,
    checker: InvariantChecker,
  ): ExploredState | null {
    // What the ledger reads of the state before the step, read now: the step may change that state in place.
    const before = this.before(node, action);
    let events;
    try {
      events = deployment.apply(action);
    } catch (error) {
      if (error instanceof ActionRejected) return null;
      throw error;
    }
    const state = deployment.inspect();
    checker.afterStep(this.setup.length + node.depth, action, events, deployment);
    const facts = factsOf(state);
    const history = checkLaws(
      { action, before: node.facts, after: facts, state, parameters: this.parameters },
      node.history,
      this.premises,
      () => [action],
    );
    if (++this.applied % DETERMINISM_SAMPLE === 0) checker.finish(() => this.factory());
    this.observe(node, action, before, state);
    deployment.compact();
    return { deployment, checker, history, facts, used: this.budgets.after(node.used, action), depth: node.depth + 1 };
  }

  /** The state's key as text: what `hash` feeds the search, for people and tests to read. */
  encode(node: ExploredState): string {
    const state = node.deployment.inspect();
    return `${encodeState(state, state.clock, this.horizon)}|${node.checker.memoryKey(state.clock)}|${historyKey(node.history, state.clock, this.horizon)}|${node.used.join(',')}`;
  }

  /** The same four parts as `encode`, fed to the hasher without building the text. */
  hash(node: ExploredState, hasher: StateHasher): void {
    const state = node.deployment.inspect();
    hasher.state(state, state.clock, this.horizon);
    hasher.text(node.checker.memoryKey(state.clock));
    hashHistory(node.history, state.clock, this.horizon, hasher);
    for (const n of node.used) hasher.number(n);
  }

  /** A refusal as the ledger counts it: numbers and addresses left out, so one reason is one entry. */
  private refusalLabel(reason: string): string {
    let label = this.refusalLabels.get(reason);
    if (label === undefined) {
      label = reason.replace(/\d+/g, 'N').replace(/\S+@\S+/g, 'a customer');
      this.refusalLabels.set(reason, label);
    }
    return label;
  }

  /** Seconds until the next moment some "since" of the state reaches one of the model's thresholds, if any. */
  private nextThreshold(state: DeploymentState): number | null {
    const { thresholds } = this;
    const clock = state.clock;
    let next = Infinity;
    eachSince(state, (since) => {
      // The thresholds are in ascending order: the first still ahead is this since's nearest.
      for (const threshold of thresholds) {
        const wait = since + threshold - clock;
        if (wait > 0) {
          if (wait < next) next = wait;
          break;
        }
      }
    });
    return next === Infinity ? null : next;
  }

  /** Adds one distinct state to the ledger (the search calls it once per state). */
  countState(node: ExploredState): void {
    const state = node.deployment.inspect();
    node.down = downLabel(node.facts.down);
    let inSession = 0;
    for (const window of state.windows) if (window.state === 'in session') inSession++;
    this.ledger.state(node.down, inSession);
  }

  /** What `observe` needs of the state before `action`, for the actions it looks at. */
  private before(node: ExploredState, action: Action): Before {
    const previous = node.deployment.inspect();
    const sinces = action.type === 'wait' ? sincesOf(previous) : null;
    let logins = 0;
    if (action.type === 'fail' && !node.facts.down.has(action.server) && roleOf(action.server) === 'Application') {
      for (const console of previous.consoles)
        if (console.login === 'logged in' && console.home === action.server) logins++;
    }
    const agent =
      definitionOf(action).actor === 'Agent'
        ? 'agent' in action && action.agent
          ? action.agent
          : (previous.consoles[0]?.user ?? AGENTS[0])
        : null;
    return { clock: previous.clock, sinces, logins, agent };
  }

  /** Adds one transition to the ledger. */
  private observe(node: ExploredState, action: Action, before: Before, state: DeploymentState): void {
    const downBefore = (node.down ??= downLabel(node.facts.down));
    if (before.sinces) {
      const { sinces, clock } = before;
      for (const threshold of this.thresholds) {
        if (sinces.some((t) => clock - t < threshold && state.clock - t >= threshold)) {
          this.ledger.threshold(downBefore, threshold);
        }
      }
    }
    this.ledger.event(action.type, downBefore);
    if (action.type === 'fail' && !node.facts.down.has(action.server) && roleOf(action.server) !== 'Application') {
      this.ledger.instanceFailed(action.server);
    } else if (action.type === 'fail' && !node.facts.down.has(action.server)) {
      let chats = 0;
      for (const session of node.facts.liveSessions) if (session.home === action.server) chats++;
      this.ledger.instanceFailed(action.server, before.logins, chats);
    }
    if (before.agent !== null) this.ledger.agentActed(before.agent);
  }
}

/** The state before a step, as the ledger reads it. */
interface Before {
  readonly clock: number;
  /** For a wait: every "since" before it. */
  readonly sinces: readonly number[] | null;
  /** For a failing Application server: the logins it held. */
  readonly logins: number;
  /** For an agent's action: the agent. */
  readonly agent: string | null;
}

/** Every "since" in the state: the moments from which the model's thresholds count. */
function sincesOf(state: DeploymentState): number[] {
  const found: number[] = [];
  eachSince(state, (since) => found.push(since));
  return found;
}

/** Calls `visit` with every "since" of the state, in `sincesOf`'s order, without a list of them. */
function eachSince(state: DeploymentState, visit: (since: number) => void): void {
  for (const w of state.windows) {
    if (w.unreachableSince !== null) visit(w.unreachableSince);
    // model/rules/messaging-outage.ts: a customer whose messages the Messaging server blocks hears of connection issues.
    if (w.messagingBlockedSince !== null) visit(w.messagingBlockedSince);
  }
  for (const console of state.consoles) {
    if (console.unreachableSince !== null) visit(console.unreachableSince);
    for (const c of console.chats) if (c.customerSilentSince !== null) visit(c.customerSilentSince);
    for (const tab of Object.values(console.tabs)) if (tab?.state === 'loading') visit(tab.since);
  }
}
