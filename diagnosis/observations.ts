/**
 * What a person can see, read off the model's views (model/views.ts) and nothing else: the customer window's
 * notices, the chat list's status and icon, the title bar, pop-ups, greyed-out buttons, information tabs, a new
 * chat that does not reach an agent, and the rows of the source's open-chats query. The picker's vocabulary is
 * whatever these functions find in the explored states, so a new screen element reaches it without a second list.
 */
import { AGENT_NOTICES } from '../model/agent-console';
import { CUSTOMER_NOTICES } from '../model/customer-window';
import type { DeploymentView } from '../model/views';

/** The kinds of observation, in the order the picker groups them; each with its heading and its id's prefix. */
export const OBSERVATION_KINDS = {
  notice: { heading: "The customer's chat window shows", prefix: 'customer window' },
  pane: { heading: "The agent's chat pane shows", prefix: 'chat pane' },
  status: { heading: "The agent's chat list shows the status", prefix: 'chat status' },
  icon: { heading: "The chat list's connection icon is", prefix: 'chat icon' },
  titleBar: { heading: "The agent's title bar flashes", prefix: 'title bar' },
  popup: { heading: 'The agent gets the pop-up', prefix: 'pop-up' },
  console: { heading: "The agent's console", prefix: 'agent console' },
  tab: { heading: 'An information tab', prefix: 'tab' },
  newChat: { heading: 'New chats', prefix: 'new chats' },
  openChats: { heading: "The source's open-chats query returns", prefix: 'open-chats query' },
} as const;
export type ObservationKind = keyof typeof OBSERVATION_KINDS;

export interface Observation {
  /** `kind prefix: text`, unique over the vocabulary; what `--see` and the page's inputs name. */
  readonly id: string;
  readonly kind: ObservationKind;
  /** The words the screen uses. */
  readonly text: string;
}

export const observation = (kind: ObservationKind, text: string): Observation => ({
  id: `${OBSERVATION_KINDS[kind].prefix}: ${text}`,
  kind,
  text,
});

/** The open-chats query's row, as an observation's text: the status pair the source reads. */
export const openChatText = (status: number, subStatus: number): string => `a chat at ${status}/${subStatus}`;
export const NO_OPEN_CHATS = 'no rows';
export const GREYED_OUT = 'buttons greyed out (cannot take new activities)';
export const CHAT_NOT_ROUTED = "a customer's chat has not reached an agent";

/** Everything the view shows, each observation once, in a fixed order (kind, then first appearance). */
export function observationsOf(view: DeploymentView): Observation[] {
  const found = new Map<string, Observation>();
  const add = (kind: ObservationKind, text: string) => {
    const o = observation(kind, text);
    if (!found.has(o.id)) found.set(o.id, o);
  };
  const consoles = view.consoles ?? [view.console];
  for (const customer of view.customers) {
    for (const notice of customer.notices) add('notice', CUSTOMER_NOTICES[notice]);
  }
  const paneNotices = new Set<string>(Object.values(AGENT_NOTICES));
  for (const console of consoles) {
    for (const pane of Object.values(console.chatPanes))
      for (const line of pane) if (paneNotices.has(line)) add('pane', line);
    for (const row of console.chatList) add('status', row.chatStatus);
    for (const row of console.chatList) add('icon', row.icon);
    if (console.titleBar !== null) add('titleBar', console.titleBar);
    for (const popup of console.popups) add('popup', popup);
    if (console.login === 'logged in' && !console.canHandleActivities) add('console', GREYED_OUT);
    for (const [tab, state] of Object.entries(console.tabs)) if (state !== 'loaded') add('tab', `${tab} ${state}`);
  }
  const listed = new Set(consoles.flatMap((c) => c.chatList.map((row) => row.activityId)));
  if (view.customers.some((c) => c.inSession && !listed.has(c.activityId))) add('newChat', CHAT_NOT_ROUTED);
  const rows = view.database.openChats;
  for (const row of rows) add('openChats', openChatText(row.activity_status, row.activity_sub_status));
  if (rows.length === 0) add('openChats', NO_OPEN_CHATS);
  const order = Object.keys(OBSERVATION_KINDS);
  return [...found.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
