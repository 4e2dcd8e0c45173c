/**
 * An agent logs in to the agent console: a new login session on an Application server, registration with the
 * Services server's routing, and the chats and emails the database still assigns to the agent.
 */
import { closedConsole } from '../agent-console';
import { touchConsole } from '../changes';
import { isLive } from '../chat-session';
import { ActivityType, STATUS, hasStatus } from '../database';
import { addConsoleChat, hop, logins, placeSession, popup, travel } from '../effects';
import { agentWord, define, optional, text } from './definition';

export interface AgentLogsIn {
  readonly type: 'agent-logs-in';
  readonly agent?: string;
}

export const agentLogsIn = define<AgentLogsIn>({
  type: 'agent-logs-in',
  actor: 'Agent',
  fields: { agent: optional(text) },
  words: (action) => `${agentWord(action.agent)} logs in`,
  cannot: (action) => `${agentWord(action.agent)} cannot log in`,
  refusal: (rt, action) => {
    const { db, consoles } = rt.state;
    const name = action.agent ?? consoles[0]?.agentUserName ?? null;
    if (name === null) return 'no agent was named, and none has logged in to this console before';
    if (!rt.directory.user(name))
      return `egpl_user has no user "${name}" (known: ${db.users.map((u) => u.user_name).join(', ')})`;
    const console = rt.directory.console(name);
    if (console?.login === 'logged in') return `${console.agentUserName ?? 'the agent'} is already logged in`;
    return null;
  },
  perform: (rt, action) => {
    const { state } = rt;
    const { db, servers } = state;
    const userName = action.agent ?? state.consoles[0]!.agentUserName!;
    let console = rt.directory.console(userName);
    if (!console) {
      state.consoles.push((console = closedConsole(userName)));
      rt.directory.addedConsole(console);
    }
    const user = rt.directory.user(userName)!;
    const home = placeSession(rt, (server) => logins(rt, server));
    if (!travel(rt, ['AgentConsole', 'Web', home, 'Database'], `log in ${userName}`)) {
      popup(rt, console, 'loginFailed');
      return;
    }
    const leftOpen = db.openLogins.includes(user.user_id);
    Object.assign(console, closedConsole(userName), { agentUserName: userName, login: 'logged in', home });
    if (leftOpen) popup(rt, console, 'sessionInProgress');
    else db.openLogins.push(user.user_id);
    console.registeredForRouting = servers.Services!;
    touchConsole(rt, console);
    hop(rt, 'Application', 'Services', 'register agent for routing', servers.Services!);
    for (const row of rt.directory.rowsAssignedTo(user.user_id)) {
      if (row.activity_type === ActivityType.Chat && hasStatus(row, STATUS.chatInProgress)) {
        const session = rt.directory.session(row.activity_id);
        addConsoleChat(rt, console, row.activity_id);
        // The database still says "in progress", so the console presents a chat whose session is gone.
        if (!session || !isLive(session)) popup(rt, console, 'chatStillActive');
      }
      if (row.activity_type === ActivityType.Email && hasStatus(row, STATUS.emailAssigned)) {
        console.inbox.push(row.activity_id);
      }
    }
  },
  example: { after: [{ type: 'agent-logs-out' }], action: { type: 'agent-logs-in', agent: 'JDoe' } },
  tries: {
    reads: [],
    weight: 2,
    budget: { count: 'logins', otherwise: 2 },
    // Always named: a console nobody has logged in to yet knows no agent.
    candidates: (_state, cast) => cast.agents.map((agent) => ({ type: 'agent-logs-in', agent })),
  },
  controls: (_state, fields) => {
    const agent = fields.agentName.trim();
    return [
      {
        id: 'agent-logs-in',
        group: 'agent',
        label: 'Log in',
        made: { type: 'agent-logs-in', ...(agent && { agent }) },
      },
    ];
  },
});
