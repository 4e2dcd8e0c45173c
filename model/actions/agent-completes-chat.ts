/** An agent completes a chat: the activity goes to 9000/9100 and the customer's session ends. */
import type { AgentConsole } from '../agent-console';
import { touchConsole } from '../changes';
import { isLive, type ChatSession } from '../chat-session';
import { STATUS } from '../database';
import type { Runtime } from '../runtime';
import {
  consoleApplication,
  consoleBlocked,
  endSession,
  popup,
  setActivityStatus,
  showAgent,
  travel,
} from '../effects';
import { noChat } from './agent-sends';
import { agentChats, chatField, chatOf, consoleFor } from './console';
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
    const console = consoleFor(rt, action.agent);
    const chat = chatOf(rt, console, action.customer)!;
    const blocked = consoleBlocked(rt, console);
    const path = ['AgentConsole', 'Web', consoleApplication(rt, console), 'Database'] as const;
    if (blocked || !travel(rt, path, 'complete chat')) {
      popup(rt, console, blocked ?? 'systemDelay');
      return;
    }
    setActivityStatus(rt, rt.directory.row(chat.activityId)!, STATUS.completed);
    const session = rt.directory.session(chat.activityId);
    if (session && isLive(session)) {
      warnOfUnfetchedMessages(rt, console, session);
      endSession(rt, session, 'completed');
    }
    console.chats = console.chats.filter((c) => c !== chat);
    touchConsole(rt, console);
    showAgent(rt, `chat ${chat.activityId} completed`);
  },
  example: { action: { type: 'agent-completes-chat', customer: 'customer@awesome.com' } },
  tries: {
    reads: [],
    weight: 1,
    budget: { count: 'completions', otherwise: 0 },
    candidates: (_state, cast) => agentChats(cast).map((who) => ({ type: 'agent-completes-chat' as const, ...who })),
  },
  controls: (_state, fields) => [
    {
      id: 'agent-completes-chat',
      group: 'agent',
      label: 'Complete the chat',
      made: { type: 'agent-completes-chat', ...chatField(fields) },
    },
  ],
});

/**
 * The agent's messages that the customer's window never fetched (it was closed, and the close was lost on the
 * way) would otherwise end with the session without a word: the console says, as the chat closes, that some
 * may not have been delivered, as the customer's window does for the customer's (model/rules/session-endings.ts).
 * (inferred, assumption lost-close; found by the fuzzer)
 */
function warnOfUnfetchedMessages(rt: Runtime, console: AgentConsole, session: ChatSession): void {
  let unfetched = false;
  for (const message of rt.directory.messages(session.activityId)) {
    if (message.from !== 'agent') continue;
    if (!message.accepted || message.deliveredAt !== null || message.senderWarned) continue;
    message.senderWarned = true;
    unfetched = true;
  }
  if (unfetched) popup(rt, console, 'messagesNotDelivered');
}
