/** An information tab still loading after `informationTabTimeout` times out, and the agent desktop says so. */
import type { InformationTab } from '../agent-console';
import { popup } from '../effects';
import type { Rule } from './rule';

export const tabTimeouts: Rule = {
  name: 'information tabs time out',
  consoleDeadlines(rt, console, found) {
    const { tabs } = console;
    for (const tab in tabs) {
      const state = tabs[tab as InformationTab]!;
      if (state.state !== 'loading') continue;
      found.push({
        at: state.since + rt.parameters.informationTabTimeout,
        fire: () => {
          console.tabs[tab as InformationTab] = { state: 'timed out', at: rt.state.clock };
          console.desktopTimedOut = true;
          popup(rt, console, 'desktopTimedOut');
        },
      });
    }
  },
};
