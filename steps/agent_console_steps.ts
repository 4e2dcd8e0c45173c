/** What the integrated agent does in the agent console, and what the console shows. */
import { Then, When, type DataTable } from '@cucumber/cucumber';
import { POPUPS, type InformationTab } from '../model/agent-console';
import type { DeploymentWorld } from './support/world';
import { expectEndsWith, expectLines, expectNotShown, expectRows, lines } from './support/text';

When('{agent} logs (back )in', function (this: DeploymentWorld, agent: string | undefined) {
  this.perform({ type: 'agent-logs-in', ...(agent && { agent }) });
});

When('{agent} logs out', function (this: DeploymentWorld, agent: string | undefined) {
  const current = this.view().console.agent;
  if (agent !== undefined && agent !== current)
    throw new Error(`${agent} is not the agent at this console (${current ?? 'nobody'} is)`);
  this.perform({ type: 'agent-logs-out' });
});

When('the agent sends {string}', function (this: DeploymentWorld, text: string) {
  this.perform({ type: 'agent-sends', text });
});

When('the agent sends {string} to {address}', function (this: DeploymentWorld, text: string, customer: string) {
  this.perform({ type: 'agent-sends', text, customer });
});

When('the agent tries to send {string}', function (this: DeploymentWorld, text: string) {
  this.attempt({ type: 'agent-sends', text });
});

When('the agent completes the chat', function (this: DeploymentWorld) {
  this.perform({ type: 'agent-completes-chat' });
});

When('the agent completes the chat with {address}', function (this: DeploymentWorld, customer: string) {
  this.perform({ type: 'agent-completes-chat', customer });
});

When('the agent tries to complete the chat', function (this: DeploymentWorld) {
  this.attempt({ type: 'agent-completes-chat' });
});

When('the agent opens the {tab} tab', function (this: DeploymentWorld, tab: InformationTab) {
  this.perform({ type: 'agent-opens-tab', tab });
});

function pane(world: DeploymentWorld): readonly string[] {
  const { chatList, chatPanes } = world.view().console;
  const first = chatList[0];
  if (!first) throw new Error("The agent console's chat list is empty, so there is no chat pane to read");
  return chatPanes[first.activityId]!;
}

Then("the agent's chat pane reads:", function (this: DeploymentWorld, expected: string) {
  expectLines("The agent's chat pane", pane(this), lines(expected));
});

Then("the agent's chat pane ends with:", function (this: DeploymentWorld, expected: string) {
  expectEndsWith("The agent's chat pane", pane(this), lines(expected));
});

Then("the agent's chat pane does not show {string}", function (this: DeploymentWorld, line: string) {
  expectNotShown("The agent's chat pane", pane(this), line);
});

Then("the agent's chat pane is empty", function (this: DeploymentWorld) {
  expectLines("The agent's chat pane", pane(this), []);
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

Then('the chat list shows:', function (this: DeploymentWorld, table: DataTable) {
  const header = table.raw()[0]!;
  const unknown = header.filter((column) => !(column in CHAT_LIST_COLUMNS));
  if (unknown.length) {
    throw new Error(
      `The chat list has no column ${unknown.join(', ')} (it has ${Object.keys(CHAT_LIST_COLUMNS).join(', ')})`,
    );
  }
  const rows = this.view().console.chatList.map((row) =>
    Object.fromEntries(
      Object.entries(CHAT_LIST_COLUMNS).map(([column, field]) => [column, row[field as keyof typeof row]]),
    ),
  );
  expectRows('The chat list', rows, table);
});

Then('the chat list is empty', function (this: DeploymentWorld) {
  const { chatList } = this.view().console;
  if (chatList.length)
    throw new Error(`The chat list shows ${chatList.map((row) => `activity ${row.activityId}`).join(', ')}`);
});

Then('the agent sees the pop-up {string}', function (this: DeploymentWorld, popup: string) {
  const { popups } = this.view().console;
  if (!popups.includes(popup)) throw new Error(`The agent has seen the pop-ups [${popups.join('; ')}], not "${popup}"`);
});

Then('the agent sees no pop-up', function (this: DeploymentWorld) {
  const { popups } = this.view().console;
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

Then('the {tab} tab does not load', function (this: DeploymentWorld, tab: InformationTab) {
  const state = this.view().console.tabs[tab];
  if (state === 'loaded' || state === undefined) throw new Error(`The ${tab} tab is ${state ?? 'not open'}`);
});

Then('the {tab} tab loads', function (this: DeploymentWorld, tab: InformationTab) {
  const state = this.view().console.tabs[tab];
  if (state !== 'loaded') throw new Error(`The ${tab} tab is ${state ?? 'not open'}`);
});

Then('the agent desktop times out', function (this: DeploymentWorld) {
  const { popups } = this.view().console;
  if (!popups.includes(POPUPS.desktopTimedOut))
    throw new Error(`The agent has seen the pop-ups [${popups.join('; ')}], and no time-out`);
});

Then('the agent can handle other activities', function (this: DeploymentWorld) {
  if (!this.view().console.canHandleActivities)
    throw new Error('The agent console cannot handle activities: its buttons are greyed out');
});

Then('the agent cannot handle other activities', function (this: DeploymentWorld) {
  if (this.view().console.canHandleActivities) throw new Error('The agent console can still handle activities');
});
