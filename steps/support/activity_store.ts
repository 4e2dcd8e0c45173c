/** One SQLite store for the whole run, rebuilt from the scenario's model whenever a step queries it. */
import { BeforeAll } from '@cucumber/cucumber';
import type { SqlJsStatic } from 'sql.js';
import { loadSqlJs } from '../../diagnostics/node';
import { ActivityStore } from '../../diagnostics/store';
import type { Deployment } from '../../model/deployment';

let SQL: SqlJsStatic | undefined;
let store: ActivityStore | undefined;

BeforeAll(async function () {
  SQL = await loadSqlJs();
});

export function activityStoreFor(deployment: Deployment): ActivityStore {
  if (!SQL)
    throw new Error('sql.js has not been loaded: the BeforeAll hook in steps/support/activity_store.ts did not run');
  store ??= new ActivityStore(SQL);
  store.rebuild(deployment.inspect().db);
  return store;
}
