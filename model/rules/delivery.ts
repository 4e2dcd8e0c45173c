/**
 * Each side reads the shared transcript of a live session while the messaging path to it is open (its
 * Application server and the Messaging server, and the side's own way in); nothing is read twice.
 */
import { renderLine, type WindowLine } from '../customer-window';
import { hop, showAgent, showCustomer } from '../effects';
import type { Runtime } from '../runtime';
import { chatMessagesFlow, consoleReachesApplication, customerReachesApplication } from '../servers';
import type { Rule } from './rule';

export const delivery: Rule = {
  name: 'delivery of chat messages',
  settle(rt, changes) {
    const { state, directory } = rt;
    const { servers } = state;
    const customersReach = customerReachesApplication(servers);
    const consolesReach = consoleReachesApplication(servers);
    for (const session of changes.sessions()) {
      if (session.ended !== null || !chatMessagesFlow(servers, session.home)) continue;
      const window = directory.windowInSession(session.activityId);
      if (window && customersReach) {
        for (; window.transcriptRead < session.transcript.length; window.transcriptRead++) {
          const line = session.transcript[window.transcriptRead]!;
          if (line.kind === 'message' && line.from === 'customer') continue;
          deliver(rt, line, 'Customer');
          showCustomer(rt, window, line);
        }
      }
      if (session.agentUserName === null) continue;
      const console = directory.console(session.agentUserName);
      if (!console || console.login !== 'logged in' || !consolesReach) continue;
      let chat;
      for (const c of console.chats) {
        if (c.activityId !== session.activityId) continue;
        chat = c;
        break;
      }
      if (chat) {
        for (; chat.transcriptRead < session.transcript.length; chat.transcriptRead++) {
          const line = session.transcript[chat.transcriptRead]!;
          if (line.kind === 'message' && line.from === 'agent' && chat.pane.includes(line)) continue;
          deliver(rt, line, 'AgentConsole');
          chat.pane.push(line);
          showAgent(rt, renderLine(line));
        }
      }
    }
  },
};

function deliver(rt: Runtime, line: WindowLine, to: 'Customer' | 'AgentConsole'): void {
  if (line.kind !== 'message') return;
  const message = rt.state.messages[line.messageId]!;
  const otherSide = to === 'Customer' ? 'agent' : 'customer';
  if (message.from === otherSide && message.deliveredAt === null) message.deliveredAt = rt.state.clock;
  hop(rt, 'Messaging', to, `"${line.text}"`, true);
}
