/** SVC-F4: while the Services server is down the agent cannot handle activities, and receives no new ones. */
import { HOLDS, NOT_APPLICABLE, WHEN, law } from './law';

export const noWorkWithoutServices = law({
  id: 'no-work-without-services',
  claims: ['SVC-F4'],
  name: 'While the Services server is down the agent cannot handle activities and receives no new ones',
  premise: 'the Services server is down',
  conclusion: 'the agent console cannot handle activities, and no activity is assigned to the agent',
  when: WHEN.servicesDown,
  check: (step) => {
    if (!step.after.down.has('Services')) return NOT_APPLICABLE; // the one Services server (docs/sources.md)
    const registered = step.state.consoles.some((c) => c.registeredForRouting)
      ? step.state.consoles.filter((c) => c.registeredForRouting)
      : [];
    if (registered.length) return `${registered.map((c) => c.user).join(', ')}'s console is registered for routing`;
    if (step.before.down.has('Services') && step.after.assigned > step.before.assigned) {
      return `${step.after.assigned - step.before.assigned} activity was assigned to the agent`;
    }
    return HOLDS;
  },
});
