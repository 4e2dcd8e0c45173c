/**
 * An agent transfers a chat back to the queue: if the request reaches the database, the activity waits in the
 * queue again (4000/4100), assigned to nobody, and leaves the agent's chat list; routing gives it to the first
 * free agent, oldest waiting first, as it would a new chat. The source never shows a transfer (assumption
 * transfer-back-to-queue, features/claims.json). (inferred)
 */
import { touchConsole, touchSession } from '../changes';
import { isLive } from '../chat-session';
import { STATUS } from '../database';
import { consoleApplication, consoleBlocked, popup, setActivityStatus, showAgent, travel } from '../effects';
import { noChat } from './agent-sends';
import { agentChats, chatField, chatOf, consoleFor } from './console';
import { agentWord, define, optional, text } from './definition';

export interface AgentTransfersChat {
  readonly type: 'agent-transfers-chat';
  readonly customer?: string;
  readonly agent?: string;
}

export const agentTransfersChat = define<AgentTransfersChat>({
  type: 'agent-transfers-chat',
  actor: 'Agent',
  fields: { customer: optional(text), agent: optional(text) },
  words: (action, style) =>
    `${agentWord(action.agent)} transfers the chat` +
    style.pick('', action.customer === undefined ? '' : ` with ${action.customer}`) +
    ' back to the queue',
  cannot: (action) => `${agentWord(action.agent)} cannot transfer the chat back to the queue`,
  refusal: (rt, action) => noChat(rt, action.agent, action.customer),
  perform: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    const chat = chatOf(rt, console, action.customer)!;
    const blocked = consoleBlocked(rt, console);
    const path = ['AgentConsole', 'Web', consoleApplication(rt, console), 'Database'] as const;
    if (blocked || !travel(rt, path, 'transfer chat to queue')) {
      popup(rt, console, blocked ?? 'systemDelay');
      return;
    }
    const row = rt.directory.row(chat.activityId)!;
    row.assigned_to = null;
    setActivityStatus(rt, row, STATUS.waitingInQueue);
    const session = rt.directory.session(chat.activityId);
    if (session && isLive(session)) {
      session.agentUserName = null;
      touchSession(rt, session);
    }
    console.chats = console.chats.filter((c) => c !== chat);
    touchConsole(rt, console);
    showAgent(rt, `chat ${chat.activityId} transferred back to the queue`);
  },
  example: { action: { type: 'agent-transfers-chat', customer: 'customer@awesome.com' } },
  tries: {
    reads: [],
    weight: 1,
    budget: { count: 'transfers', otherwise: 1 },
    candidates: (_state, cast) => agentChats(cast).map((who) => ({ type: 'agent-transfers-chat' as const, ...who })),
  },
  controls: (_state, fields) => [
    {
      id: 'agent-transfers-chat',
      group: 'agent',
      label: 'Transfer the chat back to the queue',
      made: { type: 'agent-transfers-chat', ...chatField(fields) },
    },
  ],
});
