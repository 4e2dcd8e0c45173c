/**
 * A customer opens the chat window and asks a question: the Web server places the new session on an
 * Application server, which writes the chat activity through the Messaging server's JMS pool into the database.
 */
import { touchWindow } from '../changes';
import { CUSTOMER_NOTICES, type CustomerWindow, type WindowLine } from '../customer-window';
import { ActivityType, STATUS } from '../database';
import {
  addActivity,
  addSession,
  liveSessions,
  newMessage,
  openWindow,
  placeSession,
  showCustomer,
  travel,
} from '../effects';
import { chatsCanBeCreated } from '../servers';
import { DEFAULT_CUSTOMER } from '../state';
import { count, customerInput, customersOf, define, optional, text, who } from './definition';

export interface CustomerStartsChat {
  readonly type: 'customer-starts-chat';
  readonly customer?: string;
  readonly name?: string;
  readonly question: string;
  readonly activityId?: number;
}

export const customerStartsChat = define<CustomerStartsChat>({
  type: 'customer-starts-chat',
  actor: 'Customer',
  fields: { question: text, customer: optional(text), name: optional(text), activityId: optional(count) },
  words: (action, style) =>
    `${who(action.customer)} starts ` +
    style.pick('a chat', action.activityId === undefined ? 'a chat' : `chat activity ${action.activityId}`) +
    style.pick(': ', ' asking ') +
    style.quote(action.question),
  cannot: (action) => `${who(action.customer)} cannot start a chat`,
  refusal: (rt, action) => {
    const window = rt.directory.window(action.customer ?? DEFAULT_CUSTOMER.address);
    if (window && window.state === 'in session') {
      return `${window.address} is still in chat session ${window.activityId}; the window has not ended it`;
    }
    if (action.activityId !== undefined && rt.directory.row(action.activityId)) {
      return `activity ${action.activityId} already exists in egpl_casemgmt_activity`;
    }
    if (action.question.trim() === '') return 'a chat starts with a question, and this one is empty';
    return null;
  },
  perform: (rt, action) => {
    const { state } = rt;
    const { db } = state;
    const address = action.customer ?? DEFAULT_CUSTOMER.address;
    const window: CustomerWindow = {
      address,
      name: action.name ?? DEFAULT_CUSTOMER.name,
      state: 'in session',
      activityId: -1,
      lines: [],
      transcriptRead: 0,
      unreachableSince: null,
      messagingBlockedSince: null,
    };
    openWindow(rt, window);
    const home = placeSession(rt, (server) => liveSessions(rt, server));
    const path = ['Customer', 'Web', home, 'Messaging', 'Database'] as const;
    if (!travel(rt, path, `new chat: "${action.question}"`) || !chatsCanBeCreated(state.servers)) {
      window.state = 'ended';
      touchWindow(rt, window);
      showCustomer(rt, window, { kind: 'notice', text: CUSTOMER_NOTICES.chatUnavailable, notice: 'chatUnavailable' });
      return;
    }
    const id = action.activityId ?? db.nextActivityId;
    db.nextActivityId = Math.max(db.nextActivityId, id + 1);
    addActivity(rt, {
      activity_id: id,
      case_id: db.nextCaseId++,
      activity_type: ActivityType.Chat,
      activity_status: STATUS.waitingInQueue.status,
      activity_sub_status: STATUS.waitingInQueue.subStatus,
      queue_id: db.queues[0]!.queue_id,
      assigned_to: null,
      when_created: rt.timestamp(),
      contact_point_data: address,
    });
    window.activityId = id;
    touchWindow(rt, window);
    const message = newMessage(rt, id, 'customer', action.question);
    message.accepted = true;
    const line: WindowLine = {
      kind: 'message',
      from: 'customer',
      name: window.name,
      text: action.question,
      messageId: message.id,
    };
    window.lines.push(line);
    addSession(rt, {
      activityId: id,
      customerAddress: address,
      home,
      agentUserName: null,
      ended: null,
      transcript: [line, { kind: 'notice', text: CUSTOMER_NOTICES.agentWillBeWithYou, notice: 'agentWillBeWithYou' }],
    });
    showCustomer(rt, window, line);
  },
  example: {
    action: { type: 'customer-starts-chat', customer: 'other@awesome.com', question: 'Me too', activityId: 1347 },
  },
  tries: {
    reads: [],
    weight: 2,
    budget: { count: 'chatsPerCustomer', otherwise: 1, per: { list: 'customers', of: (action) => action.customer } },
    candidates: (_state, cast) =>
      customersOf(cast).flatMap((customer) =>
        cast.questions.flatMap((question) => [
          { type: 'customer-starts-chat' as const, ...customer, question },
          ...cast.activityIds.map((activityId) => ({
            type: 'customer-starts-chat' as const,
            ...customer,
            question,
            activityId,
          })),
        ]),
      ),
  },
  controls: (_state, fields) => [
    {
      id: 'customer-starts-chat',
      group: 'customer',
      label: 'Start a new chat',
      made: {
        type: 'customer-starts-chat',
        ...customerInput(fields.customer, DEFAULT_CUSTOMER.address),
        question: fields.customerQuestion,
      },
    },
  ],
});
