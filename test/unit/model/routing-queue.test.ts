/**
 * The routing queue and the directory against the same indexes built afresh from the state, when a chat leaves
 * the queue for an agent and comes back to it (a transfer back to the queue): both once assumed a row never
 * returns to waiting and an assignment is never taken back.
 */
import { test } from 'node:test';
import { deepEqual } from 'node:assert/strict';
import { ActivityType, REFERENCE_USERS, STATUS, setStatus, type ActivityRow } from '../../../model/database';
import { Directory } from '../../../model/directory';
import { RoutingQueue } from '../../../model/routing-queue';
import { initialState, type State } from '../../../model/state';

const JDOE = REFERENCE_USERS[0]!.user_id;

function chat(state: State, activityId: number): ActivityRow {
  const row: ActivityRow = {
    activity_id: activityId,
    case_id: activityId,
    activity_type: ActivityType.Chat,
    activity_status: STATUS.waitingInQueue.status,
    activity_sub_status: STATUS.waitingInQueue.subStatus,
    queue_id: state.db.queues[0]!.queue_id,
    assigned_to: null,
    when_created: '2011-07-12 14:49:55.000',
    contact_point_data: `customer${activityId}@awesome.com`,
  };
  state.db.activities.push(row);
  return row;
}

/** What the queue holds, in its order: what routing reads. */
const held = (queue: RoutingQueue) => ({ waiting: [...queue.waiting.keys()], unmarked: [...queue.unmarked.keys()] });

test('a chat that comes back to the queue waits in its place, oldest first, as a queue built afresh has it', () => {
  const state = initialState();
  const directory = Directory.of(state);
  const queue = RoutingQueue.of(state, directory);
  const first = chat(state, 1001);
  queue.refileRow(first);
  // The first chat goes to JDoe; a second chat starts and waits.
  first.assigned_to = JDOE;
  setStatus(first, STATUS.chatInProgress);
  queue.refileRow(first);
  const second = chat(state, 1002);
  queue.refileRow(second);
  // JDoe transfers the first back to the queue: it is older than the second, so it is routed first.
  first.assigned_to = null;
  setStatus(first, STATUS.waitingInQueue);
  deepEqual(queue.refileRow(first), [JDOE], "JDoe's chats in progress changed: the console may be free");
  deepEqual(held(queue), held(RoutingQueue.of(state, Directory.of(state))));
  deepEqual(held(queue).waiting, [1001, 1002]);
  deepEqual(queue.busy(JDOE), false);
});

test('the rows assigned to an agent are the rows assigned to them now, after a chat was taken off them', () => {
  const state = initialState();
  const directory = Directory.of(state);
  const row = chat(state, 1001);
  directory.addedRow(row);
  deepEqual(directory.rowsAssignedTo(JDOE), []);
  row.assigned_to = JDOE;
  directory.assignedRow(row);
  deepEqual(directory.rowsAssignedTo(JDOE), [row]);
  row.assigned_to = null;
  deepEqual(directory.rowsAssignedTo(JDOE), Directory.of(state).rowsAssignedTo(JDOE));
  row.assigned_to = JDOE;
  directory.assignedRow(row);
  deepEqual(directory.rowsAssignedTo(JDOE), [row], 'assigned again, listed once');
});
