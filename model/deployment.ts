/**
 * A WIM/EIM deployment: its servers, agents and customers, driven by the action table (model/actions) and
 * the rules (model/rules) through a small runtime (model/runtime.ts). `apply` takes one action of the plan
 * vocabulary and returns what it caused; every consequence follows from rules over which servers are up and
 * how much time has passed, so combined failures behave as the single-server rules compose.
 *
 * The state is plain data (model/state.ts): `inspect()` reads it without a copy, `clone()` copies it.
 */
import type { Action } from './actions';
import { parseTimestamp, type Seconds } from './clock';
import type { ChatMessage } from './chat-session';
import { REFERENCE_USERS, chatActivity, createdAtOf, type DiagnosticRow, type UserRow } from './database';
import { checkParameters, DEFAULT_PARAMETERS, type ModelParameters } from './parameters';
import { RULES, type Rule } from './rules';
import { Runtime, type Indexes, type Settling } from './runtime';
import type { Server } from './servers';
import { initialState, type DeploymentState } from './state';
import type { TraceEvent } from './trace';
import { viewOf, type DeploymentView } from './views';

/** The source's chat activity 1347 was created at this time; scenarios start their clock here. */
export const DEFAULT_EPOCH = '2011-07-12 14:49:55.000';
/** The entry point the source's email reply names as its sender. */
export const DEFAULT_ENTRY_POINT = 'eim@DSLlab.cisco.com';

export interface DeploymentSetup {
  readonly parameters?: Partial<ModelParameters>;
  readonly epoch?: string;
  readonly entryPoint?: string;
  /**
   * Whether to record the trace (the default). The fuzzer turns it off on its hot path, where building and
   * collecting trace events took about half of each step; it replays plans with the trace on to check them.
   */
  readonly recordTrace?: boolean;
  /** The rules to settle with, in order; tests pass a list with one rule taken out to get a broken model. */
  readonly rules?: readonly Rule[];
  /** egpl_user: the agents who can log in (the source's JDoe and DMarino unless a benchmark needs more). */
  readonly users?: readonly UserRow[];
  /**
   * How the rules settle a step (model/runtime.ts): what it touched once the deployment is larger than a few
   * windows, consoles and sessions (the default, `by size`), always what it touched (`changes`), or everything
   * with the directory built afresh (`everything`): the reference test/unit/model/incremental-settle.test.ts compares
   * the other two with.
   */
  readonly settling?: Settling;
  /**
   * Sees each set of indexes the runtime derives from the state (model/runtime.ts, `Indexes`): the equivalence
   * test breaks one on purpose through it, to show that a broken index fails the test. Never set otherwise.
   */
  readonly tamper?: (indexes: Indexes) => void;
}

export class Deployment {
  readonly parameters: ModelParameters;
  readonly epoch: string;
  readonly entryPoint: string;
  readonly recordTrace: boolean;
  readonly rules: readonly Rule[];
  readonly users: readonly UserRow[];
  readonly settling: Settling;
  readonly tamper: ((indexes: Indexes) => void) | null;
  private runtime: Runtime;

  constructor(setup: DeploymentSetup = {}) {
    this.parameters =
      setup.parameters === undefined
        ? { ...DEFAULT_PARAMETERS }
        : checkParameters({ ...DEFAULT_PARAMETERS, ...setup.parameters });
    this.epoch = setup.epoch ?? DEFAULT_EPOCH;
    this.entryPoint = setup.entryPoint ?? DEFAULT_ENTRY_POINT;
    this.recordTrace = setup.recordTrace ?? true;
    this.rules = setup.rules ?? RULES;
    this.users = setup.users ?? REFERENCE_USERS;
    this.settling = setup.settling ?? 'by size';
    this.tamper = setup.tamper ?? null;
    // parseTimestamp rejects a malformed epoch now rather than at the first chat.
    const epochMillis = parseTimestamp(this.epoch);
    this.runtime = new Runtime(
      initialState(this.users),
      this.parameters,
      epochMillis,
      this.entryPoint,
      this.recordTrace,
      this.rules,
      [],
      this.settling,
      this.tamper,
    );
  }

  /** The setup that makes another deployment like this one (with the trace recorded). */
  get setup(): DeploymentSetup {
    const { parameters, epoch, entryPoint, rules, users, settling, tamper } = this;
    return { parameters, epoch, entryPoint, rules, users, settling, ...(tamper && { tamper }) };
  }

  /** An independent copy, for exploring several continuations of one prefix. */
  clone(): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this, { runtime: this.runtime.clone() });
    return copy;
  }

  /**
   * Drops what the runtime derives from the state, to be built again when next needed: for a deployment kept
   * for later (the state-space explorer's states waiting to be expanded), so it holds only its state.
   */
  compact(): void {
    this.runtime.compact();
  }

  get clock(): Seconds {
    return this.runtime.state.clock;
  }

  get trace(): readonly TraceEvent[] {
    return this.runtime.events;
  }

  get messages(): readonly Readonly<ChatMessage>[] {
    return this.runtime.state.messages;
  }

  /**
   * The live state, uncopied and typed read-only: for invariant checks that run after every step of millions
   * and cannot pay for `view()`, which copies and renders everything. Never cast it back to mutable.
   */
  inspect(): DeploymentState {
    return this.runtime.state;
  }

  /** How long ago an activity was created, as the console's "Activity duration" counts it. */
  activityAge(activityId: number): Seconds {
    const createdAt = createdAtOf(this.runtime.state.db, activityId);
    if (createdAt === undefined) throw new RangeError(`There is no activity ${activityId}`);
    return this.runtime.state.clock - createdAt;
  }

  /** Whether the server instance is up; false for one the deployment does not have. */
  isUp(server: Server): boolean {
    return this.runtime.state.servers[server] === true;
  }

  /** The deployment's server instances, in the order they joined it. */
  get servers(): readonly Server[] {
    return Object.keys(this.runtime.state.servers);
  }

  /** Applies one action and returns the trace events it caused; throws `ActionRejected` if it cannot happen now. */
  apply(action: Action): readonly TraceEvent[] {
    return this.runtime.apply(action);
  }

  /** Why `action` cannot happen now, or `null` if it can. Reads state only. */
  rejection(action: Action): string | null {
    return this.runtime.refusal(action);
  }

  /** What each person sees and what the database says, now. */
  view(): DeploymentView {
    return viewOf(this.runtime.state, this);
  }

  /** The source's "this activity" query. */
  chatActivityRows(activityId: number): DiagnosticRow[] {
    return chatActivity(this.runtime.state.db, activityId);
  }
}
