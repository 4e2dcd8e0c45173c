/** One SQLite store for the whole run, rebuilt from the scenario's model whenever a step queries it. */
import { setFlagsFromString } from 'node:v8';
import { BeforeAll } from '@cucumber/cucumber';
import type { SqlJsStatic } from 'sql.js';
import { loadSqlJs } from '../../diagnostics/node';
import { ActivityStore } from '../../diagnostics/store';
import type { Deployment } from '../../model/deployment';

let SQL: SqlJsStatic | undefined;
let store: ActivityStore | undefined;

// SQLite compiled to WebAssembly runs a dozen queries over a few rows in a run: V8's baseline compiler is all it
// needs. Optimising it too (TurboFan, on by default) took some 100 ms more CPU a run than it saved (issue 25's
// ratio, docs/engineering/testing.md). It only changes how the same code is compiled; SPEC_PLAIN=1 leaves it be,
// and test/unit/steps/spec-shortcuts.test.ts requires the same messages both ways.
if (!process.env.SPEC_PLAIN) setFlagsFromString('--liftoff-only');
// Started as the support code loads, so that the WebAssembly compiles on V8's own threads while cucumber reads the
// features; the BeforeAll hook waits for it, and fails the run if it failed.
const loading = loadSqlJs();
loading.catch(() => undefined);

BeforeAll(async function () {
  SQL = await loading;
});

export function activityStoreFor(deployment: Deployment): ActivityStore {
  if (!SQL)
    throw new Error('sql.js has not been loaded: the BeforeAll hook in steps/support/activity_store.ts did not run');
  store ??= new ActivityStore(SQL);
  store.rebuild(deployment.inspect().db);
  return store;
}
