/**
 * The documented queries run in the browser: sql.js (SQLite compiled to WebAssembly) behind the same
 * diagnostics/ modules the specification's database steps use in Node. The WebAssembly file is served by the
 * site (plugins/sql-wasm.js) and fetched here, so any server's MIME type for .wasm will do.
 */
import type { SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm';
import { OPEN_CHATS, chatActivityQuery } from '../../../diagnostics/queries';
import { ActivityStore, type DatabaseRows, type QueryResult } from '../../../diagnostics/store';

let loading: Promise<SqlJsStatic> | undefined;

/** Loads sql.js once per page. */
export function loadSqlJsInBrowser(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const [{ default: initSqlJs }, response] = await Promise.all([import('sql.js'), fetch(wasmUrl)]);
    if (!response.ok)
      throw new Error(`the site did not serve sql.js's WebAssembly file (${wasmUrl}: HTTP ${response.status})`);
    return initSqlJs({ wasmBinary: await response.arrayBuffer() });
  })();
  return loading;
}

/**
 * The source's two queries over `rows`: the chats still open and, as the source does for activity 1347, the
 * chat activity a customer's window is in (the newest one).
 */
export function diagnose(store: ActivityStore, rows: DatabaseRows, activityId: number | null): QueryResult[] {
  store.rebuild(rows);
  const results = [store.run(OPEN_CHATS)];
  if (activityId !== null) results.push(store.run(chatActivityQuery(activityId)));
  return results;
}
