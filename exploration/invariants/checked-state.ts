/**
 * What the invariant checker (./invariants.ts) looks up in the model's state, without building lists: whether a
 * row is an agent's chat in progress, a chat's pane, users' ids by name, which servers of a message's path are down.
 */
import { ActivityType, STATUS } from '../../model/database';
import type { DeploymentState } from '../../model/state';

/** Whether `row` is a chat in progress (5000/5900) assigned to user `id`. */
export function isChatInProgressOf(row: DeploymentState['db']['activities'][number], id: number | undefined): boolean {
  return (
    row.assigned_to === id &&
    row.activity_type === ActivityType.Chat &&
    row.activity_status === STATUS.chatInProgress.status &&
    row.activity_sub_status === STATUS.chatInProgress.subStatus
  );
}

/** The pane of the first console chat of `activityId`, in the consoles' order. */
export function paneOf(
  state: DeploymentState,
  activityId: number,
): DeploymentState['consoles'][number]['chats'][number]['pane'] | undefined {
  for (const console of state.consoles) {
    for (const chat of console.chats) if (chat.activityId === activityId) return chat.pane;
  }
  return undefined;
}

const USER_IDS = new WeakMap<
  readonly { readonly user_name: string; readonly user_id: number }[],
  Map<string, number>
>();

/** Each user's id by name, worked out once per users list (the model never changes a deployment's list). */
export function userIdsOf(users: DeploymentState['db']['users']): Map<string, number> {
  let ids = USER_IDS.get(users);
  if (!ids) {
    ids = new Map();
    // The first user of a name, as a search of the list finds it.
    for (const user of users) if (!ids.has(user.user_name)) ids.set(user.user_name, user.user_id);
    USER_IDS.set(users, ids);
  }
  return ids;
}

export function pathDown(state: DeploymentState, home: string): string {
  const down = [home, 'Messaging'].filter((server) => !state.servers[server]);
  return `while the ${down.join(' and ')} server${down.length > 1 ? 's are' : ' is'} down`;
}
