/**
 * What each person sees in a deployment's view, statement by statement, and which asserted lines of a scenario
 * state it: the customers' notices beyond the premise and an ended session, the agent's pop-ups, chat-pane
 * notices, title bar, chat list, tabs, time-out and blocked work. The "In an outage" tables (outage-summary.ts)
 * and the impact by chat phase read a run's end states through it, and the playground its own view, so a
 * statement reads the same on every surface and the playground can look up what the run vouched for it
 * (outcome-marks.ts). No Node module: it runs in the browser too.
 */
import type { DeploymentView } from '../model/views';
import type { StepDoc } from './run-model';

/** Notices every chat window shows once the agent has joined: the premise, not the outage. */
const PREMISE_NOTICES = new Set(['[An agent will be with you shortly.]']);
const CHATTING_WITH = /^\[You are now chatting with .*\.\]$/;
const ABSENCE = /\b(not|no|never)\b/;

/** Something a person sees, and which asserted lines state it. */
export interface Seen {
  readonly text: string;
  readonly states: (line: StepDoc) => boolean;
  /** The words the screen shows, as the statement quotes them: a source mark needs each in the source. */
  readonly values?: readonly string[];
  /** The assumption that gives those words where the source describes them without quoting them. */
  readonly wording?: string;
}

const said = (line: StepDoc): string =>
  [line.text, line.docString ?? '', ...(line.dataTable ?? []).map((row) => row.join(' | '))].join('\n');
const shows = (value: string) => (line: StepDoc) => !ABSENCE.test(line.text) && said(line).includes(value);
const saysThat = (pattern: RegExp) => (line: StepDoc) => !ABSENCE.test(line.text) && pattern.test(line.text);

/** The step wording that states each customer notice without quoting it. */
const NOTICE_WORDING: readonly [RegExp, RegExp][] = [
  [/^\[Your chat session was lost/, /told the session was lost/],
  [/^\[We are having connection issues/, /told about connection issues/],
  [/^\[The following message could not be delivered/, /could not be delivered/],
];

/** The bracketed notices of a transcript the premise does not already show. */
function notices(lines: readonly string[]): string[] {
  return lines
    .map((line) => line.trim())
    .filter((line) => line.startsWith('[') && !PREMISE_NOTICES.has(line) && !CHATTING_WITH.test(line));
}

/** What the customers' windows show beyond the premise: their notices, and a session that has ended. */
export function customerSees(view: DeploymentView): Seen[] {
  return view.customers.flatMap((customer) => [
    ...notices(customer.lines).map((notice): Seen => {
      const wording = NOTICE_WORDING.find(([text]) => text.test(notice))?.[1];
      return {
        text: notice,
        states: (line) => shows(notice)(line) || (!!wording && saysThat(wording)(line)),
        values: [notice],
        wording: 'notice-wording',
      };
    }),
    ...(customer.inSession ? [] : [{ text: 'the chat session has ended', states: saysThat(/chat session has ended/) }]),
  ]);
}

/** What the agent console shows: pop-ups, notices, title bar, chat list, tabs and greyed-out work. */
export function agentSees(view: DeploymentView): Seen[] {
  const { console } = view;
  return [
    ...console.popups.map((popup): Seen => ({
      text: `pop-up “${popup}”`,
      states: shows(popup),
      values: [popup],
      wording: 'popup-wording',
    })),
    ...Object.values(console.chatPanes).flatMap((pane) =>
      notices(pane).map((notice): Seen => ({ text: `chat pane: ${notice}`, states: shows(notice), values: [notice] })),
    ),
    ...(console.titleBar
      ? [
          {
            text: `title bar flashing “${console.titleBar}”`,
            states: shows(console.titleBar),
            values: [console.titleBar],
          },
        ]
      : []),
    ...console.chatList.map((row): Seen => ({
      text: `chat list: “${row.chatStatus}”, ${row.icon}`,
      states: (line) => (line.dataTable ?? []).some((r) => r.includes(row.chatStatus) && r.includes(row.icon)),
      values: [row.chatStatus, row.icon],
    })),
    ...Object.entries(console.tabs)
      .filter(([, state]) => state !== 'loaded')
      .map(([tab, state]): Seen => ({
        text: `${tab} tab ${state}`,
        states: (line) => line.text.includes(`the ${tab} tab`),
      })),
    ...(console.desktopTimedOut
      ? [{ text: 'the agent desktop has timed out', states: saysThat(/agent desktop times out/) }]
      : []),
    ...console.emailReplies
      .filter((r) => r.buttons !== 'enabled')
      .map((r): Seen => ({ text: `email reply’s buttons ${r.buttons}`, states: saysThat(/buttons greyed out/) })),
    ...(console.canHandleActivities
      ? []
      : [
          {
            text: 'cannot handle other activities or receive new ones',
            states: (line: StepDoc) =>
              /cannot handle other activities|^it is refused|does not hold|chat list is empty/.test(line.text),
          },
        ]),
  ];
}

/** What the source's open-chats query returns: each open chat's status pair, or no rows. */
export function databaseSees(view: DeploymentView): Seen[] {
  const rows = view.database.openChats;
  if (rows.length === 0)
    return [
      {
        text: 'the open-chats query returns no rows',
        states: (line) => /open-chats query returns no rows/.test(line.text),
      },
    ];
  return rows.map((row): Seen => {
    const pair = [String(row.activity_status), String(row.activity_sub_status)];
    return {
      text: `the open-chats query returns a chat at ${pair.join('/')}`,
      states: (line) =>
        /open-chats query returns:/.test(line.text) &&
        (line.dataTable ?? []).some((cells) => pair.every((value) => cells.includes(value))),
    };
  });
}

/** Everything each person sees, in the order a surface lists them: the customer, the agent, the database. */
export const PEOPLE = [
  { id: 'customer', heading: 'The customer sees', sees: customerSees },
  { id: 'agent', heading: 'The agent sees', sees: agentSees },
  { id: 'database', heading: 'The database shows', sees: databaseSees },
] as const;
export type Person = (typeof PEOPLE)[number]['id'];
