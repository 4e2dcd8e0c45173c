/**
 * A WIM/EIM deployment with one integrated agent and its customers. `apply` takes one action of the plan
 * vocabulary and returns what it caused; every consequence follows from rules over which servers are up and
 * how much time has passed, so combined failures behave as the single-server rules compose.
 *
 * Deterministic and free of I/O: the clock only moves when a plan says time passes, and the same plan always
 * gives the same trace.
 */
import { ActionRejected } from './errors';
import { actorOf, describeAction, type Action } from './actions';
import {
  AGENT_NOTICES,
  CHAT_STATUS,
  POPUPS,
  TITLE_BAR_WARNING,
  closedConsole,
  freeKey,
  lastMessageFrom,
  type AgentConsole,
  type ChatStatus,
  type ConnectionIcon,
  type ConsoleChat,
  type InformationTab,
  type Popup,
} from './agent-console';
import { isLive, type ChatMessage, type ChatSession } from './chat-session';
import { formatDuration, formatTimestamp, parseTimestamp, type Seconds } from './clock';
import {
  CUSTOMER_NOTICES,
  nowChattingWith,
  renderLine,
  type CustomerNotice,
  type CustomerWindow,
  type WindowLine,
} from './customer-window';
import {
  ActivityType,
  STATUS,
  chatActivity,
  emptyDatabase,
  findActivity,
  findUser,
  hasStatus,
  openChats,
  setStatus,
  type ActivityRow,
  type DatabaseState,
  type DiagnosticRow,
  type UserRow,
} from './database';
import { checkParameters, DEFAULT_PARAMETERS, type ModelParameters } from './parameters';
import {
  SERVERS,
  activitiesAreRouted,
  allServersUp,
  chatMessagesFlow,
  chatsCanBeCreated,
  consoleCanSave,
  consoleReachesApplication,
  customerReachesApplication,
  emailsAreRetrieved,
  type Server,
  type ServerAvailability,
} from './servers';
import type { Participant, TraceEvent } from './trace';

export const DEFAULT_CUSTOMER = { address: 'customer@awesome.com', name: 'Customer' } as const;
/** The source's chat activity 1347 was created at this time; scenarios start their clock here. */
export const DEFAULT_EPOCH = '2011-07-12 14:49:55.000';
/** The entry point the source's email reply names as its sender. */
export const DEFAULT_ENTRY_POINT = 'eim@DSLlab.cisco.com';

export interface DeploymentSetup {
  readonly parameters?: Partial<ModelParameters>;
  readonly epoch?: string;
  readonly entryPoint?: string;
  /**
   * Whether to record the trace (the default). The fuzzer turns it off on its hot path, where building and
   * collecting trace events took about half of each step; it replays plans with the trace on to check them.
   */
  readonly recordTrace?: boolean;
}

interface Email {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly sent: string;
  readonly caseId?: number;
}

/** What `inspect()` exposes: the state, read-only all the way down. */
export type DeploymentState = DeepReadonly<State>;

interface State {
  clock: Seconds;
  servers: ServerAvailability;
  db: DatabaseState;
  sessions: ChatSession[];
  windows: CustomerWindow[];
  console: AgentConsole;
  /** Emails waiting on the mail server for the Services server to retrieve them. */
  mailbox: Email[];
  emails: Record<number, Email>;
  messages: ChatMessage[];
}

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
  readonly emailReplies: readonly EmailReply[];
}

export interface DeploymentView {
  readonly clock: string;
  readonly servers: Readonly<Record<Server, 'up' | 'down'>>;
  readonly customers: readonly CustomerView[];
  readonly console: ConsoleView;
  readonly database: { readonly openChats: readonly DiagnosticRow[]; readonly activities: readonly ActivityRow[] };
}

const NO_EVENTS: readonly TraceEvent[] = Object.freeze([]);

export class Deployment {
  readonly parameters: ModelParameters;
  readonly epoch: string;
  readonly entryPoint: string;
  readonly recordTrace: boolean;
  /** The epoch in milliseconds, parsed once: every new activity's when_created is computed from it. */
  private readonly epochMillis: number;
  private state: State;
  private readonly events: TraceEvent[];

