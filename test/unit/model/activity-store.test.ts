/**
 * The SQL store: the documented queries run against the model's rows, rebuilds are atomic and repeatable, and
 * errors name the query. Its answers must agree with the model's own reading of the same rows.
 */
import { before, test } from 'node:test';
import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import type { SqlJsStatic } from 'sql.js';
import { loadSqlJs } from '../../../diagnostics/node';
import { OPEN_CHATS, chatActivityQuery, fromSqlServer } from '../../../diagnostics/queries';
import { ActivityStore, QueryError } from '../../../diagnostics/store';
import { Deployment } from '../../../model/deployment';
import { openChats, chatActivity } from '../../../model/database';
import type { Action } from '../../../model/actions';

let SQL: SqlJsStatic;
before(async () => {
  SQL = await loadSqlJs();
});

function deploymentAfter(plan: readonly Action[]): Deployment {
  const deployment = new Deployment();
  for (const action of plan) deployment.apply(action);
  return deployment;
}

const SERVICES_FAILURE: Action[] = [
  { type: 'agent-logs-in', agent: 'DMarino' },
  { type: 'customer-starts-chat', question: 'Help me!', activityId: 1347 },
  { type: 'fail', server: 'Services' },
];

test('the open-chats query finds the source row during a Services failure', () => {
  const store = new ActivityStore(SQL);
  store.rebuild(deploymentAfter(SERVICES_FAILURE).inspect().db);
  const result = store.run(OPEN_CHATS);
  deepStrictEqual(result.rows, [
    {
      contact_point_data: 'customer@awesome.com',
      queue_name: 'CIM_WIM',
      activity_id: 1347,
      activity_status: 5000,
      activity_sub_status: 5900,
      login_ip: '43app',
      assigned_to: 1003,
      when_created: '2011-07-12 14:49:55.000',
      user_name: 'DMarino',
      screen_name: 'DMarino',
    },
  ]);
  deepStrictEqual(result.columns, Object.keys(result.rows[0]!));
});

test('a query that matches nothing still names its columns', () => {
  const store = new ActivityStore(SQL);
  store.rebuild(new Deployment().inspect().db);
  const result = store.run(OPEN_CHATS);
  deepStrictEqual(result.rows, []);
  equal(result.columns.length, 10);
});

test('the SQL agrees with the model on every state of a chat that is failed, completed and replaced', () => {
  const plan: Action[] = [
    ...SERVICES_FAILURE,
    { type: 'agent-completes-chat' },
    { type: 'restore', server: 'Services' },
    { type: 'agent-logs-out' },
    { type: 'agent-logs-in' },
    { type: 'customer-starts-chat', question: 'Again', customer: 'other@awesome.com' },
    { type: 'fail', server: 'Application' },
    { type: 'restore', server: 'Application' },
    { type: 'agent-logs-in' },
  ];
  const store = new ActivityStore(SQL);
  const deployment = new Deployment();
  for (const action of plan) {
    deployment.apply(action);
    const { db } = deployment.inspect();
    store.rebuild(db);
    deepStrictEqual(store.run(OPEN_CHATS).rows, openChats(db as never), `after ${action.type}`);
    for (const row of db.activities) {
      deepStrictEqual(store.run(chatActivityQuery(row.activity_id)).rows, chatActivity(db as never, row.activity_id));
    }
  }
});

test('rebuilding twice from the same state gives identical rows', () => {
  const store = new ActivityStore(SQL);
  const db = deploymentAfter(SERVICES_FAILURE).inspect().db;
  store.rebuild(db);
  const first = store.run(chatActivityQuery(1347));
  store.rebuild(db);
  deepStrictEqual(store.run(chatActivityQuery(1347)), first);
});

test('a refused row leaves the store exactly as it was', () => {
  const store = new ActivityStore(SQL);
  const db = deploymentAfter(SERVICES_FAILURE).inspect().db;
  store.rebuild(db);
  const before = store.run(OPEN_CHATS);
  const broken = { ...db, activities: [...db.activities, { ...db.activities[0]!, activity_id: 1348, queue_id: 999 }] };
  throws(() => store.rebuild(broken), /egpl_casemgmt_activity refused the row .*"activity_id":1348.*FOREIGN KEY/);
  deepStrictEqual(store.run(OPEN_CHATS), before);
});

test('a query the engine rejects fails with the engine message and the query text', () => {
  const store = new ActivityStore(SQL);
  throws(
    () => store.run({ title: 'broken', sqlServer: 'select queue_name from egpl_nowhere' }),
    (error: unknown) => {
      ok(error instanceof QueryError);
      match(error.message, /no such table: egpl_nowhere/);
      match(error.message, /select queue_name from egpl_nowhere/);
      return true;
    },
  );
});

test('only the SQL Server table hint is translated', () => {
  equal(fromSqlServer('FROM a, b, egpl_user c with (nolock)\nWHERE x'), 'FROM a, b, egpl_user c\nWHERE x');
  equal(fromSqlServer('FROM c WITH(NOLOCK) WHERE 1=1'), 'FROM c WHERE 1=1');
  equal(fromSqlServer(OPEN_CHATS.sqlServer).includes('nolock'), false);
  equal(
    fromSqlServer(OPEN_CHATS.sqlServer).replace(/\s/g, ''),
    OPEN_CHATS.sqlServer.replace(/ with \(nolock\)/, '').replace(/\s/g, ''),
  );
});
