/**
 * A scenario's end state drawn as the people in the source saw it: the customer's Firefox chat window, the
 * agent's Internet Explorer console (title bar, chat list row with its connection icon, chat pane, pop-ups,
 * information tabs, email reply), and the database rows as the source's queries return them. One HTML block per
 * call, with every piece of text escaped.
 */
import type { ChatListRow, ConsoleView, CustomerView, DeploymentView, EmailReply } from '../model/views';
import { ACTIVITY_COLUMNS, DIAGNOSTIC_COLUMNS } from '../model/database';
import { CUSTOMER_ENTRY, CUSTOMER_NOTICES } from '../model/customer-window';
import { className, closedValue, htmlAttribute, htmlText } from './escape';
import { SERVER_STATES, TAB_STATES } from './closed-sets';
import { CONNECTION_ICONS } from '../model/agent-console';

const COULD_NOT_BE_DELIVERED = CUSTOMER_NOTICES.couldNotBeDelivered;

/** Class names: a fixed vocabulary, never text from the run. */
const cls = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(' ');

function el(tag: string, className: string, inner: string, attributes = ''): string {
  return `<${tag} class="${className}"${attributes}>${inner}</${tag}>`;
}

/** One transcript line, styled as the window styles it: a bracketed notice, a message with its sender, or the
 *  text of an undelivered message shown again for resending. */
function transcriptLine(line: string, previous: string | undefined): string {
  const trimmed = line.trim();
  if (previous?.trim() === COULD_NOT_BE_DELIVERED) return el('div', 'cf-line cf-line-undelivered', htmlText(trimmed));
  if (trimmed.startsWith('[')) return el('div', 'cf-line cf-line-notice', htmlText(trimmed));
  const at = trimmed.indexOf(' : ');
  if (at > 0) {
    return el(
      'div',
      'cf-line',
      `${el('span', 'cf-sender', htmlText(trimmed.slice(0, at)))} : ${el('span', 'cf-said', htmlText(trimmed.slice(at + 3)))}`,
    );
  }
  return el('div', 'cf-line', htmlText(trimmed));
}

function transcript(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return el('div', 'cf-transcript cf-empty', htmlText(empty));
  return el('div', 'cf-transcript', lines.map((line, i) => transcriptLine(line, lines[i - 1])).join(''));
}

export function customerWindow(customer: CustomerView): string {
  const session = customer.inSession ? 'Chat session open' : 'Chat session ended';
  // Reports written before the view carried the window's frame show the model's (the source's) one.
  const frame = (customer as Partial<CustomerView>).window ?? CUSTOMER_ENTRY;
  return el(
    'div',
    'cf-window cf-customer',
    [
      el('div', 'cf-titlebar cf-firefox', htmlText(frame.title)),
      el('div', 'cf-url', htmlText(frame.url)),
      el('div', 'cf-brand', htmlText(frame.banner)),
      transcript(customer.lines, '(the window shows nothing yet)'),
      el(
        'div',
        cls('cf-statusbar', !customer.inSession && 'cf-ended'),
        htmlText(`${customer.name} <${customer.address}> · activity ${customer.activityId} · ${session}`),
      ),
    ].join(''),
    ` aria-label="${htmlAttribute(`Customer chat window of ${customer.address}`)}"`,
  );
}

const ICON_CLASS: Record<string, string> = {
  'green circle': 'cf-icon-green-circle',
  'yellow triangle': 'cf-icon-yellow-triangle',
  'red square': 'cf-icon-red-square',
};

export function connectionIcon(value: string): string {
  const icon = closedValue(value, CONNECTION_ICONS, 'connection icon');
  return `<span class="${cls('cf-icon', ICON_CLASS[icon] ?? 'cf-icon-unknown')}" role="img" aria-label="${htmlAttribute(icon)}" title="${htmlAttribute(icon)}"></span>`;
}

const STATUS_CLASS: Record<string, string> = {
  'Waiting for you to reply': 'cf-status-agent',
  'Waiting for customer to reply': 'cf-status-customer',
  'Customer not connected': 'cf-status-lost',
};

export function chatListTable(rows: readonly ChatListRow[]): string {
  const head = ['Key', 'Activity ID', 'Customer name', 'Activity duration', 'Chat status', 'Queue name'];
  const body = rows
    .map((row) =>
      el(
        'tr',
        'cf-chat-row',
        [
          el('td', 'cf-key', htmlText(String(row.key))),
          el('td', 'cf-num', htmlText(String(row.activityId))),
          el('td', 'cf-cell', htmlText(row.customerName)),
          el('td', 'cf-num', htmlText(row.activityDuration)),
          el(
            'td',
            cls('cf-chat-status', STATUS_CLASS[row.chatStatus]),
            `${connectionIcon(row.icon)} ${el('span', 'cf-status-text', htmlText(row.chatStatus))} ${el('span', 'cf-icon-name', htmlText(`(${row.icon})`))}`,
          ),
          el('td', 'cf-cell', htmlText(row.queueName)),
        ].join(''),
      ),
    )
    .join('');
  return el(
    'table',
    'cf-chat-list',
    `<thead><tr>${head.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead><tbody>${
      body || `<tr><td colspan="6" class="cf-empty">${htmlText('No chats in the list')}</td></tr>`
    }</tbody>`,
  );
}

function popup(text: string): string {
  return el(
    'div',
    'cf-popup',
    [
      el('div', 'cf-popup-title', htmlText('Message from webpage')),
      el(
        'div',
        'cf-popup-body',
        `<span class="cf-popup-icon" aria-hidden="true">!</span>${el('span', 'cf-popup-text', htmlText(text))}`,
      ),
      el('div', 'cf-popup-buttons', el('span', 'cf-button', 'OK')),
    ].join(''),
    ' role="alertdialog"',
  );
}

