/**
 * The integrated agent's console (Agent's Guide 4.3(1)): the chat list with its status texts and connection
 * icons, the chat pane, pop-ups, the browser title bar, the information tabs and the email reply whose
 * buttons grey out when the agent cannot handle activities.
 */
import type { Seconds } from './clock';
import type { WindowLine } from './customer-window';

export const CHAT_STATUS = {
  waitingForAgent: 'Waiting for you to reply',
  waitingForCustomer: 'Waiting for customer to reply',
  customerNotConnected: 'Customer not connected',
  /** Agent's Guide: the customer closed the chat window; the chat waits for the agent to complete it. */
  customerExited: 'Customer exited chat',
} as const;
export type ChatStatus = (typeof CHAT_STATUS)[keyof typeof CHAT_STATUS];

export const CONNECTION_ICONS = ['green circle', 'yellow triangle', 'red square'] as const;
export type ConnectionIcon = (typeof CONNECTION_ICONS)[number];

export const AGENT_NOTICES = {
  mayNotHaveBeenDelivered: '[Some of the above messages may not have been delivered.]',
} as const;

export const TITLE_BAR_WARNING = 'A connection could not be established with the server';

export const POPUPS = {
  sessionInProgress: 'Session in Progress',
  /** (inferred wording) The source: the agent is incorrectly told the session is still active. */
  chatStillActive: 'The chat session is still active.',
  /** (inferred wording) docs/sources.md, "The agent console": a pop-up titled "system encountered a delay". */
  systemDelay: 'The system has encountered a delay. Please try again later.',
  /** (inferred wording) docs/sources.md, "The agent console": a pop-up titled "no longer ...". */
  sessionNoLongerValid: 'Your session is no longer valid. Please log in again.',
  /** (inferred wording) The source: "the agent desktop will time out". */
  desktopTimedOut: 'The agent desktop has timed out waiting for the server.',
  /**
   * (inferred wording, assumption lost-close) Completing a chat whose customer's window never fetched some of
   * the agent's messages: the chat pane that would show the notice closes with the chat.
   */
  messagesNotDelivered: 'Some of your messages in this chat may not have been delivered.',
  /** (inferred) A login attempt while the Application or Web server is down. */
  loginFailed: 'A connection could not be established with the server',
} as const;
export type Popup = keyof typeof POPUPS;

export const INFORMATION_TABS = ['Case', 'Customer', 'Activity', 'Contact'] as const;
export type InformationTab = (typeof INFORMATION_TABS)[number];

export type TabState =
  | { readonly state: 'loaded'; readonly at: Seconds }
  | { readonly state: 'loading'; readonly since: Seconds }
  | { readonly state: 'timed out'; readonly at: Seconds };

export type LoginState = 'logged out' | 'logged in' | 'session lost';

export interface ConsoleChat {
  readonly activityId: number;
  readonly key: number;
  readonly customerName: string;
  pane: WindowLine[];
  transcriptRead: number;
  /** Since when the console has not heard from this chat's customer, if it does not now. */
  customerSilentSince: Seconds | null;
}

export interface AgentConsole {
  /** The agent whose console (browser) this is. */
  readonly user: string;
  /** Who the console shows as logged in, or last logged in; `null` until a login first gets through. */
  agentUserName: string | null;
  /** The Application server instance holding the login session, while there is one. */
  home: string | null;
  login: LoginState;
  /** Registered with the Services server's routing at login, and the Services server has not failed since. */
  registeredForRouting: boolean;
  unreachableSince: Seconds | null;
  popups: { readonly popup: Popup; readonly at: Seconds }[];
  chats: ConsoleChat[];
  tabs: Partial<Record<InformationTab, TabState>>;
  /**
   * The desktop itself gave up waiting for the server ("the agent desktop will time out"): its own observable,
   * not a tab's state, though what it waited for here is a tab. Cleared by a new login.
   */
  desktopTimedOut: boolean;
  /** Activity ids of the emails in the agent's inbox. */
  inbox: number[];
}

export function closedConsole(user: string): AgentConsole {
  return {
    user,
    agentUserName: null,
    home: null,
    login: 'logged out',
    registeredForRouting: false,
    unreachableSince: null,
    popups: [],
    chats: [],
    tabs: {},
    desktopTimedOut: false,
    inbox: [],
  };
}

/** The lowest free key 1 to 9 in the chat list. */
export function freeKey(console: AgentConsole): number {
  for (let key = 1; key <= 9; key++) {
    if (!console.chats.some((chat) => chat.key === key)) return key;
  }
  throw new RangeError('The chat list already holds nine chats (keys 1 to 9)');
}

export function lastMessageFrom(chat: ConsoleChat): 'customer' | 'agent' | null {
  for (let i = chat.pane.length - 1; i >= 0; i--) {
    const line = chat.pane[i]!;
    if (line.kind === 'message') return line.from;
  }
  return null;
}
