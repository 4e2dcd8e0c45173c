/** APP-R1, MA-R2, ALL-R2: after an Application server outage a chat was live through, "Session in Progress". */
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';
import { cutOffAgentLoggingIn } from './history';

export const sessionInProgress = law({
  id: 'session-in-progress',
  claims: ['APP-R1', 'MA-R2', 'ALL-R2'],
  name: 'After an Application server outage that a chat was live through, the agent who logs back in sees Session in Progress',
  premise:
    'the agent was in a live chat when the Application server failed and now logs in again for the first time since',
  conclusion: 'the agent console shows the "Session in Progress" pop-up',
  when: WHEN.login,
  check: (step) => {
    const console = cutOffAgentLoggingIn(step);
    if (!console) return NOT_APPLICABLE;
    return console.popups.some((p) => p.popup === 'sessionInProgress')
      ? HOLDS
      : `the console shows ${console.popups.map((p) => p.popup).join(', ') || 'no pop-up'}`;
  },
});
