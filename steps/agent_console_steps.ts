/** What the integrated agent does in the agent console, and what the console shows. */
import { Then, When, type DataTable } from '@cucumber/cucumber';
import { POPUPS, type InformationTab } from '../model/agent-console';
import { cannotHandleActivities } from '../model/actions/console';
import type { AgentConsole } from '../model/agent-console';
import { theConsole } from '../model/state';
import type { DeploymentWorld } from './support/world';
import { expectEndsWith, expectLines, expectNotShown, expectRows, lines } from './support/text';
import { chatPane } from './support/whom';

When('{agent} logs (back )in', function (this: DeploymentWorld, agent: string | undefined) {
  this.perform({ type: 'agent-logs-in', ...(agent && { agent }) });
});

/** An agent named by user name acts on that agent's console; "the agent" (or the first agent's name) on the first. */
const whose = (world: DeploymentWorld, agent: string | undefined) =>
  agent === undefined || agent === world.view().console.agent ? {} : { agent };

When('{agent} logs out', function (this: DeploymentWorld, agent: string | undefined) {
  this.perform({ type: 'agent-logs-out', ...whose(this, agent) });
});

When('{agent} sends {string}', function (this: DeploymentWorld, agent: string | undefined, text: string) {
  this.perform({ type: 'agent-sends', text, ...(agent && { agent }) });
});

When(
  '{agent} sends {string} to {address}',
  function (this: DeploymentWorld, agent: string | undefined, text: string, customer: string) {
    this.perform({ type: 'agent-sends', text, customer, ...(agent && { agent }) });
  },
);

When('{agent} tries to send {string}', function (this: DeploymentWorld, agent: string | undefined, text: string) {
  this.attempt({ type: 'agent-sends', text, ...(agent && { agent }) });
});

When('{agent} completes the chat', function (this: DeploymentWorld, agent: string | undefined) {
  this.perform({ type: 'agent-completes-chat', ...(agent && { agent }) });
});

When(
  '{agent} completes the chat with {address}',
  function (this: DeploymentWorld, agent: string | undefined, customer: string) {
    this.perform({ type: 'agent-completes-chat', customer, ...(agent && { agent }) });
  },
);

When('{agent} transfers the chat back to the queue', function (this: DeploymentWorld, agent: string | undefined) {
  this.perform({ type: 'agent-transfers-chat', ...(agent && { agent }) });
});

When(
  '{agent} transfers the chat with {address} back to the queue',
  function (this: DeploymentWorld, agent: string | undefined, customer: string) {
    this.perform({ type: 'agent-transfers-chat', customer, ...(agent && { agent }) });
  },
);

When('{agent} tries to complete the chat', function (this: DeploymentWorld, agent: string | undefined) {
  this.attempt({ type: 'agent-completes-chat', ...(agent && { agent }) });
});

When('{agent} opens the {tab} tab', function (this: DeploymentWorld, agent: string | undefined, tab: InformationTab) {
  this.perform({ type: 'agent-opens-tab', tab, ...(agent && { agent }) });
});

// "the agent's chat pane" reads the one chat in the list; "the agent's chat pane with x@y.com" names one of several.
const paneOf = (world: DeploymentWorld, customer?: string) => chatPane(world.view(), customer);
const paneName = (customer?: string) => `The agent's chat pane${customer ? ` with ${customer}` : ''}`;

Then("the agent's chat pane reads:", function (this: DeploymentWorld, expected: string) {
  expectLines(paneName(), paneOf(this), lines(expected));
});

Then("the agent's chat pane with {address} reads:", function (this: DeploymentWorld, who: string, expected: string) {
  expectLines(paneName(who), paneOf(this, who), lines(expected));
});

Then("the agent's chat pane ends with:", function (this: DeploymentWorld, expected: string) {
  expectEndsWith(paneName(), paneOf(this), lines(expected));
});

