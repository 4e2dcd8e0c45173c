/**
 * A chat session as the Application server holds it: the shared transcript both sides read, and whether the
 * session still exists. It lives in the Application server's memory, so it dies with that server; its
 * database row does not. (UCCE 7.5 design guide: a failed application server's users get a new session.)
 */
import type { Seconds } from './clock';
import type { WindowLine } from './customer-window';

/** Completed by the agent, lost with its Application server, or ended by the customer closing the window. */
export type SessionEnd = 'completed' | 'lost' | 'exited';

export interface ChatSession {
  readonly activityId: number;
  readonly customerAddress: string;
  /** The Application server instance that holds the session in its memory. */
  readonly home: string;
  /** `null` until the chat is routed to an agent. */
  agentUserName: string | null;
  /** `null` while the session lives on the Application server. */
  ended: SessionEnd | null;
  /** Messages that passed through the messaging path, and the system notices both sides see. */
  transcript: WindowLine[];
}

/** Every chat message anyone typed, delivered or not: the evidence the no-silent-loss invariant reads. */
export interface ChatMessage {
  readonly id: number;
  readonly activityId: number;
  readonly from: 'customer' | 'agent';
  readonly text: string;
  readonly sentAt: Seconds;
  /** Accepted onto the messaging path (into the shared transcript). */
  accepted: boolean;
  /** When the other side's screen showed it, if it has. */
  deliveredAt: Seconds | null;
  /** The sender's screen said it may not have been delivered. */
  senderWarned: boolean;
}

export function isLive(session: ChatSession): boolean {
  return session.ended === null;
}
