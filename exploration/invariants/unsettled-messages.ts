/**
 * The memory the two message invariants need: which chat messages are still on their way (accepted, in a live
 * session, not delivered, their sender not warned), and how many messages the checker has seen. A message leaves
 * the list once delivered, warned of, or in a lost or exited session: only those on it can still go wrong. The
 * state determines it, so it is no part of the explorer's state key.
 */
import type { DeploymentState } from '../../model/state';
import type { MemoryOf } from './invariant';

export interface Unsettled {
  readonly ids: readonly number[];
  /** How many of the state's messages were looked at so far. */
  readonly seen: number;
}

const NONE: Unsettled = Object.freeze({ ids: Object.freeze([]) as readonly number[], seen: 0 });

export const UNSETTLED: MemoryOf<Unsettled> = { initial: () => NONE };

/** The messages a step must look at: those still on their way before it, then those sent since. */
export function toLookAt(memory: Unsettled, state: DeploymentState): readonly number[] {
  const count = state.messages.length;
  if (memory.seen === count) return memory.ids;
  const ids = memory.ids.slice();
  for (let id = memory.seen; id < count; id++) ids.push(id);
  return ids;
}

/** The session of a message, if there still is one. */
export function sessionOfMessage(state: DeploymentState, id: number): DeploymentState['sessions'][number] | undefined {
  const activityId = state.messages[id]!.activityId;
  return state.sessions.find((s) => s.activityId === activityId);
}

/** Whether a message not yet delivered needs no more watching: its sender was warned, or its session lost or exited. */
export function settledUndelivered(state: DeploymentState, id: number): boolean {
  const ended = sessionOfMessage(state, id)?.ended;
  // A lost session is the customer's to be told of; an exited one the console shows as "Customer exited chat".
  return state.messages[id]!.senderWarned || ended === 'lost' || ended === 'exited';
}

/** Whether a message not yet delivered is still on its way: accepted, in a live session. */
export function onItsWay(state: DeploymentState, id: number): boolean {
  return state.messages[id]!.accepted && sessionOfMessage(state, id)?.ended === null;
}

/** The memory after the step: of `looked`, the messages still on their way; the same memory when nothing changed. */
export function stillOnTheirWay(memory: Unsettled, looked: readonly number[], state: DeploymentState): Unsettled {
  let kept: number[] | null = null;
  for (let i = 0; i < looked.length; i++) {
    const id = looked[i]!;
    const stays = state.messages[id]!.deliveredAt === null && !settledUndelivered(state, id) && onItsWay(state, id);
    if (stays) kept?.push(id);
    else kept ??= looked.slice(0, i);
  }
  const count = state.messages.length;
  if (kept === null && looked === memory.ids && memory.seen === count) return memory;
  return { ids: kept ?? looked, seen: count };
}
