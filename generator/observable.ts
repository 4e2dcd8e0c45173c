/**
 * What a scenario showed, as lines of text that two runs can be compared by: each screen (the customer's window
 * line by line, the agent console's title bar, chat list rows, pop-ups, panes and tabs), the database rows, and
 * the trace one event a line. Pure; the "What changed" page and the history digests both read these lines, so
 * "the screens changed" means the same thing in both.
 */
import type { ConsoleView, DeploymentView } from '../model/views';
import type { TraceEvent } from '../model/trace';
import type { ScenarioDoc, Status } from './run-model';

/** One screen or table of the end state, as the lines a reader would compare. */
export interface ScreenSection {
  readonly title: string;
  readonly lines: readonly string[];
}

/** A scenario reduced to what is compared between runs. */
export interface ScenarioSnapshot {
  readonly feature: string;
  readonly featureName: string;
  readonly page: string;
  readonly anchor: string;
  readonly name: string;
  /** Its Gherkin steps (keyword and text), which identify it when it is renamed. */
  readonly steps: readonly string[];
  readonly status: Status;
  readonly milliseconds: number;
  readonly screens: readonly ScreenSection[] | null;
  readonly trace: readonly string[] | null;
  /** The trace itself, for drawing the diagram with its changed messages marked. */
  readonly events: readonly TraceEvent[] | null;
}

const row = (values: readonly unknown[]): string =>
  values.map((v) => (v === null || v === undefined ? 'NULL' : String(v))).join(' | ');

function consoleSections(c: ConsoleView, whose: string): ScreenSection[] {
  const sections: ScreenSection[] = [];
  sections.push({
    title: `Agent console${whose}`,
    lines: [
      `Title bar: ${c.titleBar ?? '(no warning)'}`,
      `Agent: ${c.agent ?? '(nobody)'} · ${String(c.login)}`,
      `Takes new activities: ${c.canHandleActivities ? 'yes' : 'no'}`,
      `Desktop timed out: ${c.desktopTimedOut ? 'yes' : 'no'}`,
    ],
  });
  sections.push({
    title: `Chat list${whose}`,
    lines: c.chatList.map((r) =>
      row([r.activityId, r.customerName, r.activityDuration, r.chatStatus, r.icon, r.queueName]),
    ),
  });
  sections.push({ title: `Pop-ups${whose}`, lines: [...c.popups] });
  for (const [activity, lines] of Object.entries(c.chatPanes)) {
    sections.push({ title: `Chat pane of activity ${activity}${whose}`, lines: lines.map((line) => line.trim()) });
  }
  const tabs = Object.entries(c.tabs);
  if (tabs.length)
    sections.push({ title: `Information tabs${whose}`, lines: tabs.map(([tab, state]) => `${tab}: ${state}`) });
  if (c.emailReplies.length) {
    sections.push({
      title: `Email replies${whose}`,
      lines: c.emailReplies.map((e) => row([e.activityId, e.caseId, e.from, e.to, e.subject, e.buttons])),
    });
  }
  return sections;
}

export function screenSections(view: DeploymentView): ScreenSection[] {
  const sections: ScreenSection[] = [];
  for (const customer of view.customers) {
    sections.push({
      title: `Customer's chat window (${customer.address})`,
      lines: [
        ...customer.lines.map((line) => line.trim()),
        `${customer.name} · activity ${customer.activityId} · ${customer.inSession ? 'Chat session open' : 'Chat session ended'}`,
      ],
    });
  }
  // Every agent's console when several agents logged in, else the one console, each titled by its agent.
  const consoles = view.consoles?.length ? view.consoles : [view.console];
  for (const c of consoles)
    sections.push(...consoleSections(c, consoles.length > 1 ? ` of ${c.agent ?? 'nobody'}` : ''));
  sections.push({
    title: 'Database: open chats (the source’s diagnostic query)',
    lines: view.database.openChats.map((r) => row(Object.values(r))),
  });
  sections.push({
    title: 'Database: activities',
    lines: view.database.activities.map((r) => row(Object.values(r))),
  });
  sections.push({
    title: 'Servers',
    lines: Object.entries(view.servers).map(([server, state]) => `${server}: ${state}`),
  });
  return sections;
}

const clock = (seconds: number): string =>
  [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

export function traceLine(event: TraceEvent): string {
  const at = clock(event.at);
  switch (event.type) {
    case 'step':
      return `${at} ${event.actor}: ${event.what}`;
    case 'server-failed':
      return `${at} the ${event.server} server fails`;
    case 'server-restored':
      return `${at} the ${event.server} server is restored`;
    case 'hop':
      return `${at} ${event.from} → ${event.to}: ${event.what}${event.delivered ? '' : ' (lost)'}`;
    case 'shown':
      return `${at} shown on ${event.on}: ${event.what}`;
  }
}

export function snapshotOf(
  feature: { readonly uri: string; readonly name: string; readonly page: string },
  scenario: ScenarioDoc,
): ScenarioSnapshot {
  return {
    feature: feature.uri,
    featureName: feature.name,
    page: feature.page,
    anchor: scenario.anchor,
    name: scenario.name,
    steps: scenario.steps.filter((s) => !s.hook).map((s) => `${s.keyword} ${s.text}`),
    status: scenario.status,
    milliseconds: scenario.milliseconds,
    screens: scenario.endState ? screenSections(scenario.endState) : null,
    trace: scenario.trace ? scenario.trace.events.map(traceLine) : null,
    events: scenario.trace ? scenario.trace.events : null,
  };
}
