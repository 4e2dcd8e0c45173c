/**
 * The small runtime that applies the action table and the rules: it holds the state, the simulated clock and
 * the trace. An action is checked against its guard, recorded, performed, and then every rule settles its
 * consequences in a fixed order; time moves deadline by deadline, settling after each.
 *
 * Deterministic and free of I/O: the clock only moves when a plan says time passes, and the same plan always
 * gives the same trace.
 */
import { copyPlain } from './copy';
import { ActionRejected } from './errors';
import { definitionOf, describeAction, type Action } from './actions';
import { NOTE } from './actions/definition';
import { formatTimestamp, type Seconds } from './clock';
import type { ModelParameters } from './parameters';
import type { Deadline, Rule } from './rules/rule';
import type { State } from './state';
import type { TraceEvent } from './trace';

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
  ) {}

  /** An independent copy: the state is plain data, the rest is shared or copied. */
  clone(): Runtime {
    const { parameters, epochMillis, entryPoint, recording, rules } = this;
    return new Runtime(
      copyPlain(this.state),
      parameters,
      epochMillis,
      entryPoint,
      recording,
      rules,
      recording ? [...this.events] : [],
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
      const pending = this.deadlines();
      let next: Seconds | null = null;
      for (const deadline of pending) if (next === null || deadline.at < next) next = deadline.at;
      if (next === null || next > target) break;
      this.state.clock = next;
      for (const deadline of pending) if (deadline.at === next) deadline.fire();
      this.settle();
    }
    this.state.clock = target;
  }

  /** Deadlines are derived from the state's "since" fields, so each one passes exactly once as the clock moves on. */
  private deadlines(): Deadline[] {
    const found: Deadline[] = [];
    for (const rule of this.rules) rule.deadlines?.(this, found);
    const clock = this.state.clock;
    return found.filter((deadline) => deadline.at > clock);
  }

  /** Brings every screen, queue and timer up to date with the servers' state, rule by rule in a fixed order. */
  settle(): void {
    for (const rule of this.rules) rule.settle?.(this);
  }
}
