/**
 * APP-F3, ALL-F5: an Application server that takes more than a few minutes to return: the customer hears of
 * connection issues. Every window of a chat that was live when its server failed is in the premise, whether or
 * not the customer wrote meanwhile; the only windows left out are those the customer closed (nothing can be
 * shown there) and those another Application server answered at once (several-application-servers), for which
 * no server was slow to return.
 */
import { formatDuration } from '../../model/clock';
import type { DeploymentState } from '../../model/state';
import { NOT_APPLICABLE, WHEN, law, untoldWindows } from './law';

type Window = DeploymentState['windows'][number];

export const connectionIssues = law({
  id: 'connection-issues',
  claims: ['APP-F3', 'ALL-F5'],
  name: 'A customer whose chat was live when the Application server failed hears of connection issues once it has been down a few minutes',
  premise:
    "the Application server holding a chat has been down for at least the model's customerConnectionIssuesAfter (a few minutes), no other Application server has answered since it failed, and the customer's window is still open",
  conclusion: 'the window tells the customer of connection issues',
  when: WHEN.chatsLiveAtApplicationFailure,
  check: (step) => {
    const { state, history, parameters } = step;
    const unanswered = history.unansweredSinceApplicationFailure;
    if (unanswered.length === 0) return NOT_APPLICABLE;
    const outage = (activityId: number): number | null => {
      const home = state.sessions.find((s) => s.activityId === activityId)?.home;
      const since = home === undefined ? undefined : history.applicationDownSince[home];
      return since === undefined || state.clock - since < parameters.customerConnectionIssuesAfter ? null : since;
    };
    const premise = (w: Window): boolean =>
      w.state !== 'closed' && unanswered.includes(w.activityId) && outage(w.activityId) !== null;
    const told = (w: Window): boolean => w.lines.some((l) => l.kind === 'notice' && l.notice === 'connectionIssues');
    const untold = untoldWindows(state.windows, premise, told);
    if (typeof untold === 'number') return untold;
    return untold
      .map(
        (w) => `after ${formatDuration(state.clock - outage(w.activityId)!)} of outage, ${w.address} has not been told`,
      )
      .join('; ');
  },
});
