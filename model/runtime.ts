/**
 * The small runtime that applies the action table and the rules: it holds the state, the simulated clock and
 * the trace. An action is checked against its guard, recorded, performed, and then every rule settles its
 * consequences in a fixed order; time moves deadline by deadline, settling after each.
 *
 * The rules settle what the step touched (model/changes.ts), found through a directory of the state
 * (model/directory.ts, model/routing-queue.ts), and time moves by an agenda of deadlines (model/agenda.ts); all
 * three are derived from the state, built from it when first needed (so a copy, or a deployment compacted to
 * be kept for later, builds its own). How much a settle walks is the
 * deployment's `Settling`.
 *
 * Deterministic and free of I/O: the clock only moves when a plan says time passes, and the same plan always
 * gives the same trace.
 */
import { copyPlain } from './copy';
import { ActionRejected } from './errors';
import { definitionOf, describeAction, type Action } from './actions';
import { NOTE } from './actions/definition';
import { formatTimestamp, type Seconds } from './clock';
import { Agenda } from './agenda';
import { Changes } from './changes';
import { Directory } from './directory';
import type { ModelParameters } from './parameters';
import { RoutingQueue } from './routing-queue';
import { tableOf, type Deadline, type Rule, type RuleTable } from './rules/rule';
import type { State } from './state';
import type { TraceEvent } from './trace';

/**
 * How the rules settle a step: `changes`, what it touched (model/changes.ts); `everything`, every list with the
 * directory built afresh before each rule (the reference the others are tested against); `by size`, what it
 * touched once the deployment holds more than `WALK_AT_MOST` windows, consoles and sessions, and below that
 * every list (with the directory kept as for `changes`), since keeping track costs more than walking a few.
 */
export type Settling = 'by size' | 'changes' | 'everything';

/** The size up to which `by size` walks everything: the fuzzer's deployments, the source's scenarios. */
export const WALK_AT_MOST = 16;

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type TraceEventNow = DistributiveOmit<TraceEvent, 'at'>;

const NO_EVENTS: readonly TraceEvent[] = Object.freeze([]);

export class Runtime {
  constructor(
    readonly state: State,
    readonly parameters: ModelParameters,
    /** The epoch in milliseconds: every new activity's when_created is computed from it. */
    readonly epochMillis: number,
    readonly entryPoint: string,
    readonly recording: boolean,
    readonly rules: readonly Rule[],
    readonly events: TraceEvent[] = [],
    readonly settling: Settling = 'by size',
    /** Sees each set of indexes derived from the state: tests break one on purpose (DeploymentSetup.tamper). */
    readonly tamper: ((indexes: Indexes) => void) | null = null,
  ) {
    this.settleEverything = settling === 'everything';
    this.table = tableOf(rules);
  }

  private readonly table: RuleTable;
  private readonly settleEverything: boolean;
  /** Built from the state when first needed (`derive`), and dropped by `compact`. */
  private derived: Derived | null = null;

  /** Where to find sessions, windows, consoles and rows: built from the state, so a copy builds its own. */
  get directory(): Directory {
    return (this.derived ??= this.derive()).directory;
  }

  get queue(): RoutingQueue {
    return (this.derived ??= this.derive()).queue;
  }

  get changes(): Changes {
    return (this.derived ??= this.derive()).changes;
  }

  private get agenda(): Agenda {
    return (this.derived ??= this.derive()).agenda;
  }

  private derive(): Derived {
    const directory = Directory.of(this.state);
    const derived = {
      directory,
      queue: RoutingQueue.of(this.state, directory),
      changes: new Changes(this),
      agenda: new Agenda(this, this.table),
    };
    this.tamper?.(derived);
    return derived;
  }

  /**
   * Drops what is derived from the state (the directory, the routing queue, the changes and the agenda), to be
   * built again when next needed, as a copy builds its own: a deployment kept for later holds only its state.
   */
  compact(): void {
    this.derived = null;
  }

