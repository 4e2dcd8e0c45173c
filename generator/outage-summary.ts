/**
 * The top of a feature page, for an engineer in an outage: per rule, what the customer sees, what the agent sees
 * and what to do, read off the rule's scenarios as they ran (their end states and their plans), each linking to
 * the rule. Nothing here is written by hand: a cell says only what some scenario of the rule showed or did.
 */
import type { Action } from '../model/actions';
import type { DeploymentView } from '../model/views';
import { htmlText } from './escape';
import type { FeatureDoc, RuleDoc, ScenarioDoc } from './run';

/** Notices every chat window shows once the agent has joined: the premise, not the outage. */
const PREMISE_NOTICES = new Set(['[An agent will be with you shortly.]']);
const CHATTING_WITH = /^\[You are now chatting with .*\.\]$/;

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The bracketed notices of a transcript the premise does not already show. */
function notices(lines: readonly string[]): string[] {
  return lines
    .map((line) => line.trim())
    .filter((line) => line.startsWith('[') && !PREMISE_NOTICES.has(line) && !CHATTING_WITH.test(line));
}

/** What the customers' windows show beyond the premise: their notices, and a session that has ended. */
export function customerSees(view: DeploymentView): string[] {
  return view.customers.flatMap((customer) => [
    ...notices(customer.lines),
    ...(customer.inSession ? [] : ['the chat session has ended']),
  ]);
}

/** What the agent console shows: pop-ups, notices, title bar, chat list, tabs and greyed-out work. */
export function agentSees(view: DeploymentView): string[] {
  const { console } = view;
  return [
    ...console.popups.map((popup) => `pop-up “${popup}”`),
    ...Object.values(console.chatPanes).flatMap((pane) => notices(pane).map((notice) => `chat pane: ${notice}`)),
    ...(console.titleBar ? [`title bar flashing “${console.titleBar}”`] : []),
    ...console.chatList.map((row) => `chat list: “${row.chatStatus}”, ${row.icon}`),
    ...Object.entries(console.tabs)
      .filter(([, state]) => state !== 'loaded')
      .map(([tab, state]) => `${tab} tab ${state}`),
    ...console.emailReplies.filter((r) => r.buttons !== 'enabled').map((r) => `email reply’s buttons ${r.buttons}`),
    ...(console.canHandleActivities ? [] : ['cannot handle other activities or receive new ones']),
    ...(console.login === 'logged out' ? ['logged out'] : []),
  ];
}

/** The recovery steps a scenario takes after its first failure, as instructions. */
function recoverySteps(plan: readonly Action[]): string[] {
  const failed = plan.findIndex((action) => action.type === 'fail');
  if (failed < 0) return [];
  return plan.slice(failed + 1).flatMap((action): string[] => {
    switch (action.type) {
      case 'restore':
        return [`restore the ${action.server} server`];
      case 'agent-logs-out':
        return ['the agent logs out'];
      case 'agent-logs-in':
        return ['the agent logs back in'];
      case 'agent-completes-chat':
        return ['the agent completes the chat'];
      case 'customer-starts-chat':
        return ['the customer starts a new chat'];
      default:
        return [];
    }
  });
}

function cell(items: readonly string[], none: string): string {
  if (items.length === 0) return `<span class="cf-muted">${htmlText(none)}</span>`;
  return `<ul class="cf-outage-list">${items.map((item) => `<li>${htmlText(item)}</li>`).join('')}</ul>`;
}

/** The summary's columns after the rule's: their headings, which label each cell of a card at phone width. */
const COLUMNS = ['What the customer sees', 'What the agent sees', 'What to do'] as const;

function row(title: string, anchor: string, scenarios: readonly ScenarioDoc[]): string {
  const views = scenarios.flatMap((s) => (s.endState ? [s.endState] : []));
  const customer = unique(views.flatMap(customerSees));
  const agent = unique(views.flatMap(agentSees));
  const todo = unique(scenarios.flatMap((s) => (s.plan ? recoverySteps(s.plan) : [])));
  const [customerColumn, agentColumn, todoColumn] = COLUMNS;
  return [
    `<tr><th scope="row"><a href="#${htmlText(anchor)}">${htmlText(title)}</a></th>`,
    `<td data-label="${customerColumn}">${cell(customer, 'nothing new: the chat carries on')}</td>`,
    `<td data-label="${agentColumn}">${cell(agent, 'nothing new')}</td>`,
    `<td data-label="${todoColumn}">${cell(todo, 'no recovery step in these scenarios')}</td></tr>`,
  ].join('');
}

/** The outage summary of a feature page, or null when no rule or scenario has an end state to read. */
export function outageSummary(feature: FeatureDoc): string | null {
  const rows = feature.children
    .map((child: RuleDoc | ScenarioDoc) =>
      child.kind === 'rule'
        ? { title: child.name, anchor: child.anchor, scenarios: child.scenarios }
        : { title: child.name, anchor: child.anchor, scenarios: [child] },
    )
    .filter((r) => r.scenarios.some((s) => s.endState));
  if (rows.length === 0) return null;
  return [
    `<div class="cf-outage"><table class="cf-outage-table"><caption>${htmlText(
      'In an outage, rule by rule: what each person sees at the end of the rule’s scenarios, and the recovery steps they take',
    )}</caption><thead><tr><th scope="col">Rule</th>${COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map((r) => row(r.title, r.anchor, r.scenarios)),
    '</tbody></table></div>',
  ].join('');
}
