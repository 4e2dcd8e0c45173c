/** An agent types into one chat of the chat list; the message goes out through the Web and Application servers. */
import { AGENT_NOTICES } from '../agent-console';
import { isLive } from '../chat-session';
import { renderLine, type WindowLine } from '../customer-window';
import { touchSession } from '../changes';
import { consoleApplication, consoleBlocked, hop, newMessage, popup, screenName, showAgent, travel } from '../effects';
import { agentChats, chatField, chatOf, consoleFor, loggedOut } from './console';
import { agentWord, define, optional, text } from './definition';

export interface AgentSends {
  readonly type: 'agent-sends';
  readonly text: string;
  readonly customer?: string;
  readonly agent?: string;
}

/** Why the agent has no such chat to act on, or `null`. */
export function noChat(
  rt: Parameters<typeof consoleFor>[0],
  agent: string | undefined,
  customer: string | undefined,
): string | null {
  const console = consoleFor(rt, agent);
  const refused = loggedOut(console, agent);
  if (refused) return refused;
  if (chatOf(rt, console, customer)) return null;
  return customer
    ? `the agent console's chat list has no chat with ${customer}`
    : "the agent console's chat list is empty";
}

export const agentSends = define<AgentSends>({
  type: 'agent-sends',
  actor: 'Agent',
  fields: { text, customer: optional(text), agent: optional(text) },
  words: (action, style) =>
    `${agentWord(action.agent)} sends ${style.quote(action.text)}` +
    style.pick('', action.customer === undefined ? '' : ` to ${action.customer}`),
  cannot: (action, style) => `${agentWord(action.agent)} cannot send ${style.quote(action.text)}`,
  refusal: (rt, action) =>
    noChat(rt, action.agent, action.customer) ?? (action.text.trim() === '' ? 'the message is empty' : null),
  perform: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    const chat = chatOf(rt, console, action.customer)!;
    const message = newMessage(rt, chat.activityId, 'agent', action.text);
    const blocked = consoleBlocked(rt, console);
    if (blocked) {
      hop(rt, 'AgentConsole', 'Web', `"${action.text}"`, false);
      message.senderWarned = true;
      popup(rt, console, blocked);
      return;
    }
    const line: WindowLine = {
      kind: 'message',
      from: 'agent',
      name: screenName(rt, console),
      text: action.text,
      messageId: message.id,
    };
    chat.pane.push(line);
    showAgent(rt, renderLine(line));
    const session = rt.directory.session(chat.activityId);
    const path = ['AgentConsole', 'Web', consoleApplication(rt, console), 'Messaging'] as const;
    const arrived = travel(rt, path, `"${action.text}"`);
    if (arrived && session && isLive(session)) {
      message.accepted = true;
      session.transcript.push(line);
      touchSession(rt, session);
    } else if (!arrived || session?.ended === 'exited') {
      message.senderWarned = true;
      chat.pane.push({ kind: 'notice', text: AGENT_NOTICES.mayNotHaveBeenDelivered });
      showAgent(rt, AGENT_NOTICES.mayNotHaveBeenDelivered);
    }
    // A message to a session lost with its server vanishes without a word: the known defect's consequence.
  },
  example: { action: { type: 'agent-sends', text: 'Hello', customer: 'customer@awesome.com' } },
  tries: {
    reads: [],
    weight: 3,
    // With no customer named, the first chat of the agent's list.
    candidates: (_state, cast) =>
      agentChats(cast).flatMap((who) =>
        cast.agentLines.map((text) => ({ type: 'agent-sends' as const, text, ...who })),
      ),
  },
  controls: (_state, fields) => [
    {
      id: 'agent-sends',
      group: 'agent',
      label: 'Send as the agent',
      made: {
        type: 'agent-sends',
        text: fields.agentText,
        ...chatField(fields),
      },
    },
  ],
});
