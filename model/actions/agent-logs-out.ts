/** An agent logs out; the login session is closed in the database only if the request gets there. */
import { closedConsole } from '../agent-console';
import { touchConsole } from '../changes';
import { consoleApplication, showAgent, travel } from '../effects';
import { consoleFor } from './console';
import { agentWord, agentsOf, define, optional, text } from './definition';

export interface AgentLogsOut {
  readonly type: 'agent-logs-out';
  readonly agent?: string;
}

export const agentLogsOut = define<AgentLogsOut>({
  type: 'agent-logs-out',
  actor: 'Agent',
  fields: { agent: optional(text) },
  words: (action) => `${agentWord(action.agent)} logs out`,
  cannot: (action) => `${agentWord(action.agent)} cannot log out`,
  refusal: (rt, action) =>
    consoleFor(rt, action.agent).login === 'logged out' ? `${agentWord(action.agent)} is not logged in` : null,
  perform: (rt, action) => {
    const { db } = rt.state;
    const console = consoleFor(rt, action.agent);
    const user = rt.directory.user(console.agentUserName!)!;
    const clean =
      console.login === 'logged in' &&
      travel(rt, ['AgentConsole', 'Web', consoleApplication(rt, console), 'Database'], 'log out');
    if (clean) db.openLogins = db.openLogins.filter((id) => id !== user.user_id);
    const agentUserName = console.agentUserName;
    Object.assign(console, closedConsole(console.user), { agentUserName });
    touchConsole(rt, console);
    showAgent(rt, 'logged out');
  },
  example: { action: { type: 'agent-logs-out' } },
  tries: {
    reads: [],
    weight: 1,
    budget: { count: 'logouts', otherwise: 1 },
    candidates: (_state, cast) => agentsOf(cast).map((agent) => ({ type: 'agent-logs-out' as const, ...agent })),
  },
  controls: () => [{ id: 'agent-logs-out', group: 'agent', label: 'Log out', made: { type: 'agent-logs-out' } }],
});