  constructor(setup: DeploymentSetup = {}) {
    this.parameters = checkParameters({ ...DEFAULT_PARAMETERS, ...setup.parameters });
    this.epoch = setup.epoch ?? DEFAULT_EPOCH;
    this.epochMillis = parseTimestamp(this.epoch); // rejects a malformed epoch now rather than at the first chat
    this.entryPoint = setup.entryPoint ?? DEFAULT_ENTRY_POINT;
    this.recordTrace = setup.recordTrace ?? true;
    this.state = {
      clock: 0,
      servers: allServersUp(),
      db: emptyDatabase(),
      sessions: [],
      windows: [],
      console: closedConsole(),
      mailbox: [],
      emails: {},
      messages: [],
    };
    this.events = [];
  }

  /** An independent copy, for exploring several continuations of one prefix. */
  clone(): Deployment {
    const copy = Object.create(Deployment.prototype) as Deployment;
    Object.assign(copy, {
      parameters: this.parameters,
      epoch: this.epoch,
      entryPoint: this.entryPoint,
      recordTrace: this.recordTrace,
      epochMillis: this.epochMillis,
      state: structuredClone(this.state),
      events: [...this.events],
    });
    return copy;
  }

  get clock(): Seconds {
    return this.state.clock;
  }

  get trace(): readonly TraceEvent[] {
    return this.events;
  }

  get messages(): readonly Readonly<ChatMessage>[] {
    return this.state.messages;
  }

  /**
   * The live state, uncopied and typed read-only: for invariant checks that run after every step of millions
   * and cannot pay for `view()`, which copies and renders everything. Never cast it back to mutable.
   */
  inspect(): DeploymentState {
    return this.state;
  }

  /** How long ago an activity was created, as the console's "Activity duration" counts it. */
  activityAge(activityId: number): Seconds {
    const createdAt = this.state.db.createdAt[activityId];
    if (createdAt === undefined) throw new RangeError(`There is no activity ${activityId}`);
    return this.state.clock - createdAt;
  }

  isUp(server: Server): boolean {
    return this.state.servers[server];
  }

  /** Applies one action and returns the trace events it caused; throws `ActionRejected` if it cannot happen now. */
  apply(action: Action): readonly TraceEvent[] {
    const first = this.events.length;
    this.check(action);
    if (this.recordTrace) this.record({ type: 'step', actor: actorOf(action), what: describeAction(action) });
    switch (action.type) {
      case 'fail':
        this.fail(action.server);
        break;
      case 'restore':
        this.state.servers[action.server] = true;
        this.record({ type: 'server-restored', server: action.server });
        break;
      case 'wait':
        this.advance(action.seconds);
        break;
      case 'customer-starts-chat':
        this.startChat(action.customer ?? DEFAULT_CUSTOMER.address, action.name, action.question, action.activityId);
        break;
      case 'customer-sends':
        this.customerSends(this.windowOf(action.customer)!, action.text);
        break;
      case 'agent-logs-in':
        this.logIn(action.agent ?? this.state.console.agentUserName!);
        break;
      case 'agent-logs-out':
        this.logOut();
        break;
      case 'agent-sends':
        this.agentSends(this.consoleChatOf(action.customer)!, action.text);
        break;
      case 'agent-completes-chat':
        this.completeChat(this.consoleChatOf(action.customer)!);
        break;
      case 'agent-opens-tab':
        this.openTab(action.tab);
        break;
      case 'email-arrives':
        this.state.mailbox.push({ ...action });
        this.hop('Customer', 'Services', `email "${action.subject}" waits on the mail server`, true);
        break;
    }
    this.settle();
    return this.recordTrace ? this.events.slice(first) : NO_EVENTS;
  }

  /** Why `action` cannot happen now, or `null` if it can. Reads state only. */
  rejection(action: Action): string | null {
    try {
      this.check(action);
      return null;
    } catch (error) {
      if (error instanceof ActionRejected) return error.reason;
      throw error;
    }
  }

  // ---------------------------------------------------------------- preconditions

