/**
 * The deployment model as a state space for `search`: a state is the deployment with the invariant checker and
 * the laws' history watching it and the bounds used so far; its key encodes all four, so two plans that reach
 * the same model state with the same memory are explored once. Applying an action checks every invariant and
 * every law, and adds to the behaviour ledger.
 */
import type { Action } from '../../model/actions';
import type { Deployment } from '../../model/deployment';
import type { DeploymentState } from '../../model/state';
import { ActionRejected } from '../../model/errors';
import { roleOf } from '../../model/servers';
import type { ModelParameters } from '../../model/parameters';
import { newDeployment, type DeploymentFactory } from '../../plans/interpreter';
import { emailArrives } from '../commands/email-arrives';
import { AGENTS, CUSTOMERS } from './actors';
import { InvariantChecker } from '../invariants';
import { EMPTY_HISTORY, factsOf, hashHistory, historyKey, type Facts, type History } from '../laws/history';
import { checkLaws, type PremiseCounts } from '../laws';
import { setupOf, type Bounds } from './bounds';
import { encodeState, type StateHasher } from './encode';
import { downLabel, type BehaviourLedger } from './ledger';
import type { ModelAdapter } from './search';

/** What each plan has used of its bounds, one counter each. */
const enum Used {
  Waits,
  Logins,
  Logouts,
  Emails,
  Tabs,
  Completions,
  /** Then one per customer (chats started), then one per server (failures). */
  Customers,
}

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
  private readonly table: ActionTable;

  constructor(
    readonly bounds: Bounds,
    private readonly ledger: BehaviourLedger,
    private readonly premises: PremiseCounts,
    private readonly factory: DeploymentFactory = newDeployment,
  ) {
    this.parameters = factory().parameters;
    this.thresholds = [...new Set(Object.values(this.parameters))].sort((a, b) => a - b);
    this.horizon = this.thresholds.at(-1)!;
    this.setup = setupOf(bounds);
    this.table = new ActionTable(bounds);
  }

  /**
   * The empty deployment of the bounds, after its setup (another Application server joining it), which the
   * invariants and laws watch like any step; every counterexample's plan starts with the same setup.
   */
  initial(): ExploredState {
    const deployment = this.factory({ recordTrace: false });
    const checker = new InvariantChecker();
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
      used: new Array<number>(Used.Customers + this.bounds.customers + this.bounds.servers.length).fill(0),
      depth: 0,
    };
  }

  enabled(node: ExploredState): Action[] {
    const { bounds, table } = this;
    const state = node.deployment.inspect();
    const used = node.used;
    const candidates: Action[] = [];
    for (let i = 0; i < bounds.servers.length; i++) {
      if (!state.servers[bounds.servers[i]!]) candidates.push(table.restore[i]!);
      else if (used[Used.Customers + bounds.customers + i]! < bounds.failuresPerServer) candidates.push(table.fail[i]!);
    }
    if (used[Used.Waits]! < bounds.waits) {
      const next = this.nextThreshold(state);
      if (next !== null) candidates.push(table.wait(next));
      for (const seconds of bounds.waitSteps) if (seconds !== next) candidates.push(table.wait(seconds));
    }
    const sent = node.facts.messages;
    const messages = sent < bounds.messages;
    for (let c = 0; c < bounds.customers; c++) {
      if (messages && used[Used.Customers + c]! < bounds.chatsPerCustomer) candidates.push(table.startChat[c]![sent]!);
      if (messages) candidates.push(table.customerSends[c]![sent]!);
      if (messages) candidates.push(table.agentSendsTo[c]![sent]!);
      if (used[Used.Completions]! < bounds.completions) candidates.push(table.completeFor[c]!);
    }
    for (let a = 0; a < bounds.agents; a++) {
      if (used[Used.Logins]! < bounds.logins) candidates.push(table.login[a]!);
      if (used[Used.Logouts]! < bounds.logouts) candidates.push(table.logout[a]!);
      if (used[Used.Tabs]! < bounds.tabs) candidates.push(table.tab[a]!);
      if (a === 0) continue; // the first agent's chat actions are the customers' loop above
      if (messages) candidates.push(table.agentSends[a]![sent]!);
      if (used[Used.Completions]! < bounds.completions) candidates.push(table.agentCompletes[a]!);
    }
    if (used[Used.Emails]! < bounds.emails) candidates.push(table.email[used[Used.Emails]!]!);
    const enabled: Action[] = [];
    for (const action of candidates) {
      const reason = node.deployment.rejection(action);
      if (reason === null) enabled.push(action);
      else this.ledger.refused(action.type, this.refusalLabel(reason));
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
    return { deployment, checker, history, facts, used: this.use(node, action), depth: node.depth + 1 };
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
    let next: number | null = null;
    for (const since of sincesOf(state)) {
      for (const threshold of this.thresholds) {
        const wait = since + threshold - state.clock;
        if (wait > 0 && (next === null || wait < next)) next = wait;
      }
    }
    return next;
  }

  /** Adds one distinct state to the ledger (the search calls it once per state). */
  countState(node: ExploredState): void {
    const state = node.deployment.inspect();
    node.down = downLabel(node.facts.down);
    let inSession = 0;
    for (const window of state.windows) if (window.state === 'in session') inSession++;
    this.ledger.state(node.down, inSession);
  }

  private use(node: ExploredState, action: Action): number[] {
    const used = [...node.used];
    const { bounds } = this;
    switch (action.type) {
      case 'fail':
        used[Used.Customers + bounds.customers + bounds.servers.indexOf(action.server)]!++;
        break;
      case 'wait':
        used[Used.Waits]!++;
        break;
      case 'agent-logs-in':
        used[Used.Logins]!++;
        break;
      case 'agent-logs-out':
        used[Used.Logouts]!++;
        break;
      case 'email-arrives':
        used[Used.Emails]!++;
        break;
      case 'agent-opens-tab':
        used[Used.Tabs]!++;
        break;
      case 'agent-completes-chat':
        used[Used.Completions]!++;
        break;
      case 'customer-starts-chat':
        used[
          Used.Customers +
            Math.max(0, CUSTOMERS.indexOf((action.customer ?? CUSTOMERS[0]) as (typeof CUSTOMERS)[number]))
        ]!++;
        break;
    }
    return used;
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
    const agent = action.type.startsWith('agent-')
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
    const event =
      action.type === 'agent-logs-in'
        ? 'login'
        : action.type === 'agent-logs-out'
          ? 'logout'
          : action.type === 'email-arrives'
            ? 'email'
            : action.type === 'agent-opens-tab'
              ? 'tab'
              : null;
    if (event) this.ledger.event(event, downBefore);
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
  for (const w of state.windows) {
    if (w.unreachableSince !== null) found.push(w.unreachableSince);
    // model/rules/messaging-outage.ts: a customer whose messages the Messaging server blocks hears of connection issues.
    if (w.messagingBlockedSince !== null) found.push(w.messagingBlockedSince);
  }
  for (const console of state.consoles) {
    if (console.unreachableSince !== null) found.push(console.unreachableSince);
    for (const c of console.chats) if (c.customerSilentSince !== null) found.push(c.customerSilentSince);
    for (const tab of Object.values(console.tabs)) if (tab?.state === 'loading') found.push(tab.since);
  }
  return found;
}

/**
 * Every action the bounds let a plan try, made once, so the same step in two states is one object (and a state's
 * candidates cost no allocation): per server, per customer or agent, and per number of messages sent so far.
 */
class ActionTable {
  readonly fail: Action[];
  readonly restore: Action[];
  readonly startChat: Action[][];
  readonly customerSends: Action[][];
  readonly agentSendsTo: Action[][];
  readonly completeFor: Action[];
  readonly login: Action[];
  readonly logout: Action[];
  readonly tab: Action[];
  readonly agentSends: Action[][];
  readonly agentCompletes: Action[];
  readonly email: Action[];
  private readonly waits = new Map<number, Action>();

  constructor(bounds: Bounds) {
    const sent = Array.from({ length: bounds.messages }, (_, n) => n + 1);
    const customers = CUSTOMERS.slice(0, bounds.customers).map((address, c) => (c === 0 ? undefined : address));
    const agents = AGENTS.slice(0, bounds.agents);
    this.fail = bounds.servers.map((server) => ({ type: 'fail', server }));
    this.restore = bounds.servers.map((server) => ({ type: 'restore', server }));
    this.startChat = customers.map((customer) =>
      sent.map((n) => ({ type: 'customer-starts-chat', ...(customer && { customer }), question: `Question ${n}` })),
    );
    this.customerSends = customers.map((customer) =>
      sent.map((n) => ({ type: 'customer-sends', ...(customer && { customer }), text: `Customer line ${n}` })),
    );
    this.agentSendsTo = customers.map((customer) =>
      sent.map((n) => ({ type: 'agent-sends', text: `Agent line ${n}`, ...(customer && { customer }) })),
    );
    this.completeFor = customers.map((customer) => ({ type: 'agent-completes-chat', ...(customer && { customer }) }));
    this.login = agents.map((agent) => ({ type: 'agent-logs-in', agent }));
    const named = agents.map((agent, a) => (a === 0 ? {} : { agent }));
    this.logout = named.map((who) => ({ type: 'agent-logs-out', ...who }));
    this.tab = named.map((who) => ({ type: 'agent-opens-tab', tab: 'Case', ...who }));
    this.agentSends = agents.map((agent) => sent.map((n) => ({ type: 'agent-sends', text: `Agent line ${n}`, agent })));
    this.agentCompletes = agents.map((agent) => ({ type: 'agent-completes-chat', agent }));
    this.email = Array.from({ length: bounds.emails }, (_, n) => emailArrives(n));
  }

  wait(seconds: number): Action {
    let action = this.waits.get(seconds);
    if (action === undefined) this.waits.set(seconds, (action = { type: 'wait', seconds }));
    return action;
  }
}
