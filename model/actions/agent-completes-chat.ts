/** An agent completes a chat: the activity goes to 9000/9100 and the customer's session ends. */
import { isLive } from '../chat-session';
import { STATUS, findActivity, setStatus } from '../database';
import { consoleApplication, consoleBlocked, popup, showAgent, travel } from '../effects';
import { consoleChatOf, sessionOf } from '../state';
import { noChat } from './agent-sends';
import { consoleFor } from './console';
import { agentWord, define, optional, text } from './definition';

export interface AgentCompletesChat {
  readonly type: 'agent-completes-chat';
  readonly customer?: string;
  readonly agent?: string;
}

export const agentCompletesChat = define<AgentCompletesChat>({
  type: 'agent-completes-chat',
  actor: 'Agent',
  fields: { customer: optional(text), agent: optional(text) },
  words: (action, style) =>
    `${agentWord(action.agent)} completes the chat` +
    style.pick('', action.customer === undefined ? '' : ` with ${action.customer}`),
  cannot: (action) => `${agentWord(action.agent)} cannot complete the chat`,
  refusal: (rt, action) => noChat(rt, action.agent, action.customer),
  perform: (rt, action) => {
    const { state } = rt;
    const console = consoleFor(rt, action.agent);
    const chat = consoleChatOf(state, console, action.customer)!;
    const blocked = consoleBlocked(rt, console);
    const path = ['AgentConsole', 'Web', consoleApplication(rt, console), 'Database'] as const;
    if (blocked || !travel(rt, path, 'complete chat')) {
      popup(rt, console, blocked ?? 'systemDelay');
      return;
    }
    setStatus(findActivity(state.db, chat.activityId)!, STATUS.completed);
    const session = sessionOf(state, chat.activityId);
    if (session && isLive(session)) session.ended = 'completed';
    console.chats = console.chats.filter((c) => c !== chat);
    showAgent(rt, `chat ${chat.activityId} completed`);
  },
  example: { action: { type: 'agent-completes-chat', customer: 'customer@awesome.com' } },
});
