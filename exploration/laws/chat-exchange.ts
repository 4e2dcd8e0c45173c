/**
 * What "the agent and the customer can chat" means at one step: a message was just sent in a live chat that
 * both the customer's window and the agent's logged-in console show. Shared by the laws that claim it.
 */
import type { ChatMessage } from '../../model/chat-session';
import type { LawStep } from './history';

/** The message this step sent in a chat both sides have open, or `null` if it sent none. */
export function messageBetweenOpenSides(step: LawStep): Readonly<ChatMessage> | null {
  const { action, before, after, state } = step;
  if ((action.type !== 'customer-sends' && action.type !== 'agent-sends') || after.messages === before.messages) {
    return null;
  }
  const message = state.messages[after.messages - 1]!;
  const open =
    state.consoles.some(
      (c) => c.login === 'logged in' && c.chats.some((chat) => chat.activityId === message.activityId),
    ) &&
    after.liveSessions.some((s) => s.activityId === message.activityId) &&
    state.windows.some((w) => w.activityId === message.activityId && w.state === 'in session');
  return open ? message : null;
}

export function deliveredOrWhy(message: Readonly<ChatMessage>): string | null {
  return message.deliveredAt !== null
    ? null
    : `the ${message.from}'s "${message.text}" did not reach the other side${message.senderWarned ? ' (its sender was warned)' : ''}`;
}
