/**
 * What a run did, in order: who sent what to whom, which servers failed and came back, and what appeared on
 * the customer's and the agent's screens. Steps attach it to the cucumber run so that documentation can draw
 * sequence diagrams from the messages file alone.
 */
import type { Seconds } from './clock';
import type { Server } from './servers';

export const PARTICIPANTS = [
  'Customer',
  'Web',
  'Application',
  'Messaging',
  'Services',
  'Database',
  'AgentConsole',
] as const;
export type Participant = (typeof PARTICIPANTS)[number];

export type TraceEvent =
  /** A step of the plan: what somebody did, or time passing. */
  | {
      readonly at: Seconds;
      readonly type: 'step';
      readonly actor: 'Customer' | 'Agent' | 'Operator' | 'Clock';
      readonly what: string;
    }
  /** A server instance failed or came back: `server` is its instance name (`Application 2`). */
  | { readonly at: Seconds; readonly type: 'server-failed' | 'server-restored'; readonly server: Server }
  /** One hop of a request or message; `delivered: false` marks where it was lost. */
  | {
      readonly at: Seconds;
      readonly type: 'hop';
      readonly from: Participant;
      readonly to: Participant;
      readonly what: string;
      readonly delivered: boolean;
    }
  /** Something a person sees appear: a transcript line, a notice, a pop-up, a status change. */
  | { readonly at: Seconds; readonly type: 'shown'; readonly on: 'Customer' | 'AgentConsole'; readonly what: string };

/** The trace attachment (model/media-types.ts TRACE_MEDIA_TYPE): the model's timing parameters, and what happened in order. */
export interface Trace {
  readonly parameters: Readonly<Record<string, number>>;
  readonly events: readonly TraceEvent[];
}

/**
 * Whether two steps' events would be written as the same JSON, compared field by field without writing them:
 * the determinism replays compare every step, and a large run's pages compare the traces they start with. Events
 * are flat records; a field holding an object (an event read from a file may hold anything) is compared as JSON.
 */
export function sameEvents(a: readonly TraceEvent[], b: readonly TraceEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFields(a[i]!, b[i]!)) return false;
  return true;
}

function sameFields(a: object, b: object): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== other[i]) return false;
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
