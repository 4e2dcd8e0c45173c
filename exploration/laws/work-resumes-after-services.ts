/** SVC-R2: after the Services server is back, the agent who logs in again can handle new and existing activities. */
import { consoleReachesApplication } from '../../model/servers';
import { loggedInNow } from './history';
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

export const workResumesAfterServices = law({
  id: 'work-resumes-after-services',
  claims: ['SVC-R2'],
  name: 'After a Services server outage, the agent who logs in again with every server up can handle activities',
  premise:
    'the Services server failed since the agent last logged in, and the agent logs in again with every server up',
  conclusion: 'the agent console can handle activities again (registered for routing, reaching the Application server)',
  when: WHEN.login,
  check: (step) => {
    const agent = loggedInNow(step);
    if (agent === null || !step.previous.servicesFailedSinceLogin.includes(agent) || step.after.down.size > 0) {
      return NOT_APPLICABLE;
    }
    const { servers } = step.state;
    const console = step.state.consoles.find((c) => c.user === agent)!;
    return console.registeredForRouting && consoleReachesApplication(servers)
      ? HOLDS
      : 'the console still cannot handle activities';
  },
});