  private check(action: Action): void {
    const reject = (reason: string): never => {
      throw new ActionRejected(describeAction(action), reason);
    };
    const { servers, console } = this.state;
    switch (action.type) {
      case 'fail':
        if (!servers[action.server]) reject(`the ${action.server} server is already down`);
        return;
      case 'restore':
        if (servers[action.server]) reject(`the ${action.server} server is already up`);
        return;
      case 'wait':
        if (!Number.isInteger(action.seconds) || action.seconds <= 0) {
          reject(`time can only move forward by a whole number of seconds, not ${String(action.seconds)}`);
        }
        return;
      case 'customer-starts-chat': {
        const window = this.state.windows.find((w) => w.address === (action.customer ?? DEFAULT_CUSTOMER.address));
        if (window && window.state === 'in session') {
          reject(`${window.address} is still in chat session ${window.activityId}; the window has not ended it`);
        }
        if (action.activityId !== undefined && findActivity(this.state.db, action.activityId)) {
          reject(`activity ${action.activityId} already exists in egpl_casemgmt_activity`);
        }
        if (action.question.trim() === '') reject('a chat starts with a question, and this one is empty');
        return;
      }
      case 'customer-sends': {
        const address = action.customer ?? DEFAULT_CUSTOMER.address;
        const window = this.windowOf(action.customer);
        if (!window) reject(`${address} has no chat window open`);
        else if (window.state === 'ended') reject(`${address}'s chat session ${window.activityId} has ended`);
        if (action.text.trim() === '') reject('the message is empty');
        return;
      }
      case 'agent-logs-in': {
        const name = action.agent ?? console.agentUserName;
        if (name === null) reject('no agent was named, and none has logged in to this console before');
        else if (!findUser(this.state.db, name)) {
          reject(`egpl_user has no user "${name}" (known: ${this.state.db.users.map((u) => u.user_name).join(', ')})`);
        }
        if (console.login === 'logged in') reject(`${console.agentUserName ?? 'the agent'} is already logged in`);
        if (console.login === 'session lost' && name !== console.agentUserName) {
          reject(`the console still shows ${console.agentUserName ?? 'another agent'}'s lost session`);
        }
        return;
      }
      case 'agent-logs-out':
        if (console.login === 'logged out') reject('the agent is not logged in');
        return;
      case 'agent-sends':
      case 'agent-completes-chat':
        if (console.login === 'logged out') reject('the agent is logged out of the agent console');
        if (!this.consoleChatOf(action.customer)) {
          reject(
            action.customer
              ? `the agent console's chat list has no chat with ${action.customer}`
              : "the agent console's chat list is empty",
          );
        }
        if (action.type === 'agent-sends' && action.text.trim() === '') reject('the message is empty');
        return;
      case 'agent-opens-tab':
        if (console.login === 'logged out') reject('the agent is logged out of the agent console');
        if (console.tabs[action.tab]?.state === 'loading') reject(`the ${action.tab} tab is still loading`);
        return;
      case 'email-arrives':
        if (action.caseId !== undefined && this.state.db.activities.some((row) => row.case_id === action.caseId)) {
          reject(`case ${action.caseId} already exists`);
        }
        return;
    }
  }

  // ---------------------------------------------------------------- servers

  private fail(server: Server): void {
    this.state.servers[server] = false;
    this.record({ type: 'server-failed', server });
    if (server === 'Application') {
      // Sessions live in the Application server's memory: chats and the agent's login die with it.
      for (const session of this.state.sessions) {
        if (isLive(session)) session.ended = 'lost';
      }
      if (this.state.console.login === 'logged in') this.state.console.login = 'session lost';
    }
    if (server === 'Services') {
      // The console's registration with routing is not renewed until the agent logs in again.
      this.state.console.registeredForRouting = false;
    }
  }

  // ---------------------------------------------------------------- time

  private advance(seconds: Seconds): void {
    const target = this.state.clock + seconds;
    for (;;) {
      const pending = this.deadlines();
      let next: Seconds | null = null;
      for (const deadline of pending) if (next === null || deadline.at < next) next = deadline.at;
      if (next === null || next > target) break;
      this.state.clock = next;
      for (const deadline of pending) if (deadline.at === next) deadline.fire();
      this.settle();
    }
    this.state.clock = target;
  }

  /** Deadlines are derived from the "since" fields, so each one passes exactly once as the clock moves on. */
  private deadlines(): { at: Seconds; fire: () => void }[] {
    const { clock, console } = this.state;
    const p = this.parameters;
    const found: { at: Seconds; fire: () => void }[] = [];
    for (const window of this.state.windows) {
      if (window.state === 'in session' && window.unreachableSince !== null) {
        found.push({
          at: window.unreachableSince + p.customerConnectionIssuesAfter,
          fire: () =>
            this.showCustomer(window, {
              kind: 'notice',
              text: CUSTOMER_NOTICES.connectionIssues,
              notice: 'connectionIssues',
            }),
        });
      }
    }
    if (console.login !== 'logged out' && console.unreachableSince !== null) {
      found.push({
        at: console.unreachableSince + p.consoleConnectionWarningAfter,
        fire: () => this.showAgent(`title bar flashes "${TITLE_BAR_WARNING}"`),
      });
    }
    for (const chat of console.chats) {
      if (chat.customerSilentSince !== null) {
        found.push({
          at: chat.customerSilentSince + p.customerNotConnectedAfter,
          fire: () => this.showAgent(`chat ${chat.activityId}: ${CHAT_STATUS.customerNotConnected}, red square`),
        });
      }
    }
    for (const [tab, state] of Object.entries(console.tabs)) {
      if (state.state === 'loading') {
        found.push({
          at: state.since + p.informationTabTimeout,
          fire: () => {
            console.tabs[tab as InformationTab] = { state: 'timed out', at: this.state.clock };
            this.popup('desktopTimedOut');
          },
        });
      }
    }
    return found.filter((deadline) => deadline.at > clock);
  }

