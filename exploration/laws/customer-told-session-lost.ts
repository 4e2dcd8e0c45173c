/** APP-F1, MA-R3, ALL-R3: the customer is told the session was lost, and to start a new one. */
import { customerReachesApplication } from '../../model/servers';
import type { DeploymentState } from '../../model/state';
import { NOT_APPLICABLE, WHEN, law, untoldWindows } from './law';

type Window = DeploymentState['windows'][number];

export const customerToldSessionLost = law({
  id: 'customer-told-session-lost',
  claims: ['APP-F1', 'MA-R3', 'ALL-R3'],
  name: 'A customer whose chat was live when the Application server failed is told the session was lost once the window reaches it again',
  premise:
    "a customer's window still shows a chat that was live when the Application server failed, and the Web and Application servers are up",
  conclusion:
    'the window says the session was lost, messages sent after the problem began were not delivered, and to start a new chat',
  when: WHEN.chatsLiveAtApplicationFailure,
  check: (step) => {
    const { state, history } = step;
    if (history.liveAtApplicationFailure.length === 0 || !customerReachesApplication(state.servers)) {
      return NOT_APPLICABLE;
    }
    // A window the customer closed shows nothing any more (customer-closes-window): the premise is a window still open.
    const premise = (w: Window): boolean =>
      w.state !== 'closed' && history.liveAtApplicationFailure.includes(w.activityId);
    const told = (w: Window): boolean => w.lines.some((l) => l.kind === 'notice' && l.notice === 'sessionLost');
    const untold = untoldWindows(state.windows, premise, told);
    if (typeof untold === 'number') return untold;
    return `${untold.map((w) => `${w.address} (chat ${w.activityId})`).join(', ')} shows no session-lost notice`;
  },
});