Then(
  "the agent's chat pane with {address} ends with:",
  function (this: DeploymentWorld, who: string, expected: string) {
    expectEndsWith(paneName(who), paneOf(this, who), lines(expected));
  },
);

Then("the agent's chat pane does not show {string}", function (this: DeploymentWorld, line: string) {
  expectNotShown(paneName(), paneOf(this), line);
});

Then(
  "the agent's chat pane with {address} does not show {string}",
  function (this: DeploymentWorld, who: string, line: string) {
    expectNotShown(paneName(who), paneOf(this, who), line);
  },
);

Then("the agent's chat pane is empty", function (this: DeploymentWorld) {
  expectLines(paneName(), paneOf(this), []);
});

const CHAT_LIST_COLUMNS: Record<string, string> = {
  Key: 'key',
  'Activity ID': 'activityId',
  'Customer name': 'customerName',
  'Activity duration': 'activityDuration',
  'Chat status': 'chatStatus',
  'Queue name': 'queueName',
  Icon: 'icon',
};

function expectChatList(world: DeploymentWorld, agent: string | undefined, table: DataTable): void {
  const header = table.raw()[0]!;
  const unknown = header.filter((column) => !(column in CHAT_LIST_COLUMNS));
  if (unknown.length) {
    throw new Error(
      `The chat list has no column ${unknown.join(', ')} (it has ${Object.keys(CHAT_LIST_COLUMNS).join(', ')})`,
    );
  }
  const rows = world
    .console(agent)
    .chatList.map((row) =>
      Object.fromEntries(
        Object.entries(CHAT_LIST_COLUMNS).map(([column, field]) => [column, row[field as keyof typeof row]]),
      ),
    );
  expectRows(agent ? `${agent}'s chat list` : 'The chat list', rows, table);
}

Then('the chat list shows:', function (this: DeploymentWorld, table: DataTable) {
  expectChatList(this, undefined, table);
});

Then("{agent}'s chat list shows:", function (this: DeploymentWorld, agent: string | undefined, table: DataTable) {
  expectChatList(this, agent, table);
});

Then('the chat list is empty', function (this: DeploymentWorld) {
  expectNoChats(this, undefined);
});

Then("{agent}'s chat list is empty", function (this: DeploymentWorld, agent: string | undefined) {
  expectNoChats(this, agent);
});

function expectNoChats(world: DeploymentWorld, agent: string | undefined): void {
  const { chatList } = world.console(agent);
  if (chatList.length)
    throw new Error(`The chat list shows ${chatList.map((row) => `activity ${row.activityId}`).join(', ')}`);
}

Then('{agent} sees the pop-up {string}', function (this: DeploymentWorld, agent: string | undefined, popup: string) {
  const { popups } = this.console(agent);
  if (!popups.includes(popup)) throw new Error(`The agent has seen the pop-ups [${popups.join('; ')}], not "${popup}"`);
});

/** Pop-ups that report an error, as against the login's "Session in Progress" and its "still active" message. */
const notErrors: readonly string[] = [POPUPS.sessionInProgress, POPUPS.chatStillActive, POPUPS.messagesNotDelivered];

Then('the agent sees a pop-up error', function (this: DeploymentWorld) {
  const { popups } = this.view().console;
  if (!popups.some((popup) => !notErrors.includes(popup)))
    throw new Error(`The agent has seen no pop-up error (pop-ups: [${popups.join('; ')}])`);
});

Then('the agent does not see the pop-up {string}', function (this: DeploymentWorld, popup: string) {
  const { popups } = this.view().console;
  if (popups.includes(popup))
    throw new Error(`The agent has seen the pop-up "${popup}" (pop-ups: [${popups.join('; ')}])`);
});

Then('{agent} sees no pop-up', function (this: DeploymentWorld, agent: string | undefined) {
  const { popups } = this.console(agent);
  if (popups.length) throw new Error(`The agent has seen the pop-ups [${popups.join('; ')}]`);
});

