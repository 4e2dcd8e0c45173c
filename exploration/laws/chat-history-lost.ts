/** APP-R2, MA-R4, ALL-R4: the chat history is lost with the Application server. */
import { cutOffAgentLoggingIn } from './history';
import { lostChatsStillInProgress } from './lost-chat-reported-active';
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

export const chatHistoryLost = law({
  id: 'chat-history-lost',
  claims: ['APP-R2', 'MA-R4', 'ALL-R4'],
  name: 'The history of a chat lost with the Application server is gone when the agent logs back in',
  premise: 'the agent logs in again after an Application server outage and a chat lost in it is listed again',
  conclusion: "that chat's pane shows none of the messages exchanged before",
  when: WHEN.login | WHEN.chatsLiveAtApplicationFailure,
  check: (step) => {
    const lost = lostChatsStillInProgress(step);
    if (lost.length === 0) return NOT_APPLICABLE;
    for (const chat of cutOffAgentLoggingIn(step)!.chats) {
      if (!lost.includes(chat.activityId)) continue;
      const shown = chat.pane.filter((line) => line.kind === 'message');
      if (shown.length) return `chat ${chat.activityId} still shows ${shown.map((l) => `"${l.text}"`).join(', ')}`;
    }
    return HOLDS;
  },
});
