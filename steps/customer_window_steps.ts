/** What the customer does in the chat window, and what the window shows. */
import { Then, When, type DataTable } from '@cucumber/cucumber';
import { CUSTOMER_NOTICES } from '../model/customer-window';
import type { DeploymentWorld } from './support/world';
import { expectEndsWith, expectLines, expectNotShown, lines } from './support/text';
import { customerWindow } from './support/whom';

When(
  '{customer} starts a (new )chat asking {string}',
  function (this: DeploymentWorld, customer: string | undefined, question: string) {
    this.perform({ type: 'customer-starts-chat', ...(customer && { customer }), question });
  },
);

When(
  '{customer} starts chat activity {int} asking {string}',
  function (this: DeploymentWorld, customer: string | undefined, activityId: number, question: string) {
    this.perform({ type: 'customer-starts-chat', ...(customer && { customer }), question, activityId });
  },
);

When('{customer} sends {string}', function (this: DeploymentWorld, customer: string | undefined, text: string) {
  this.perform({ type: 'customer-sends', ...(customer && { customer }), text });
});

When('{customer} closes the chat window', function (this: DeploymentWorld, customer: string | undefined) {
  this.perform({ type: 'customer-closes-window', ...(customer && { customer }) });
});

When('{customer} tries to send {string}', function (this: DeploymentWorld, customer: string | undefined, text: string) {
  this.attempt({ type: 'customer-sends', ...(customer && { customer }), text });
});

/** What a customer's window shows; "the customer" reads the one window open, an address names one of several. */
const windowOf = (world: DeploymentWorld, customer: string | undefined) => customerWindow(world.view(), customer);
const whose = (customer: string | undefined) =>
  customer === undefined ? "The customer's window" : `${customer}'s window`;
const showing = (shown: readonly string[]) => `it shows:\n  ${shown.join('\n  ')}`;

/** The browser window around the transcript: title, address and banner, each named by a row. */
Then(
  "{customer}'s window is the Customer Entry window:",
  function (this: DeploymentWorld, customer: string | undefined, table: DataTable) {
    const { title, url, banner } = windowOf(this, customer).window;
    const shown: Record<string, string> = { Title: title, Address: url, Banner: banner };
    for (const [row, expected] of Object.entries(table.rowsHash())) {
      if (!(row in shown)) throw new Error(`No row "${row}" in a window: use Title, Address or Banner`);
      if (shown[row] !== expected) throw new Error(`${whose(customer)}'s ${row} is "${shown[row]}", not "${expected}"`);
    }
  },
);

Then("{customer}'s window reads:", function (this: DeploymentWorld, customer: string | undefined, expected: string) {
  expectLines(whose(customer), windowOf(this, customer).lines, lines(expected));
});

Then(
  "{customer}'s window ends with:",
  function (this: DeploymentWorld, customer: string | undefined, expected: string) {
    expectEndsWith(whose(customer), windowOf(this, customer).lines, lines(expected));
  },
);

Then(
  "{customer}'s window shows {string}",
  function (this: DeploymentWorld, customer: string | undefined, line: string) {
    const shown = windowOf(this, customer).lines;
    if (!shown.includes(line)) throw new Error(`${whose(customer)} does not show "${line}"; ${showing(shown)}`);
  },
);

Then(
  "{customer}'s window shows {string} {times}",
  function (this: DeploymentWorld, customer: string | undefined, line: string, times: number) {
    const shown = windowOf(this, customer).lines;
    const count = shown.filter((l) => l === line).length;
    if (count !== times)
      throw new Error(`${whose(customer)} shows "${line}" ${count} times, not ${times}; ${showing(shown)}`);
  },
);

Then(
  "{customer}'s window does not show {string}",
  function (this: DeploymentWorld, customer: string | undefined, line: string) {
    expectNotShown(whose(customer), windowOf(this, customer).lines, line);
  },
);

Then(
  '{customer} is told that {string} could not be delivered',
  function (this: DeploymentWorld, customer: string | undefined, text: string) {
    const shown = windowOf(this, customer).lines;
    const at = shown.findIndex((line, i) => line === CUSTOMER_NOTICES.couldNotBeDelivered && shown[i + 1] === text);
    if (at < 0) {
      throw new Error(
        `${whose(customer)} should show ${CUSTOMER_NOTICES.couldNotBeDelivered} followed by "${text}"; ${showing(shown)}`,
      );
    }
  },
);

Then(
  '{customer} is told the session was lost and asked to start a new chat',
  function (this: DeploymentWorld, customer: string | undefined) {
    const window = windowOf(this, customer);
    if (!window.notices.includes('sessionLost') || window.inSession) {
      throw new Error(
        `${whose(customer)} should end the session with ${CUSTOMER_NOTICES.sessionLost}; ${showing(window.lines)}`,
      );
    }
  },
);

Then('{customer} is told about connection issues', function (this: DeploymentWorld, customer: string | undefined) {
  const window = windowOf(this, customer);
  if (!window.notices.includes('connectionIssues'))
    throw new Error(`${whose(customer)} should show ${CUSTOMER_NOTICES.connectionIssues}; ${showing(window.lines)}`);
});

Then('{customer} is not told about connection issues', function (this: DeploymentWorld, customer: string | undefined) {
  expectNotShown(whose(customer), windowOf(this, customer).lines, CUSTOMER_NOTICES.connectionIssues);
});

Then("{customer}'s chat session is still open", function (this: DeploymentWorld, customer: string | undefined) {
  const window = windowOf(this, customer);
  if (!window.inSession) throw new Error(`${whose(customer)}: the chat session has ended; ${showing(window.lines)}`);
});

Then("{customer}'s chat session has ended", function (this: DeploymentWorld, customer: string | undefined) {
  const window = windowOf(this, customer);
  if (window.inSession) throw new Error(`${whose(customer)}: the chat session is still open; ${showing(window.lines)}`);
});

When(
  '{customer} tries to start a (new )chat asking {string}',
  function (this: DeploymentWorld, customer: string | undefined, question: string) {
    this.attempt({ type: 'customer-starts-chat', ...(customer && { customer }), question });
  },
);
