/**
 * An agent takes the next activity from the inbox to work on it. Refused, with the reason, while the console
 * cannot handle activities, or when the inbox is empty.
 */
import { showAgent } from '../effects';
import { cannotHandleActivities, consoleFor } from './console';
import { agentWord, agentsOf, define, optional, text } from './definition';
import { SOURCE_EMAIL } from './email-arrives';

export interface AgentTakesNextActivity {
  readonly type: 'agent-takes-next-activity';
  readonly agent?: string;
}

export const agentTakesNextActivity = define<AgentTakesNextActivity>({
  type: 'agent-takes-next-activity',
  actor: 'Agent',
  fields: { agent: optional(text) },
  words: (action) => `${agentWord(action.agent)} takes the next activity`,
  cannot: (action) => `${agentWord(action.agent)} cannot take the next activity`,
  refusal: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    return (
      cannotHandleActivities(rt.state, console, action.agent) ??
      (console.inbox.length === 0 ? "the agent's inbox holds no activity" : null)
    );
  },
  perform: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    const next = console.inbox[0]!;
    showAgent(rt, `opens email ${next}: "${rt.state.emails[next]!.subject}"`);
  },
  example: {
    after: [{ type: 'agent-completes-chat' }, SOURCE_EMAIL],
    action: { type: 'agent-takes-next-activity' },
  },
  tries: {
    reads: [],
    weight: 1,
    candidates: (_state, cast) =>
      agentsOf(cast).map((agent) => ({ type: 'agent-takes-next-activity' as const, ...agent })),
  },
  controls: () => [
    {
      id: 'agent-takes-next-activity',
      group: 'agent',
      label: 'Take the next activity',
      made: { type: 'agent-takes-next-activity' },
    },
  ],
});
