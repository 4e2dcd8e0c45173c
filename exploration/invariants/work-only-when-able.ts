/**
 * The agent gets work only when able, and gets it once everything is back. Memory: the activities seen assigned
 * (the state determines them) and the agents whose last login was a fresh one, made while every server was up
 * with nothing failed and no logout since (the state does not say so: part of the explorer's state key).
 */
import { formatDuration } from '../../model/clock';
import { STATUS } from '../../model/database';
import { consoleReachesApplication } from '../../model/servers';
import { sessionOf } from '../../model/state';
import { isChatInProgressOf, userIdsOf } from './checked-state';
import { broken, invariant } from './invariant';

interface Memory {
  readonly assigned: ReadonlySet<number>;
  readonly freshLogins: ReadonlySet<string>;
}

const NONE: Memory = { assigned: new Set(), freshLogins: new Set() };
const NO_ASSIGNMENTS: ReadonlyMap<number, number[]> = new Map();

export const workOnlyWhenAble = invariant<Memory>({
  id: 'workOnlyWhenAble',
  name: 'The agent gets work only when able, and gets it once everything is back',
  explanation:
    'No activity is assigned while the console cannot handle it or the agent is in a chat, and once every server is up and the agent has logged in again, waiting work is routed to an agent who is not in a live chat.',
  expectedException: {
    name: 'A chat lost with the Application server blocks the agent (@known-defect)',
    explanation:
      'The database keeps a chat lost with the Application server at 5000/5900, so the agent, told the session is still active, receives no new work until completing it (source: Application Server Restored).',
  },
  witness: 'an activity assigned to an agent able to take it',
  memory: {
    initial: () => NONE,
    key: ({ freshLogins }) => [...freshLogins].sort().join('+'),
  },
  check(step, memory) {
    const { action, state, deployment } = step;
    const { db, servers } = state;
    const ids = userIdsOf(db.users);
    const userId = (name: string | null): number | undefined => (name === null ? undefined : ids.get(name));
    // The agents whose consoles can handle work, worked out when a step needs them (most steps assign nothing).
    let ableAgents: Set<number> | null = null;
    const able = (id: number): boolean => {
      if (ableAgents === null) {
        ableAgents = new Set<number>();
        const reach = consoleReachesApplication(servers);
        for (const console of state.consoles) {
          const agent = userId(console.agentUserName);
          if (agent !== undefined && console.login === 'logged in' && reach && console.registeredForRouting) {
            ableAgents.add(agent);
          }
        }
      }
      return ableAgents.has(id);
    };
    let { assigned, freshLogins } = memory;
    let fresh: Map<number, number[]> | null = null;
    for (const row of db.activities) {
      if (row.assigned_to === null || assigned.has(row.activity_id)) continue;
      assigned = new Set(assigned).add(row.activity_id);
      fresh ??= new Map<number, number[]>();
      fresh.set(row.assigned_to, [...(fresh.get(row.assigned_to) ?? []), row.activity_id]);
      if (!able(row.assigned_to)) broken(`activity ${row.activity_id} was assigned while the console cannot handle it`);
      step.witnessed();
    }
    // A chat cannot be interrupted by other media: nothing new for an agent who was already in one, and one
    // new chat at a time. (An email and then a chat in the same routing pass is allowed.)
    for (const [agent, given] of fresh ?? NO_ASSIGNMENTS) {
      const inProgress = db.activities.filter((row) => isChatInProgressOf(row, agent));
      const earlier = inProgress.find((chat) => !given.includes(chat.activity_id));
      if (earlier)
        broken(`activity ${given.join(', ')} was assigned while the agent is in chat ${earlier.activity_id}`);
      if (inProgress.length > 1)
        broken(`chats ${inProgress.map((c) => c.activity_id).join(' and ')} were assigned at once`);
    }

    const first = state.consoles[0]?.agentUserName ?? null;
    if (action.type === 'fail' && freshLogins.size > 0) freshLogins = NONE.freshLogins;
    if (action.type === 'agent-logs-out' && freshLogins.has(action.agent ?? first ?? '')) {
      const leaving = action.agent ?? first ?? '';
      freshLogins = new Set([...freshLogins].filter((name) => name !== leaving));
    }
    // Every server up matters only at a login or while some agent's last login was a fresh one.
    const allUp = (): boolean => {
      for (const server in servers) if (!servers[server]) return false;
      return true;
    };
    if (action.type === 'agent-logs-in' && allUp()) {
      const name = action.agent ?? first;
      const console = state.consoles.find((c) => c.agentUserName === name);
      if (name !== null && console?.login === 'logged in' && !freshLogins.has(name)) {
        freshLogins = new Set(freshLogins).add(name);
      }
    }
    const next =
      assigned === memory.assigned && freshLogins === memory.freshLogins ? memory : { assigned, freshLogins };
    if (freshLogins.size === 0 || !allUp()) return next;
    let free: string | null = null;
    let blockedByLostChat = false;
    for (const name of freshLogins) {
      const id = userId(name);
      if (id === undefined || !able(id))
        broken('every server is up and the agent logged in again, yet the console cannot handle activities');
      // Counted at every step while a fresh login lasts, so without building the lists.
      let inProgress = 0;
      let live = 0;
      for (const row of db.activities) {
        if (!isChatInProgressOf(row, id)) continue;
        inProgress++;
        const session = sessionOf(state, row.activity_id);
        // A chat the customer left waits for the agent to complete it, like a live one.
        if (session !== undefined && (session.ended === null || session.ended === 'exited')) live++;
      }
      if (live > 0) continue; // busy with a live chat, which cannot be interrupted
      if (inProgress > 0)
        blockedByLostChat = true; // the expected exception: a lost chat still at 5000/5900
      else free ??= name;
    }
    if (blockedByLostChat) step.expectedException();
    if (free === null) return next;
    const waiting = db.activities.find(
      (row) => row.activity_status === STATUS.waitingInQueue.status && row.assigned_to === null,
    );
    if (waiting) {
      broken(
        `activity ${waiting.activity_id} waits at ${waiting.activity_status}/${waiting.activity_sub_status} at ${formatDuration(deployment.clock)} while ${free === first ? 'the agent' : free} is free`,
      );
    }
    return next;
  },
});