  // ---------------------------------------------------------------- the customer's side

  private startChat(address: string, name: string | undefined, question: string, activityId: number | undefined): void {
    const { servers, db } = this.state;
    const previous = this.state.windows.findIndex((w) => w.address === address);
    if (previous >= 0) this.state.windows.splice(previous, 1);
    const window: CustomerWindow = {
      address,
      name: name ?? DEFAULT_CUSTOMER.name,
      state: 'in session',
      activityId: -1,
      lines: [],
      transcriptRead: 0,
      unreachableSince: null,
    };
    this.state.windows.push(window);
    const path: Participant[] = ['Customer', 'Web', 'Application', 'Messaging', 'Database'];
    if (!this.travel(path, `new chat: "${question}"`, servers) || !chatsCanBeCreated(servers)) {
      window.state = 'ended';
      this.showCustomer(window, { kind: 'notice', text: CUSTOMER_NOTICES.chatUnavailable, notice: 'chatUnavailable' });
      return;
    }
    const id = activityId ?? db.nextActivityId;
    db.nextActivityId = Math.max(db.nextActivityId, id + 1);
    db.activities.push({
      activity_id: id,
      case_id: db.nextCaseId++,
      activity_type: ActivityType.Chat,
      activity_status: STATUS.waitingInQueue.status,
      activity_sub_status: STATUS.waitingInQueue.subStatus,
      queue_id: db.queues[0]!.queue_id,
      assigned_to: null,
      when_created: formatTimestamp(this.epochMillis + this.state.clock * 1000),
      contact_point_data: address,
    });
    db.createdAt[id] = this.state.clock;
    window.activityId = id;
    const message = this.newMessage(id, 'customer', question);
    message.accepted = true;
    const line: WindowLine = {
      kind: 'message',
      from: 'customer',
      name: window.name,
      text: question,
      messageId: message.id,
    };
    window.lines.push(line);
    this.state.sessions.push({
      activityId: id,
      customerAddress: address,
      agentUserName: null,
      ended: null,
      transcript: [line, { kind: 'notice', text: CUSTOMER_NOTICES.agentWillBeWithYou, notice: 'agentWillBeWithYou' }],
    });
    this.showCustomer(window, line);
  }

  private customerSends(window: CustomerWindow, text: string): void {
    const session = this.sessionOf(window.activityId);
    const message = this.newMessage(window.activityId, 'customer', text);
    const line: WindowLine = { kind: 'message', from: 'customer', name: window.name, text, messageId: message.id };
    this.showCustomer(window, line);
    const { servers } = this.state;
    const arrived = this.travel(['Customer', 'Web', 'Application', 'Messaging'], `"${text}"`, servers);
    if (arrived && session && isLive(session)) {
      message.accepted = true;
      session.transcript.push(line);
    } else {
      message.senderWarned = true;
      this.showCustomer(window, {
        kind: 'notice',
        text: CUSTOMER_NOTICES.couldNotBeDelivered,
        notice: 'couldNotBeDelivered',
      });
      window.lines.push({ kind: 'undelivered', text, messageId: message.id });
    }
  }

  // ---------------------------------------------------------------- the agent's side

