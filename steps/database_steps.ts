/** The source's diagnostic queries against the activity tables. */
import { Then, type DataTable } from '@cucumber/cucumber';
import type { DeploymentWorld } from './support/world';
import { expectRows } from './support/text';

Then('the open-chats query returns:', function (this: DeploymentWorld, table: DataTable) {
  expectRows('The open-chats query', this.view().database.openChats, table);
});

Then('the open-chats query returns no rows', function (this: DeploymentWorld) {
  const rows = this.view().database.openChats;
  if (rows.length) throw new Error(`The open-chats query returned ${rows.length} rows: ${JSON.stringify(rows)}`);
});

Then('the query for activity {int} returns:', function (this: DeploymentWorld, activityId: number, table: DataTable) {
  expectRows(`The query for activity ${activityId}`, this.deployment.chatActivityRows(activityId), table);
});
