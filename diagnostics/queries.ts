/**
 * The source's diagnostic queries, as support engineers run them on a real deployment (SQL Server dialect), and
 * the one translation the embedded engine needs. The source's select list is cut off after `c.l`; it is
 * completed here from the columns of the source's result tables, in their order.
 */

export interface DiagnosticQuery {
  readonly title: string;
  /** The query exactly as it would be pasted into SQL Server Management Studio. */
  readonly sqlServer: string;
}

const SELECT_FROM = `select b.contact_point_data,a.queue_name,b.activity_id,b.activity_status,b.activity_sub_status,c.login_ip,b.assigned_to,b.when_created,c.user_name,c.screen_name
FROM egpl_routing_queue a, egpl_casemgmt_activity b, egpl_user c with (nolock)
WHERE a.queue_id=b.queue_id AND
b.assigned_to=c.user_id AND
b.activity_type=2000 AND`;

/** Chats still open: not completed (9000) and not in a closed sub-status (9100, 9200), oldest first. */
export const OPEN_CHATS: DiagnosticQuery = {
  title: 'Chats still open',
  sqlServer: `${SELECT_FROM}
b.activity_status <> 9000 AND
b.activity_sub_status NOT IN (9100,9200)
ORDER BY b.when_created ASC`,
};

/** One chat activity by id (the source asks for 1347). */
export function chatActivityQuery(activityId: number): DiagnosticQuery {
  if (!Number.isInteger(activityId) || activityId <= 0) {
    throw new RangeError(`An activity id is a whole number above 0, not ${String(activityId)}`);
  }
  return { title: `Chat activity ${activityId}`, sqlServer: `${SELECT_FROM}\nb.activity_id=${activityId}` };
}

/**
 * SQL Server's table hints (`with (nolock)`, read without taking shared locks) have no meaning in SQLite, which
 * rejects them; nothing else in the documented queries needs changing. Removing the hint changes no result here:
 * the embedded store has one reader and no concurrent writer.
 */
export function fromSqlServer(sql: string): string {
  return sql.replace(/\s+with\s*\(\s*nolock\s*\)/gi, '');
}
