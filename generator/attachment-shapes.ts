/**
 * The shapes of the attachments the pages are drawn from (trace, end state, exploration report), checked field by
 * field before anything is rendered: every string is a string, every count a number, and every value from a closed
 * set (servers and their states, participants, icons, chat statuses, tab states, login states, buttons) one of it.
 * A messages file from elsewhere can say anything; what does not fit is refused with the file, line and field.
 */
import { CHAT_STATUS, CONNECTION_ICONS, INFORMATION_TABS } from '../model/agent-console';
import { CUSTOMER_NOTICES } from '../model/customer-window';
import { ACTIVITY_COLUMNS, DIAGNOSTIC_COLUMNS } from '../model/database';
import { PARTICIPANTS } from '../model/trace';
import { SERVERS, isServer } from '../model/servers';
import { ACTORS, LOGIN_STATES, REPLY_BUTTONS, SCREENS, SERVER_STATES, TAB_STATES } from './closed-sets';
import { MessagesFileError } from './messages';
import {
  byType,
  count,
  fields,
  figure,
  flag,
  list,
  mapOf,
  nullable,
  oneOf,
  ShapeError,
  text,
  type Shape,
} from './shape';

const at = { at: count };

/** A server instance's name: a role, or a numbered Application server such as "Application 2" (model/servers.ts). */
const serverName: Shape = (v, p) => {
  text(v, p);
  if (!isServer(v as string))
    throw new ShapeError(p, `must be a server such as "Application" or "Application 2"; got ${JSON.stringify(v)}`);
};

export const TRACE_SHAPE: Shape = fields(
  {
    events: list(
      byType({
        step: fields({ ...at, actor: oneOf(ACTORS), what: text }),
        'server-failed': fields({ ...at, server: serverName }),
        'server-restored': fields({ ...at, server: serverName }),
        hop: fields({ ...at, from: oneOf(PARTICIPANTS), to: oneOf(PARTICIPANTS), what: text, delivered: flag }),
        shown: fields({ ...at, on: oneOf(SCREENS), what: text }),
      }),
    ),
  },
  { parameters: mapOf(figure) },
);

/** Columns holding ids, codes and user numbers: numbers (assigned_to may be NULL); the others are text. */
const NUMBER_COLUMNS = new Set([
  'activity_id',
  'case_id',
  'activity_type',
  'activity_status',
  'activity_sub_status',
  'queue_id',
]);
const row = (columns: readonly string[]): Shape =>
  fields(
    Object.fromEntries(
      columns.map((c) => [c, c === 'assigned_to' ? nullable(count) : NUMBER_COLUMNS.has(c) ? count : text]),
    ),
  );

export const END_STATE_SHAPE: Shape = fields({
  clock: text,
  servers: fields(Object.fromEntries(SERVERS.map((s) => [s, oneOf(SERVER_STATES)]))),
  customers: list(
    fields(
      {
        address: text,
        activityId: count,
        name: text,
        inSession: flag,
        lines: list(text),
        notices: list(oneOf(Object.keys(CUSTOMER_NOTICES))),
      },
      // Optional: reports written before the view carried the window's title, address and banner lack it.
      { window: fields({ title: text, url: text, banner: text }) },
    ),
  ),
  console: fields(
    {
      agent: nullable(text),
      login: oneOf(LOGIN_STATES),
      titleBar: nullable(text),
      popups: list(text),
      canHandleActivities: flag,
      chatList: list(
        fields({
          key: count,
          activityId: count,
          customerName: text,
          activityDuration: text,
          chatStatus: oneOf(Object.values(CHAT_STATUS)),
          icon: oneOf(CONNECTION_ICONS),
          queueName: text,
        }),
      ),
      chatPanes: mapOf(list(text)),
      tabs: mapOf(oneOf(TAB_STATES), INFORMATION_TABS),
      emailReplies: list(
        fields({
          activityId: count,
          caseId: count,
          from: text,
          to: text,
          subject: text,
          buttons: oneOf(REPLY_BUTTONS),
          originalMessage: fields({ from: text, date: text, to: text, subject: text }),
        }),
      ),
    },
    // Optional: reports written before the desktop's time-out was an observable of its own lack it.
    { desktopTimedOut: flag },
  ),
  database: fields({ openChats: list(row(DIAGNOSTIC_COLUMNS)), activities: list(row(ACTIVITY_COLUMNS)) }),
});

const invariant = fields(
  { name: text, explanation: text, violations: count },
  { expectedException: fields({ name: text, explanation: text, plansMeetingIt: count }) },
);

export const EXPLORATION_SHAPE: Shape = fields({
  invariants: list(invariant),
  exhaustive: fields(
    {
      orderingsChecked: count,
      orderingsTotal: count,
      prefixesChecked: count,
      serverStatesVisited: count,
      serverStatesTotal: count,
      stepsExecuted: count,
      milliseconds: figure,
    },
    { plansChecked: count },
  ),
  random: fields(
    {
      seed: figure,
      runs: count,
      stepsExecuted: count,
      stepsPerSecond: figure,
      orderingsReached: count,
      serverStatesReached: count,
    },
    { allServerStatesReached: count },
  ),
  orderSensitivity: list(fields({ servers: list(text), orderMatters: flag, groups: list(list(list(text))) })),
});

/** `value` as the attachment it claims to be, or a MessagesFileError naming the file, line and field. */
export function checkAttachment<T>(shape: Shape, value: unknown, what: string, file: string, line: number): T {
  try {
    shape(value, '');
  } catch (error) {
    if (error instanceof ShapeError)
      throw new MessagesFileError(file, line, `the ${what} attachment's ${error.message}`);
    throw error;
  }
  return value as T;
}