  private logIn(userName: string): void {
    const { servers, db } = this.state;
    const console = this.state.console;
    const user = findUser(db, userName)!;
    if (!this.travel(['AgentConsole', 'Web', 'Application', 'Database'], `log in ${userName}`, servers)) {
      this.popup('loginFailed');
      return;
    }
    const leftOpen = db.openLogins.includes(user.user_id);
    Object.assign(console, closedConsole(), { agentUserName: userName, login: 'logged in' });
    if (leftOpen) this.popup('sessionInProgress');
    else db.openLogins.push(user.user_id);
    console.registeredForRouting = servers.Services;
    this.hop('Application', 'Services', 'register agent for routing', servers.Services);
    for (const row of db.activities) {
      if (row.assigned_to !== user.user_id) continue;
      if (row.activity_type === ActivityType.Chat && hasStatus(row, STATUS.chatInProgress)) {
        const session = this.sessionOf(row.activity_id);
        this.addConsoleChat(row.activity_id);
        if (!session || !isLive(session)) {
          // The database still says "in progress", so the console presents a chat whose session is gone.
          this.popup('chatStillActive');
        }
      }
      if (row.activity_type === ActivityType.Email && hasStatus(row, STATUS.emailAssigned)) {
        console.inbox.push(row.activity_id);
      }
    }
  }

  private logOut(): void {
    const { servers, db } = this.state;
    const console = this.state.console;
    const user = findUser(db, console.agentUserName!)!;
    const clean =
      console.login === 'logged in' &&
      this.travel(['AgentConsole', 'Web', 'Application', 'Database'], 'log out', servers);
    if (clean) db.openLogins = db.openLogins.filter((id) => id !== user.user_id);
    const agentUserName = console.agentUserName;
    Object.assign(console, closedConsole(), { agentUserName });
    this.showAgent('logged out');
  }

  /** The pop-up an action gets when the console cannot reach a live session, or `null` if it can. */
  private consoleBlocked(): Popup | null {
    const { console, servers } = this.state;
    if (!consoleReachesApplication(servers)) return 'systemDelay';
    if (console.login === 'session lost') return 'sessionNoLongerValid';
    return null;
  }

  private agentSends(chat: ConsoleChat, text: string): void {
    const { servers } = this.state;
    const message = this.newMessage(chat.activityId, 'agent', text);
    const blocked = this.consoleBlocked();
    if (blocked) {
      this.hop('AgentConsole', 'Web', `"${text}"`, false);
      message.senderWarned = true;
      this.popup(blocked);
      return;
    }
    const line: WindowLine = { kind: 'message', from: 'agent', name: this.screenName(), text, messageId: message.id };
    chat.pane.push(line);
    this.showAgent(renderLine(line));
    const session = this.sessionOf(chat.activityId);
    const arrived = this.travel(['AgentConsole', 'Web', 'Application', 'Messaging'], `"${text}"`, servers);
    if (arrived && session && isLive(session)) {
      message.accepted = true;
      session.transcript.push(line);
    } else if (!arrived) {
      message.senderWarned = true;
      chat.pane.push({ kind: 'notice', text: AGENT_NOTICES.mayNotHaveBeenDelivered });
      this.showAgent(AGENT_NOTICES.mayNotHaveBeenDelivered);
    }
    // A message to a session that no longer exists vanishes without a word: the known defect's consequence.
  }

  private completeChat(chat: ConsoleChat): void {
    const { servers, db } = this.state;
    const blocked = this.consoleBlocked();
    if (blocked || !this.travel(['AgentConsole', 'Web', 'Application', 'Database'], 'complete chat', servers)) {
      this.popup(blocked ?? 'systemDelay');
      return;
    }
    setStatus(findActivity(db, chat.activityId)!, STATUS.completed);
    const session = this.sessionOf(chat.activityId);
    if (session && isLive(session)) session.ended = 'completed';
    this.state.console.chats = this.state.console.chats.filter((c) => c !== chat);
    this.showAgent(`chat ${chat.activityId} completed`);
  }

  private openTab(tab: InformationTab): void {
    const { servers, console } = this.state;
    if (console.login === 'session lost' && consoleReachesApplication(servers)) {
      this.popup('sessionNoLongerValid');
      return;
    }
    const loaded =
      console.login === 'logged in' &&
      this.travel(['AgentConsole', 'Web', 'Application', 'Database'], `load ${tab} tab`, servers) &&
      consoleCanSave(servers);
    console.tabs[tab] = loaded
      ? { state: 'loaded', at: this.state.clock }
      : { state: 'loading', since: this.state.clock };
    this.showAgent(`${tab} tab ${loaded ? 'loaded' : 'loading'}`);
  }

  // ---------------------------------------------------------------- what follows from the state: settle

  /** Brings every screen, queue and timer up to date with the servers' state, in one fixed order. */
  private settle(): void {
    this.trackReachability();
    this.endSessionsCustomersCanSee();
    this.retrieveEmails();
    this.route();
    this.deliverTranscripts();
    this.trackCustomerPresence();
  }

