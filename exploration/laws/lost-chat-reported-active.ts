/** APP-R3, MA-R5, ALL-R5 (a known defect): the agent is told that a session lost with the Application server is active. */
import { ActivityType, STATUS, hasStatus } from '../../model/database';
import type { LawStep } from './history';
import { cutOffAgentLoggingIn } from './history';
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

/** Chats lost with the Application server whose row still says "in progress" for the agent now logging in. */
export function lostChatsStillInProgress(step: LawStep): number[] {
  const console = cutOffAgentLoggingIn(step);
  if (!console) return [];
  const { db } = step.state;
  const user = db.users.find((u) => u.user_name === console.agentUserName);
  return step.history.liveAtApplicationFailure.filter((id) => {
    const row = db.activities.find((r) => r.activity_id === id);
    return (
      row !== undefined &&
      row.activity_type === ActivityType.Chat &&
      row.assigned_to === user?.user_id &&
      hasStatus(row, STATUS.chatInProgress)
    );
  });
}

export const lostChatReportedActive = law({
  id: 'lost-chat-reported-active',
  claims: ['APP-R3', 'MA-R5', 'ALL-R5'],
  name: 'A chat lost with the Application server is presented to the agent as still active (known defect)',
  premise:
    'the agent logs in again after an Application server outage and a chat lost in it is still at 5000/5900 in the database',
  conclusion: 'that chat is back in the agent\'s chat list and the console says "The chat session is still active."',
  when: WHEN.login | WHEN.chatsLiveAtApplicationFailure,
  check: (step) => {
    const lost = lostChatsStillInProgress(step);
    if (lost.length === 0) return NOT_APPLICABLE;
    const console = cutOffAgentLoggingIn(step)!;
    const missing = lost.filter((id) => !console.chats.some((c) => c.activityId === id));
    if (missing.length) return `chat ${missing.join(', ')} is not in the chat list`;
    return console.popups.some((p) => p.popup === 'chatStillActive')
      ? HOLDS
      : 'no pop-up says the chat is still active';
  },
});
