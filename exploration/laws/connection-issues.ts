/** APP-F3, ALL-F5: an Application server down for more than a few minutes: the customer hears of connection issues. */
import { formatDuration } from '../../model/clock';
import { HOLDS, NOT_APPLICABLE, law } from './law';

export const connectionIssues = law({
  id: 'connection-issues',
  claims: ['APP-F3', 'ALL-F5'],
  name: 'A customer whose chat was live when the Application server failed hears of connection issues once it has been down a few minutes',
  premise:
    "the Application server has been down for at least the model's customerConnectionIssuesAfter (a few minutes) and a customer's window still shows a chat that was live when it failed",
  conclusion: 'the window tells the customer of connection issues',
  check: (step) => {
    const { state, history, parameters } = step;
    const since = history.applicationDownSince;
    if (since === null || state.clock - since < parameters.customerConnectionIssuesAfter) return NOT_APPLICABLE;
    const windows = state.windows.filter(
      (w) => w.state === 'in session' && history.liveAtApplicationFailure.includes(w.activityId),
    );
    if (windows.length === 0) return NOT_APPLICABLE;
    const silent = windows.filter((w) => !w.lines.some((l) => l.kind === 'notice' && l.notice === 'connectionIssues'));
    return silent.length === 0
      ? HOLDS
      : `after ${formatDuration(state.clock - since)} of outage, ${silent.map((w) => w.address).join(', ')} has not been told`;
  },
});