  private trackReachability(): void {
    const { servers, clock, console } = this.state;
    for (const window of this.state.windows) {
      const reaches = window.state === 'in session' && customerReachesApplication(servers);
      window.unreachableSince = reaches || window.state === 'ended' ? null : (window.unreachableSince ?? clock);
    }
    const consoleOpen = console.login !== 'logged out';
    console.unreachableSince =
      !consoleOpen || consoleReachesApplication(servers) ? null : (console.unreachableSince ?? clock);
  }

  /** A window that reaches the Application server learns when its session has ended, however it ended. */
  private endSessionsCustomersCanSee(): void {
    if (!customerReachesApplication(this.state.servers)) return;
    for (const window of this.state.windows) {
      if (window.state !== 'in session') continue;
      const session = this.sessionOf(window.activityId);
      if (!session || isLive(session)) continue;
      window.state = 'ended';
      if (session.ended === 'completed') this.warnOfUnreadMessages(window);
      const notice: CustomerNotice = session.ended === 'completed' ? 'chatCompleted' : 'sessionLost';
      this.hop('Application', 'Customer', session.ended === 'completed' ? 'chat ended' : 'session unknown', true);
      this.showCustomer(window, { kind: 'notice', text: CUSTOMER_NOTICES[notice], notice });
    }
  }

  /**
   * A chat completed while the Messaging server kept some of the customer's messages from the agent's screen
   * would otherwise drop them without a word. (inferred; found by the failure-ordering exploration)
   */
  private warnOfUnreadMessages(window: CustomerWindow): void {
    let unread = false;
    for (const message of this.state.messages) {
      if (message.activityId !== window.activityId || message.from !== 'customer') continue;
      if (!message.accepted || message.deliveredAt !== null || message.senderWarned) continue;
      message.senderWarned = true;
      unread = true;
    }
    if (unread) {
      const notice: CustomerNotice = 'someMayNotHaveBeenDelivered';
      this.showCustomer(window, { kind: 'notice', text: CUSTOMER_NOTICES[notice], notice });
    }
  }

  private retrieveEmails(): void {
    const { servers, db } = this.state;
    if (!emailsAreRetrieved(servers) || this.state.mailbox.length === 0) return;
    for (const email of this.state.mailbox) {
      const id = db.nextActivityId++;
      const caseId = email.caseId ?? db.nextCaseId;
      db.nextCaseId = Math.max(db.nextCaseId, caseId + 1);
      db.activities.push({
        activity_id: id,
        case_id: caseId,
        activity_type: ActivityType.Email,
        activity_status: STATUS.waitingInQueue.status,
        activity_sub_status: STATUS.waitingInQueue.subStatus,
        queue_id: db.queues[0]!.queue_id,
        assigned_to: null,
        when_created: formatTimestamp(this.epochMillis + this.state.clock * 1000),
        contact_point_data: email.from,
      });
      db.createdAt[id] = this.state.clock;
      this.state.emails[id] = email;
      this.hop('Services', 'Database', `retrieve email "${email.subject}" as case ${caseId}`, true);
    }
    this.state.mailbox = [];
  }

  /** An available agent has a live, reachable console registered for routing and no chat in progress. */
  private agentAvailable(): UserRow | null {
    const { console, servers, db } = this.state;
    if (console.login !== 'logged in' || !console.registeredForRouting || !consoleReachesApplication(servers))
      return null;
    const user = findUser(db, console.agentUserName!)!;
    const busy = db.activities.some(
      (row) =>
        row.assigned_to === user.user_id &&
        row.activity_type === ActivityType.Chat &&
        hasStatus(row, STATUS.chatInProgress),
    );
    return busy ? null : user;
  }

  private route(): void {
    const { servers, db } = this.state;
    if (!activitiesAreRouted(servers)) return;
    for (const row of db.activities) {
      if (hasStatus(row, STATUS.waitingInQueue)) {
        setStatus(row, STATUS.waitingForRouting);
        this.hop('Services', 'Database', `activity ${row.activity_id}: ready for Unified CCE routing (4105)`, true);
      }
      if (!hasStatus(row, STATUS.waitingForRouting)) continue;
      const agent = this.agentAvailable();
      if (!agent) continue;
      row.assigned_to = agent.user_id;
      this.hop('Services', 'Database', `assign activity ${row.activity_id} to ${agent.user_name}`, true);
      if (row.activity_type === ActivityType.Chat) {
        setStatus(row, STATUS.chatInProgress);
        const session = this.sessionOf(row.activity_id);
        if (session && isLive(session)) {
          session.agentUserName = agent.user_name;
          session.transcript.push({ kind: 'notice', text: nowChattingWith(agent.screen_name) });
        }
        this.addConsoleChat(row.activity_id);
      } else {
        setStatus(row, STATUS.emailAssigned);
        this.state.console.inbox.push(row.activity_id);
        this.showAgent(`email "${this.state.emails[row.activity_id]!.subject}" arrives in the inbox`);
      }
    }
  }

