/** What the customer does in the chat window, and what the window shows. */
import { Then, When } from '@cucumber/cucumber';
import { CUSTOMER_NOTICES } from '../model/customer-window';
import type { DeploymentWorld } from './support/world';
import { expectEndsWith, expectLines, expectNotShown, lines } from './support/text';

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

When('{customer} tries to send {string}', function (this: DeploymentWorld, customer: string | undefined, text: string) {
  this.attempt({ type: 'customer-sends', ...(customer && { customer }), text });
});

Then("the customer's window reads:", function (this: DeploymentWorld, expected: string) {
  expectLines("The customer's window", this.customer().lines, lines(expected));
});

Then("the customer's window ends with:", function (this: DeploymentWorld, expected: string) {
  expectEndsWith("The customer's window", this.customer().lines, lines(expected));
});

Then("the customer's window shows {string}", function (this: DeploymentWorld, line: string) {
  const shown = this.customer().lines;
  if (!shown.includes(line))
    throw new Error(`The customer's window does not show "${line}"; it shows:\n  ${shown.join('\n  ')}`);
});

Then("the customer's window does not show {string}", function (this: DeploymentWorld, line: string) {
  expectNotShown("The customer's window", this.customer().lines, line);
});

Then('the customer is told that {string} could not be delivered', function (this: DeploymentWorld, text: string) {
  const shown = this.customer().lines;
  const at = shown.findIndex((line, i) => line === CUSTOMER_NOTICES.couldNotBeDelivered && shown[i + 1] === text);
  if (at < 0) {
    throw new Error(
      `The customer's window should show ${CUSTOMER_NOTICES.couldNotBeDelivered} followed by "${text}"; it shows:\n  ${shown.join('\n  ')}`,
    );
  }
});

Then('the customer is told the session was lost and asked to start a new chat', function (this: DeploymentWorld) {
  const customer = this.customer();
  if (!customer.notices.includes('sessionLost') || customer.inSession) {
    throw new Error(
      `The customer's window should end the session with ${CUSTOMER_NOTICES.sessionLost}; it shows:\n  ${customer.lines.join('\n  ')}`,
    );
  }
});

Then('the customer is told about connection issues', function (this: DeploymentWorld) {
  const customer = this.customer();
  if (!customer.notices.includes('connectionIssues')) {
    throw new Error(
      `The customer's window should show ${CUSTOMER_NOTICES.connectionIssues}; it shows:\n  ${customer.lines.join('\n  ')}`,
    );
  }
});

Then('the customer is not told about connection issues', function (this: DeploymentWorld) {
  expectNotShown("The customer's window", this.customer().lines, CUSTOMER_NOTICES.connectionIssues);
});

Then("the customer's chat session is still open", function (this: DeploymentWorld) {
  if (!this.customer().inSession)
    throw new Error(`The customer's chat session has ended:\n  ${this.customer().lines.join('\n  ')}`);
});

Then("the customer's chat session has ended", function (this: DeploymentWorld) {
  if (this.customer().inSession)
    throw new Error(`The customer's chat session is still open:\n  ${this.customer().lines.join('\n  ')}`);
});
