/**
 * The customer's chat window (`LiveCustomerServlet.egain`): the lines it shows, and what it knows of its
 * session. Bracketed notices the source quotes are quoted exactly; the others are marked (inferred).
 */
import type { Seconds } from './clock';

export const CUSTOMER_NOTICES = {
  agentWillBeWithYou: '[An agent will be with you shortly.]',
  couldNotBeDelivered: '[The following message could not be delivered. Try to send it again.]',
  /** (inferred wording) The source says the customer is told messages sent after the failure were lost, and to start a new session. */
  sessionLost:
    '[Your chat session was lost because of a system problem. Messages sent after the problem began were not delivered. Please start a new chat.]',
  /** (inferred wording) The source says the customer "will be informed of connection issues". */
  connectionIssues: '[We are having connection issues. Please wait while we try to reconnect.]',
  /**
   * The source's own words for messages that may not have been delivered; (inferred) the customer sees them when
   * the agent completes a chat before the console showed some of the customer's messages.
   */
  someMayNotHaveBeenDelivered: '[Some of the above messages may not have been delivered.]',
  /** (inferred) What a customer sees when an agent completes the chat. */
  chatCompleted: '[The agent has ended this chat session.]',
  /** (inferred) What a customer sees when a new chat cannot be created. */
  chatUnavailable: '[Chat is not available right now. Please try again later.]',
} as const;

export type CustomerNotice = keyof typeof CUSTOMER_NOTICES;

/**
 * The Customer Entry window as the source's screenshots show it: its browser title, its address on the lab's
 * Web server (host 43web, chat entry point Integ) and the banner above the transcript.
 */
export const CUSTOMER_ENTRY = {
  title: 'Customer Entry - Mozilla Firefox',
  url: 'http://43web/system/LiveCustomerServlet.egain?eglvcmd=CustEntry&entryPointName=Integ',
  banner: 'Live help | Powered by Cisco Chat™',
} as const;

export const nowChattingWith = (agentScreenName: string): string => `[You are now chatting with ${agentScreenName}.]`;

export type WindowLine =
  | {
      readonly kind: 'message';
      readonly from: 'customer' | 'agent';
      readonly name: string;
      readonly text: string;
      readonly messageId: number;
    }
  | { readonly kind: 'notice'; readonly text: string; readonly notice?: CustomerNotice }
  /** The text of a message that could not be delivered, shown again under the notice so it can be resent. */
  | { readonly kind: 'undelivered'; readonly text: string; readonly messageId: number };

/** `closed`: the customer closed the window, so nothing more can be shown to them. */
export type SessionState = 'in session' | 'ended' | 'closed';

export interface CustomerWindow {
  readonly address: string;
  readonly name: string;
  state: SessionState;
  activityId: number;
  lines: WindowLine[];
  /** How far into the server-side transcript this window has read. */
  transcriptRead: number;
  /** Since when the window has been unable to reach the Application server, if it cannot now. */
  unreachableSince: Seconds | null;
  /** Since when the window has reached the Application server but its messages could not pass the Messaging server. */
  messagingBlockedSince: Seconds | null;
}

export function renderLine(line: WindowLine): string {
  switch (line.kind) {
    case 'message':
      return `${line.name} : ${line.text}`;
    case 'notice':
    case 'undelivered':
      return line.text;
  }
}
