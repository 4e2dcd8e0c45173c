/** Steps read the screen of the person they name: with several customers or chats, an unnamed read fails. */
import { test } from 'node:test';
import { deepStrictEqual, throws } from 'node:assert/strict';
import { Deployment } from '../../../model/deployment';
import { chatPane, customerWindow } from '../../../steps/support/whom';

function twoCustomers(): Deployment {
  const deployment = new Deployment();
  deployment.apply({ type: 'agent-logs-in', agent: 'JDoe' });
  deployment.apply({ type: 'customer-starts-chat', question: 'Help me!' });
  deployment.apply({ type: 'customer-starts-chat', customer: 'other@awesome.com', question: 'Anyone there?' });
  return deployment;
}

test('"the customer" with two windows open fails and lists both', () => {
  throws(() => customerWindow(twoCustomers().view(), undefined), {
    message:
      '"the customer" is ambiguous: 2 customer windows are open (customer@awesome.com, other@awesome.com); name one',
  });
});

test("a named customer reads that customer's window, not the first one", () => {
  const view = twoCustomers().view();
  deepStrictEqual(customerWindow(view, 'other@awesome.com').lines, [
    'Customer : Anyone there?',
    '[An agent will be with you shortly.]',
  ]);
  throws(() => customerWindow(view, 'nobody@awesome.com'), {
    message: 'nobody@awesome.com has no chat window open (open windows: customer@awesome.com, other@awesome.com)',
  });
});

test("the agent's chat pane names the customer when asked for one who has none", () => {
  const view = twoCustomers().view();
  deepStrictEqual(chatPane(view, undefined).at(0), 'Customer : Help me!');
  throws(() => chatPane(view, 'other@awesome.com'), {
    message: "The agent's chat list holds no chat with other@awesome.com (it holds key 1: customer@awesome.com)",
  });
});