  private addConsoleChat(activityId: number): ConsoleChat {
    const console = this.state.console;
    const row = findActivity(this.state.db, activityId)!;
    const window = this.state.windows.find((w) => w.activityId === activityId);
    const chat: ConsoleChat = {
      activityId,
      key: freeKey(console),
      customerName: window?.name ?? row.contact_point_data,
      pane: [],
      transcriptRead: 0,
      customerSilentSince: null,
    };
    console.chats.push(chat);
    this.showAgent(`chat ${activityId} appears in the chat list with key ${chat.key}`);
    return chat;
  }

  /** Each side reads the shared transcript while the messaging path to it is open; nothing is read twice. */
  private deliverTranscripts(): void {
    const { servers, console } = this.state;
    if (!chatMessagesFlow(servers)) return;
    for (const session of this.state.sessions) {
      if (!isLive(session)) continue;
      const window = this.state.windows.find((w) => w.activityId === session.activityId && w.state === 'in session');
      if (window && customerReachesApplication(servers)) {
        for (; window.transcriptRead < session.transcript.length; window.transcriptRead++) {
          const line = session.transcript[window.transcriptRead]!;
          if (line.kind === 'message' && line.from === 'customer') continue;
          this.deliver(line, 'Customer');
          this.showCustomer(window, line);
        }
      }
      const chat = console.chats.find((c) => c.activityId === session.activityId);
      if (chat && console.login === 'logged in' && consoleReachesApplication(servers)) {
        for (; chat.transcriptRead < session.transcript.length; chat.transcriptRead++) {
          const line = session.transcript[chat.transcriptRead]!;
          if (line.kind === 'message' && line.from === 'agent' && chat.pane.includes(line)) continue;
          this.deliver(line, 'AgentConsole');
          chat.pane.push(line);
          this.showAgent(renderLine(line));
        }
      }
    }
  }

  private deliver(line: WindowLine, to: 'Customer' | 'AgentConsole'): void {
    if (line.kind !== 'message') return;
    const message = this.state.messages[line.messageId]!;
    const otherSide = to === 'Customer' ? 'agent' : 'customer';
    if (message.from === otherSide && message.deliveredAt === null) message.deliveredAt = this.state.clock;
    this.hop('Messaging', to === 'Customer' ? 'Customer' : 'AgentConsole', `"${line.text}"`, true);
  }

  private trackCustomerPresence(): void {
    const { servers, console, clock } = this.state;
    const consoleLive = console.login === 'logged in' && consoleReachesApplication(servers);
    for (const chat of console.chats) {
      const session = this.sessionOf(chat.activityId);
      const window = this.state.windows.find((w) => w.activityId === chat.activityId && w.state === 'in session');
      const seen =
        consoleLive &&
        session !== undefined &&
        isLive(session) &&
        window !== undefined &&
        customerReachesApplication(servers);
      chat.customerSilentSince = seen ? null : (chat.customerSilentSince ?? clock);
    }
  }

  // ---------------------------------------------------------------- views

  /** What each person sees and what the database says, now. */
  view(): DeploymentView {
    const { servers, db } = this.state;
    return {
      clock: formatDuration(this.state.clock),
      servers: Object.fromEntries(SERVERS.map((s) => [s, servers[s] ? 'up' : 'down'])) as Record<Server, 'up' | 'down'>,
      customers: this.state.windows.map((window) => ({
        address: window.address,
        activityId: window.activityId,
        name: window.name,
        inSession: window.state === 'in session',
        lines: window.lines.map(renderLine),
        notices: window.lines.flatMap((line) => (line.kind === 'notice' && line.notice ? [line.notice] : [])),
      })),
      console: this.consoleView(),
      database: { openChats: openChats(db), activities: db.activities.map((row) => ({ ...row })) },
    };
  }

  /** The source's "this activity" query. */
  chatActivityRows(activityId: number): DiagnosticRow[] {
    return chatActivity(this.state.db, activityId);
  }