  /** Builds the directory and the routing queue afresh from the state, as settling everything does. */
  private rebuild(): void {
    const derived = (this.derived ??= this.derive());
    derived.directory = Directory.of(this.state);
    derived.queue = RoutingQueue.of(this.state, derived.directory);
  }

  /** An independent copy: the state is plain data, the rest is shared or copied. */
  clone(): Runtime {
    const { parameters, epochMillis, entryPoint, recording, rules, settling, tamper } = this;
    return new Runtime(
      copyPlain(this.state),
      parameters,
      epochMillis,
      entryPoint,
      recording,
      rules,
      recording ? [...this.events] : [],
      settling,
      tamper,
    );
  }

  record(event: TraceEventNow): void {
    if (!this.recording) return;
    this.events.push({ at: this.state.clock, ...event } as TraceEvent);
  }

  /** The database timestamp of now on the model's clock. */
  timestamp(): string {
    return formatTimestamp(this.epochMillis + this.state.clock * 1000);
  }

  /** Why `action` cannot happen now, or `null` if it can. */
  refusal(action: Action): string | null {
    return definitionOf(action).refusal(this, action);
  }

  /** Applies one action and returns the trace events it caused; throws `ActionRejected` if it cannot happen now. */
  apply(action: Action): readonly TraceEvent[] {
    if (this.settleEverything) this.rebuild();
    // Built from the state before the step changes it, so that what the step adds is filed once.
    this.derived ??= this.derive();
    this.begin();
    const first = this.events.length;
    const definition = definitionOf(action);
    const reason = definition.refusal(this, action);
    if (reason !== null) throw new ActionRejected(describeAction(action), reason, definition.cannot(action, NOTE));
    if (this.recording) this.record({ type: 'step', actor: definition.actor, what: describeAction(action) });
    definition.perform(this, action);
    this.settle();
    return this.recording ? this.events.slice(first) : NO_EVENTS;
  }

  /** Moves the clock forward, stopping at each deadline on the way to fire it and settle. */
  advance(seconds: Seconds): void {
    const target = this.state.clock + seconds;
    for (;;) {
      // Walking every window and console is what settling everything does, and cheaper for a few of them.
      const pending = this.settleEverything || this.changes.everything ? this.agenda.scan() : null;
      const next = pending ? earliest(pending) : this.agenda.next();
      if (next === null || next > target) break;
      const due = pending ? pending.filter((deadline) => deadline.at === next) : this.agenda.due(next);
      this.state.clock = next;
      for (const deadline of due) deadline.fire();
      this.settle();
    }
    this.state.clock = target;
  }

  /**
   * Brings the screens, queues and timers the step touched up to date with the servers' state, rule by rule in
   * a fixed order, and files the deadlines of what they settled.
   */
  settle(): void {
    const { changes, table } = this;
    if (this.settleEverything) {
      for (const settle of table.settlers) {
        this.rebuild();
        changes.everything = true;
        settle(this, changes);
      }
      changes.clear();
      return;
    }
    for (const settle of table.settlers) settle(this, changes);
    this.agenda.note(changes);
    changes.clear();
    this.begin();
  }

  /** Starts what the next settle will read: everything, if the deployment is small enough to walk. */
  private begin(): void {
    if (this.settling !== 'by size') return;
    const { windows, consoles, sessions } = this.state;
    this.changes.everything = windows.length + consoles.length + sessions.length <= WALK_AT_MOST;
  }
}

/** What the runtime derives from the state: the indexes beside it, each tested against its reference. */
export interface Indexes {
  readonly directory: Directory;
  readonly queue: RoutingQueue;
  readonly changes: Changes;
  readonly agenda: Agenda;
}

/** What the runtime derives from the state. */
interface Derived {
  directory: Directory;
  queue: RoutingQueue;
  readonly changes: Changes;
  readonly agenda: Agenda;
}

function earliest(deadlines: readonly Deadline[]): Seconds | null {
  let next: Seconds | null = null;
  for (const deadline of deadlines) if (next === null || deadline.at < next) next = deadline.at;
  return next;
}
