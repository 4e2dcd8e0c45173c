/**
 * What each person sees and what the database says, as plain data: the deployment's view, which is also the
 * wire format of the end-state attachment (END_STATE_MEDIA_TYPE) that the docs generator and the playground read.
 */
import { CHAT_STATUS, POPUPS, TITLE_BAR_WARNING, lastMessageFrom, type AgentConsole } from './agent-console';
import type { ChatStatus, ConnectionIcon, InformationTab } from './agent-console';
import { cannotHandleActivities } from './actions/console';
import { formatDuration } from './clock';
import { CUSTOMER_ENTRY, renderLine, type CustomerNotice } from './customer-window';
import { createdAtOf, findActivity, openChats, type ActivityRow, type DiagnosticRow } from './database';
import type { ModelParameters } from './parameters';
import { chatMessagesFlow, consoleReachesApplication, type Server } from './servers';
import { sessionOf, theConsole, type DeploymentState, type State } from './state';

export interface ChatListRow {
  readonly key: number;
  readonly activityId: number;
  readonly customerName: string;
  readonly activityDuration: string;
  readonly chatStatus: ChatStatus;
  readonly icon: ConnectionIcon;
  readonly queueName: string;
}

export interface EmailReply {
  readonly activityId: number;
  readonly caseId: number;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly buttons: 'enabled' | 'greyed out';
  readonly originalMessage: {
    readonly from: string;
    readonly date: string;
    readonly to: string;
    readonly subject: string;
  };
}

export interface CustomerView {
  /** The browser window: its title, its address and the banner over the transcript (CUSTOMER_ENTRY). */
  readonly window: { readonly title: string; readonly url: string; readonly banner: string };
  readonly address: string;
  readonly activityId: number;
  readonly name: string;
  readonly inSession: boolean;
  readonly lines: readonly string[];
  readonly notices: readonly CustomerNotice[];
}

export interface ConsoleView {
  readonly agent: string | null;
  readonly login: AgentConsole['login'];
  readonly titleBar: string | null;
  readonly popups: readonly string[];
  readonly canHandleActivities: boolean;
  readonly chatList: readonly ChatListRow[];
  readonly chatPanes: Readonly<Record<number, readonly string[]>>;
  readonly tabs: Readonly<Partial<Record<InformationTab, 'loaded' | 'loading' | 'timed out'>>>;
  /** The agent desktop has timed out waiting for the server. */
  readonly desktopTimedOut: boolean;
  readonly emailReplies: readonly EmailReply[];
}

export interface DeploymentView {
  readonly clock: string;
  readonly servers: Readonly<Record<Server, 'up' | 'down'>>;
  readonly customers: readonly CustomerView[];
  /** The first agent's console ("the agent"). */
  readonly console: ConsoleView;
  /** Every agent's console, in the order they first logged in; only when more than one agent has. */
  readonly consoles?: readonly ConsoleView[];
  readonly database: { readonly openChats: readonly DiagnosticRow[]; readonly activities: readonly ActivityRow[] };
}

/** What the view needs besides the state: the timing parameters and the entry point replies are sent from. */
export interface ViewSetup {
  readonly parameters: ModelParameters;
  readonly entryPoint: string;
}

export function viewOf(state: DeploymentState, setup: ViewSetup): DeploymentView {
  const { servers, db } = state;
  const consoles =
    state.consoles.length > 1 ? { consoles: state.consoles.map((c) => consoleView(state, c, setup)) } : {};
  return {
    clock: formatDuration(state.clock),
    servers: Object.fromEntries(Object.entries(servers).map(([s, up]) => [s, up ? 'up' : 'down'])),
    customers: state.windows.map((window) => ({
      window: CUSTOMER_ENTRY,
      address: window.address,
      activityId: window.activityId,
      name: window.name,
      inSession: window.state === 'in session',
      lines: window.lines.map(renderLine),
      notices: window.lines.flatMap((line) => (line.kind === 'notice' && line.notice ? [line.notice] : [])),
    })),
    console: consoleView(state, theConsole(state), setup),
    ...consoles,
    database: { openChats: openChats(db as State['db']), activities: db.activities.map((row) => ({ ...row })) },
  };
}

export function consoleView(
  state: DeploymentState,
  console: DeploymentState['consoles'][number],
  { parameters: p, entryPoint }: ViewSetup,
): ConsoleView {
  const { servers, clock } = state;
  const db = state.db as State['db'];
  const reaches = consoleReachesApplication(servers);
  // The same reason the model refuses the actions that need it, so what shows greyed out is what is refused.
  const canHandleActivities = cannotHandleActivities(state, console as AgentConsole) === null;
  return {
    agent: console.agentUserName,
    login: console.login,
    titleBar:
      console.unreachableSince !== null && clock - console.unreachableSince >= p.consoleConnectionWarningAfter
        ? TITLE_BAR_WARNING
        : null,
    popups: console.popups.map(({ popup }) => POPUPS[popup]),
    canHandleActivities,
    chatList: console.chats
      .map((chat): ChatListRow => {
        const notConnected =
          chat.customerSilentSince !== null && clock - chat.customerSilentSince >= p.customerNotConnectedAfter;
        const session = sessionOf(state, chat.activityId);
        const home = session?.home ?? 'Application';
        const exited = session?.ended === 'exited';
        const slow = console.login !== 'logged in' || !reaches || !chatMessagesFlow(servers, home);
        return {
          key: chat.key,
          activityId: chat.activityId,
          customerName: chat.customerName,
          activityDuration: formatDuration(clock - createdAtOf(db, chat.activityId)!),
          chatStatus: exited
            ? CHAT_STATUS.customerExited
            : notConnected
              ? CHAT_STATUS.customerNotConnected
              : lastMessageFrom(chat as AgentConsole['chats'][number]) === 'agent'
                ? CHAT_STATUS.waitingForCustomer
                : CHAT_STATUS.waitingForAgent,
          icon: exited || notConnected ? 'red square' : slow ? 'yellow triangle' : 'green circle',
          queueName: db.queues.find((q) => q.queue_id === findActivity(db, chat.activityId)!.queue_id)!.queue_name,
        };
      })
      .sort((a, b) => a.key - b.key),
    chatPanes: Object.fromEntries(console.chats.map((chat) => [chat.activityId, chat.pane.map(renderLine)])),
    tabs: Object.fromEntries(Object.entries(console.tabs).map(([tab, tabState]) => [tab, tabState.state])),
    desktopTimedOut: console.desktopTimedOut,
    emailReplies: console.inbox.map((activityId) => {
      const email = state.emails[activityId]!;
      const caseId = findActivity(db, activityId)!.case_id;
      return {
        activityId,
        caseId,
        from: `[Originating Entry Point - ${entryPoint}]`,
        to: email.from,
        // (inferred) The case number joins the subject only when the console can handle the activity.
        subject: canHandleActivities ? `Re: ${email.subject} [#${caseId}]` : `Re: ${email.subject}`,
        buttons: canHandleActivities ? 'enabled' : 'greyed out',
        originalMessage: { from: email.from, date: email.sent, to: email.to, subject: email.subject },
      };
    }),
  };
}