  private consoleView(): ConsoleView {
    const { console, servers, clock, db } = this.state;
    const p = this.parameters;
    const reaches = consoleReachesApplication(servers);
    const canHandleActivities = console.login === 'logged in' && reaches && console.registeredForRouting;
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
          const slow = console.login !== 'logged in' || !reaches || !chatMessagesFlow(servers);
          return {
            key: chat.key,
            activityId: chat.activityId,
            customerName: chat.customerName,
            activityDuration: formatDuration(clock - db.createdAt[chat.activityId]!),
            chatStatus: notConnected
              ? CHAT_STATUS.customerNotConnected
              : lastMessageFrom(chat) === 'agent'
                ? CHAT_STATUS.waitingForCustomer
                : CHAT_STATUS.waitingForAgent,
            icon: notConnected ? 'red square' : slow ? 'yellow triangle' : 'green circle',
            queueName: db.queues.find((q) => q.queue_id === findActivity(db, chat.activityId)!.queue_id)!.queue_name,
          };
        })
        .sort((a, b) => a.key - b.key),
      chatPanes: Object.fromEntries(console.chats.map((chat) => [chat.activityId, chat.pane.map(renderLine)])),
      tabs: Object.fromEntries(Object.entries(console.tabs).map(([tab, state]) => [tab, state.state])),
      emailReplies: console.inbox.map((activityId) => {
        const email = this.state.emails[activityId]!;
        const caseId = findActivity(db, activityId)!.case_id;
        return {
          activityId,
          caseId,
          from: `[Originating Entry Point - ${this.entryPoint}]`,
          to: email.from,
          // (inferred) The case number joins the subject only when the console can handle the activity.
          subject: canHandleActivities ? `Re: ${email.subject} [#${caseId}]` : `Re: ${email.subject}`,
          buttons: canHandleActivities ? 'enabled' : 'greyed out',
          originalMessage: { from: email.from, date: email.sent, to: email.to, subject: email.subject },
        };
      }),
    };
  }

  // ---------------------------------------------------------------- helpers

  private windowOf(customer: string | undefined): CustomerWindow | undefined {
    const address = customer ?? DEFAULT_CUSTOMER.address;
    return this.state.windows.find((w) => w.address === address);
  }

  private consoleChatOf(customer: string | undefined): ConsoleChat | undefined {
    const chats = this.state.console.chats;
    if (customer === undefined) return [...chats].sort((a, b) => a.key - b.key)[0];
    return chats.find((chat) => findActivity(this.state.db, chat.activityId)!.contact_point_data === customer);
  }

  private sessionOf(activityId: number): ChatSession | undefined {
    return this.state.sessions.find((s) => s.activityId === activityId);
  }

  private screenName(): string {
    return findUser(this.state.db, this.state.console.agentUserName!)!.screen_name;
  }

  private newMessage(activityId: number, from: 'customer' | 'agent', text: string): ChatMessage {
    const message: ChatMessage = {
      id: this.state.messages.length,
      activityId,
      from,
      text,
      sentAt: this.state.clock,
      accepted: false,
      deliveredAt: null,
      senderWarned: false,
    };
    this.state.messages.push(message);
    return message;
  }

  private popup(popup: Popup): void {
    this.state.console.popups.push({ popup, at: this.state.clock });
    this.showAgent(`pop-up: ${POPUPS[popup]}`);
  }

  private showCustomer(window: CustomerWindow, line: WindowLine): void {
    if (!window.lines.includes(line)) window.lines.push(line);
    this.record({ type: 'shown', on: 'Customer', what: renderLine(line) });
  }

  private showAgent(what: string): void {
    this.record({ type: 'shown', on: 'AgentConsole', what });
  }

  /** Records each hop of `path` up to the first server that is down; true if it got all the way. */
  private travel(path: readonly Participant[], what: string, servers: ServerAvailability): boolean {
    for (let i = 1; i < path.length; i++) {
      const to = path[i]!;
      const up = to === 'Customer' || to === 'AgentConsole' || servers[to];
      this.hop(path[i - 1]!, to, what, up);
      if (!up) return false;
    }
    return true;
  }

  private hop(from: Participant, to: Participant, what: string, delivered: boolean): void {
    this.record({ type: 'hop', from, to, what, delivered });
  }

  private record(event: DistributiveOmit<TraceEvent, 'at'>): void {
    if (!this.recordTrace) return;
    this.events.push({ at: this.state.clock, ...event } as TraceEvent);
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
