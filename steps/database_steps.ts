/**
 * The source's diagnostic queries, run as SQL against the scenario's database rows; each result is attached to
 * the run so the docs can show the query and its rows.
 */
import { Then, type DataTable } from '@cucumber/cucumber';
import { OPEN_CHATS, chatActivityQuery, type DiagnosticQuery } from '../diagnostics/queries';
import type { QueryResult } from '../diagnostics/store';
import { QUERY_MEDIA_TYPE } from '../model/media-types';
import { activityStoreFor } from './support/activity_store';
import type { DeploymentWorld } from './support/world';
import { expectRows } from './support/text';

function run(world: DeploymentWorld, query: DiagnosticQuery): QueryResult {
  const result = activityStoreFor(world.deployment).run(query);
  world.attach(JSON.stringify({ ...result, sqlServer: query.sqlServer }), QUERY_MEDIA_TYPE);
  return result;
}

Then('the open-chats query returns:', function (this: DeploymentWorld, table: DataTable) {
  expectRows('The open-chats query', run(this, OPEN_CHATS).rows, table);
});

Then('the open-chats query returns no rows', function (this: DeploymentWorld) {
  const { rows } = run(this, OPEN_CHATS);
  if (rows.length) throw new Error(`The open-chats query returned ${rows.length} rows: ${JSON.stringify(rows)}`);
});

Then('the query for activity {int} returns:', function (this: DeploymentWorld, activityId: number, table: DataTable) {
  expectRows(`The query for activity ${activityId}`, run(this, chatActivityQuery(activityId)).rows, table);
});