Then('the agent is told the chat is still active', function (this: DeploymentWorld) {
  const { popups, chatList } = this.view().console;
  if (!popups.includes(POPUPS.chatStillActive) || chatList.length === 0) {
    throw new Error(
      `The console should present the chat as active; pop-ups [${popups.join('; ')}], ${chatList.length} chats listed`,
    );
  }
});

Then("the browser's title bar flashes {string}", function (this: DeploymentWorld, text: string) {
  const { titleBar } = this.view().console;
  if (titleBar !== text)
    throw new Error(`The title bar shows ${titleBar === null ? 'no warning' : `"${titleBar}"`}, not "${text}"`);
});

Then("the browser's title bar does not flash", function (this: DeploymentWorld) {
  const { titleBar } = this.view().console;
  if (titleBar !== null) throw new Error(`The title bar flashes "${titleBar}"`);
});

/** Checked once the tab has stopped waiting: a tab still loading may yet load. */
Then('the {tab} tab does not load', function (this: DeploymentWorld, tab: InformationTab) {
  const state = this.view().console.tabs[tab];
  if (state !== 'timed out')
    throw new Error(`The ${tab} tab is ${state ?? 'not open'}: it has not loaded, but has not stopped waiting either`);
});

Then('the {tab} tab loads', function (this: DeploymentWorld, tab: InformationTab) {
  const state = this.view().console.tabs[tab];
  if (state !== 'loaded') throw new Error(`The ${tab} tab is ${state ?? 'not open'}`);
});

/** The desktop's own time-out, apart from the tab it waited for and from the pop-up's wording. */
Then('the agent desktop times out', function (this: DeploymentWorld) {
  if (!this.view().console.desktopTimedOut) throw new Error('The agent desktop has not timed out');
});

/** Whether the model would refuse the agent's other work (an email reply, the next activity), and why. */
const otherWorkRefused = (world: DeploymentWorld, agent: string | undefined) => {
  const state = world.deployment.inspect();
  const named = agent === undefined ? undefined : state.consoles.find((c) => c.agentUserName === agent);
  if (agent !== undefined && !named && theConsole(state).agentUserName !== agent)
    throw new Error(`${agent} has no agent console`);
  return cannotHandleActivities(state, (named ?? theConsole(state)) as AgentConsole);
};

Then('{agent} can handle other activities', function (this: DeploymentWorld, agent: string | undefined) {
  const refused = otherWorkRefused(this, agent);
  if (refused !== null) throw new Error(`The agent's other work would be refused: ${refused}`);
});

Then('{agent} cannot handle other activities', function (this: DeploymentWorld, agent: string | undefined) {
  if (otherWorkRefused(this, agent) === null) throw new Error('The model would let the agent take other activities');
});

When('the agent takes the next activity', function (this: DeploymentWorld) {
  this.perform({ type: 'agent-takes-next-activity' });
});

When('the agent tries to take the next activity', function (this: DeploymentWorld) {
  this.attempt({ type: 'agent-takes-next-activity' });
});

When('{agent} tries to log (back )in', function (this: DeploymentWorld, agent: string | undefined) {
  this.attempt({ type: 'agent-logs-in', ...(agent && { agent }) });
});

When('the agent tries to log out', function (this: DeploymentWorld) {
  this.attempt({ type: 'agent-logs-out' });
});

When('the agent tries to open the {tab} tab', function (this: DeploymentWorld, tab: InformationTab) {
  this.attempt({ type: 'agent-opens-tab', tab });
});

Then('{agent} has to log in again', function (this: DeploymentWorld, agent: string | undefined) {
  const { login } = this.console(agent);
  if (login !== 'session lost') throw new Error(`${agent ?? 'The agent'}'s console is ${login}, not a lost session`);
});

Then('{agent} is still logged in', function (this: DeploymentWorld, agent: string | undefined) {
  const { login } = this.console(agent);
  if (login !== 'logged in') throw new Error(`${agent ?? 'The agent'}'s console is ${login}`);
});
