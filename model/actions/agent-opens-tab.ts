/** An agent opens an information tab (Case, Customer, ...), whose data comes from the database. */
import { INFORMATION_TABS, type InformationTab } from '../agent-console';
import { touchConsole } from '../changes';
import { consoleApplication, popup, showAgent, travel } from '../effects';
import { consoleCanSave, consoleReachesApplication } from '../servers';
import { consoleFor, loggedOut } from './console';
import { agentWord, agentsOf, define, optional, text } from './definition';

export interface AgentOpensTab {
  readonly type: 'agent-opens-tab';
  readonly tab: InformationTab;
  readonly agent?: string;
}

export const agentOpensTab = define<AgentOpensTab>({
  type: 'agent-opens-tab',
  actor: 'Agent',
  fields: {
    tab: {
      kind: 'choice',
      accepts: (value) => (INFORMATION_TABS as readonly string[]).includes(value),
      expected: `one of ${INFORMATION_TABS.join(', ')}`,
    },
    agent: optional(text),
  },
  words: (action) => `${agentWord(action.agent)} opens the ${action.tab} tab`,
  cannot: (action) => `${agentWord(action.agent)} cannot open the ${action.tab} tab`,
  refusal: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    const refused = loggedOut(console, action.agent);
    if (refused) return refused;
    return console.tabs[action.tab]?.state === 'loading' ? `the ${action.tab} tab is still loading` : null;
  },
  perform: (rt, { tab, agent }) => {
    const { servers, clock } = rt.state;
    const console = consoleFor(rt, agent);
    if (console.login === 'session lost' && consoleReachesApplication(servers)) {
      popup(rt, console, 'sessionNoLongerValid');
      return;
    }
    const loaded =
      console.login === 'logged in' &&
      travel(rt, ['AgentConsole', 'Web', consoleApplication(rt, console), 'Database'], `load ${tab} tab`) &&
      consoleCanSave(servers);
    console.tabs[tab] = loaded ? { state: 'loaded', at: clock } : { state: 'loading', since: clock };
    touchConsole(rt, console);
    showAgent(rt, `${tab} tab ${loaded ? 'loaded' : 'loading'}`);
  },
  example: { action: { type: 'agent-opens-tab', tab: 'Case' } },
  tries: {
    reads: [],
    weight: 1,
    budget: { count: 'tabs', otherwise: 0 },
    candidates: (_state, cast) =>
      agentsOf(cast).flatMap((agent) => cast.tabs.map((tab) => ({ type: 'agent-opens-tab' as const, tab, ...agent }))),
  },
  controls: (_state, fields) => [
    {
      id: 'agent-opens-tab',
      group: 'agent',
      label: `Open the ${fields.tab} tab`,
      made: { type: 'agent-opens-tab', tab: fields.tab },
    },
  ],
});