function emailReply(reply: EmailReply): string {
  const greyed = reply.buttons === 'greyed out';
  const field = (name: string, value: string) =>
    el(
      'div',
      'cf-field',
      `${el('span', 'cf-field-name', htmlText(name))} ${el('span', 'cf-field-value', htmlText(value))}`,
    );
  const o = reply.originalMessage;
  return el(
    'div',
    'cf-email',
    [
      el('div', 'cf-email-title', htmlText(`Reply · activity ${reply.activityId} · case ${reply.caseId}`)),
      field('From:', reply.from),
      field('To:', reply.to),
      field('Subject:', reply.subject),
      el(
        'div',
        'cf-email-original',
        htmlText(`--Original Message--\nFrom: ${o.from}\nDate: ${o.date}\nTo: ${o.to}\nSubject: ${o.subject}`),
      ),
      el(
        'div',
        cls('cf-popup-buttons', greyed && 'cf-greyed'),
        ['Send', 'Complete', 'Transfer'].map((b) => el('span', 'cf-button', b)).join('') +
          (greyed ? el('span', 'cf-greyed-note', htmlText('buttons greyed out')) : ''),
      ),
    ].join(''),
  );
}

const LOGIN_TEXT: Record<string, string> = {
  'logged in': 'logged in',
  'logged out': 'logged out',
  'session lost': 'session lost (the console has not noticed yet)',
};

export function agentConsole(view: ConsoleView): string {
  const title = view.titleBar ?? 'Agent Console - Windows Internet Explorer';
  const tabs = Object.entries(view.tabs);
  const panes = view.chatList.map((row) => {
    const lines = view.chatPanes[row.activityId] ?? [];
    return el(
      'div',
      'cf-pane',
      el('div', 'cf-pane-title', htmlText(`Chat pane · key ${row.key} · activity ${row.activityId}`)) +
        transcript(lines, '(empty: no chat history)'),
    );
  });
  return el(
    'div',
    'cf-window cf-console',
    [
      el('div', cls('cf-titlebar cf-ie', view.titleBar && 'cf-flashing'), htmlText(title)),
      el(
        'div',
        'cf-console-bar',
        htmlText(
          `Agent ${view.agent ?? '(nobody)'} · ${LOGIN_TEXT[view.login] ?? view.login} · ${
            view.canHandleActivities ? 'can take new activities' : 'cannot handle other activities or receive new ones'
          }${view.desktopTimedOut ? ' · the desktop has timed out' : ''}`,
        ),
      ),
      chatListTable(view.chatList),
      ...panes,
      tabs.length
        ? el(
            'div',
            'cf-tabs',
            tabs
              .map(([tab, state]) =>
                el(
                  'span',
                  cls('cf-tab', className('cf-tab-', state, TAB_STATES, `tab ${tab}`)),
                  htmlText(`${tab}: ${state}`),
                ),
              )
              .join(''),
          )
        : '',
      ...view.emailReplies.map(emailReply),
      view.popups.length
        ? el(
            'div',
            'cf-popups',
            el('div', 'cf-popups-title', htmlText(`Pop-ups, in order (${view.popups.length})`)) +
              view.popups.map(popup).join(''),
          )
        : '',
    ].join(''),
    ' aria-label="Agent console"',
  );
}

function table(columns: readonly string[], rows: readonly object[], caption: string, empty: string): string {
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((c) => `<td>${htmlText(String((row as Record<string, unknown>)[c] ?? 'NULL'))}</td>`).join('')}</tr>`,
    )
    .join('');
  return el(
    'table',
    'cf-db',
    `<caption>${htmlText(caption)}</caption><thead><tr>${columns.map((c) => `<th>${htmlText(c)}</th>`).join('')}</tr></thead><tbody>${
      body || `<tr><td colspan="${columns.length}" class="cf-empty">${htmlText(empty)}</td></tr>`
    }</tbody>`,
  );
}

export function databaseTables(view: DeploymentView): string {
  return el(
    'div',
    'cf-database',
    [
      el(
        'div',
        'cf-db-scroll',
        table(
          DIAGNOSTIC_COLUMNS,
          view.database.openChats,
          'Open chats: the source’s query (activity_type 2000, status not 9000, sub-status not 9100 or 9200)',
          '(0 rows: no chat is open)',
        ),
      ),
      `<details class="cf-details"><summary>${htmlText(`egpl_casemgmt_activity: all ${view.database.activities.length} rows`)}</summary>${el(
        'div',
        'cf-db-scroll',
        table(ACTIVITY_COLUMNS, view.database.activities, 'egpl_casemgmt_activity', '(no rows)'),
      )}</details>`,
    ].join(''),
  );
}

export function serverStrip(view: DeploymentView): string {
  const servers = Object.entries(view.servers)
    .map(([server, state]) =>
      el(
        'span',
        cls('cf-server', closedValue(state, SERVER_STATES, `server ${server}`) === 'up' ? 'cf-up' : 'cf-down'),
        htmlText(`${server} ${state}`),
      ),
    )
    .join('');
  return el('div', 'cf-server-strip', `${el('span', 'cf-clock', htmlText(`Scenario clock ${view.clock}`))}${servers}`);
}

/** The whole end state as one HTML block. */
export function endState(view: DeploymentView): string {
  const customers = view.customers.length
    ? view.customers.map(customerWindow).join('')
    : el('div', 'cf-window cf-customer cf-empty', htmlText('No customer has opened a chat window.'));
  return el(
    'div',
    'cf-end-state',
    [
      serverStrip(view),
      el('div', 'cf-screens', el('div', 'cf-screen', customers) + el('div', 'cf-screen', agentConsole(view.console))),
      databaseTables(view),
    ].join(''),
  );
}
