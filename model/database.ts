/**
 * The rows of the WIM/EIM database that the source's diagnostic queries read: `egpl_casemgmt_activity`,
 * `egpl_routing_queue` and `egpl_user`, with the status codes documented in docs/sources.md ("Activity records and status codes").
 */
import type { Seconds } from './clock';

export const ActivityType = { Email: 1000, Chat: 2000 } as const;

/** A status pair (activity_status / activity_sub_status) with the name the documentation gives it. */
export interface StatusPair {
  readonly status: number;
  readonly subStatus: number;
  readonly meaning: string;
}

export const STATUS = {
  newlyArrived: { status: 3000, subStatus: 3100, meaning: 'newly arrived' },
  waitingInQueue: { status: 4000, subStatus: 4100, meaning: 'waiting in a queue' },
  waitingForRouting: { status: 4000, subStatus: 4105, meaning: 'waiting for Unified CCE routing' },
  chatInProgress: { status: 5000, subStatus: 5900, meaning: 'chat in progress' },
  /** The documentation gives 5000 as "assigned" without a sub-status for email; 5100 is the model's. (inferred) */
  emailAssigned: { status: 5000, subStatus: 5100, meaning: 'email assigned to an agent (inferred sub-status)' },
  completed: { status: 9000, subStatus: 9100, meaning: 'completed' },
} as const satisfies Record<string, StatusPair>;

export const DOCUMENTED_STATUS_PAIRS: readonly StatusPair[] = Object.values(STATUS);

export function isDocumentedStatus(status: number, subStatus: number): boolean {
  return DOCUMENTED_STATUS_PAIRS.some((pair) => pair.status === status && pair.subStatus === subStatus);
}

export interface ActivityRow {
  activity_id: number;
  case_id: number;
  activity_type: number;
  activity_status: number;
  activity_sub_status: number;
  queue_id: number;
  assigned_to: number | null;
  when_created: string;
  contact_point_data: string;
}

export interface RoutingQueueRow {
  readonly queue_id: number;
  readonly queue_name: string;
}

export interface UserRow {
  readonly user_id: number;
  readonly user_name: string;
  readonly screen_name: string;
  readonly login_ip: string;
}

/** The columns the source's diagnostic query returns, in its order. */
export interface DiagnosticRow {
  readonly contact_point_data: string;
  readonly queue_name: string;
  readonly activity_id: number;
  readonly activity_status: number;
  readonly activity_sub_status: number;
  readonly login_ip: string;
  readonly assigned_to: number;
  readonly when_created: string;
  readonly user_name: string;
  readonly screen_name: string;
}

export const DIAGNOSTIC_COLUMNS = [
  'contact_point_data',
  'queue_name',
  'activity_id',
  'activity_status',
  'activity_sub_status',
  'login_ip',
  'assigned_to',
  'when_created',
  'user_name',
  'screen_name',
] as const satisfies readonly (keyof DiagnosticRow)[];

/** egpl_casemgmt_activity's columns, in the schema's order. */
export const ACTIVITY_COLUMNS = [
  'activity_id',
  'case_id',
  'activity_type',
  'activity_status',
  'activity_sub_status',
  'queue_id',
  'assigned_to',
  'when_created',
  'contact_point_data',
] as const satisfies readonly (keyof ActivityRow)[];

export interface DatabaseState {
  activities: ActivityRow[];
  readonly queues: readonly RoutingQueueRow[];
  readonly users: readonly UserRow[];
  /**
   * The model's own bookkeeping, not a documented column: when each activity was created on the model's clock,
   * in the order they were. A list rather than a record keyed by activity id: integer keys such as 1000 made every
   * copy of the state walk a thousand empty slots (V8 keeps them as array elements).
   */
  createdAt: { readonly activityId: number; readonly at: Seconds }[];
  /** Users with a login session recorded that was never closed by a logout. (inferred: the cause of "Session in Progress") */
  openLogins: number[];
  nextActivityId: number;
  nextCaseId: number;
}

/** Reference data matching the source's figures: queue CIM_WIM, user DMarino (1003) on 43app, and JDoe. */
// Frozen all the way down: nothing may change them, and a copy of the state shares them (model/copy.ts), so the
// users index built from them (model/directory.ts) is found again by identity in every copy.
export const REFERENCE_QUEUES: readonly RoutingQueueRow[] = Object.freeze([
  Object.freeze({ queue_id: 1000, queue_name: 'CIM_WIM' }),
]);
export const REFERENCE_USERS: readonly UserRow[] = Object.freeze([
  Object.freeze({ user_id: 1002, user_name: 'JDoe', screen_name: 'JDoe', login_ip: '43app' }),
  Object.freeze({ user_id: 1003, user_name: 'DMarino', screen_name: 'DMarino', login_ip: '43app' }),
]);

export function emptyDatabase(users: readonly UserRow[] = REFERENCE_USERS): DatabaseState {
  return {
    activities: [],
    queues: REFERENCE_QUEUES,
    users,
    createdAt: [],
    openLogins: [],
    nextActivityId: 1000,
    nextCaseId: 1000,
  };
}

/** When activity `activityId` was created on the model's clock, if there is such an activity. */
export function createdAtOf(db: DatabaseState, activityId: number): Seconds | undefined {
  for (const entry of db.createdAt) if (entry.activityId === activityId) return entry.at;
  return undefined;
}

export function findActivity(db: DatabaseState, activityId: number): ActivityRow | undefined {
  return db.activities.find((row) => row.activity_id === activityId);
}

export function setStatus(row: ActivityRow, pair: StatusPair): void {
  row.activity_status = pair.status;
  row.activity_sub_status = pair.subStatus;
}

export function hasStatus(row: ActivityRow, pair: StatusPair): boolean {
  return row.activity_status === pair.status && row.activity_sub_status === pair.subStatus;
}

/** The join of the source's query: activity, its queue and the user it is assigned to. */
function joined(db: DatabaseState, row: ActivityRow): DiagnosticRow | undefined {
  const queue = db.queues.find((q) => q.queue_id === row.queue_id);
  const user = db.users.find((u) => u.user_id === row.assigned_to);
  if (!queue || !user) return undefined; // an inner join drops unassigned activities
  return {
    contact_point_data: row.contact_point_data,
    queue_name: queue.queue_name,
    activity_id: row.activity_id,
    activity_status: row.activity_status,
    activity_sub_status: row.activity_sub_status,
    login_ip: user.login_ip,
    assigned_to: user.user_id,
    when_created: row.when_created,
    user_name: user.user_name,
    screen_name: user.screen_name,
  };
}

/** The source's first query: chats still open (type 2000, not 9000, sub-status not 9100 or 9200), oldest first. */
export function openChats(db: DatabaseState): DiagnosticRow[] {
  return db.activities
    .filter(
      (row) =>
        row.activity_type === ActivityType.Chat &&
        row.activity_status !== 9000 &&
        row.activity_sub_status !== 9100 &&
        row.activity_sub_status !== 9200,
    )
    .map((row) => joined(db, row))
    .filter((row): row is DiagnosticRow => row !== undefined)
    .sort((a, b) => (a.when_created < b.when_created ? -1 : a.when_created > b.when_created ? 1 : 0));
}

/** The source's second query: one chat activity by id. */
export function chatActivity(db: DatabaseState, activityId: number): DiagnosticRow[] {
  return db.activities
    .filter((row) => row.activity_type === ActivityType.Chat && row.activity_id === activityId)
    .map((row) => joined(db, row))
    .filter((row): row is DiagnosticRow => row !== undefined);
}
