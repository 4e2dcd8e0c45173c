/** Emails arriving, and the agent's replies to them. */
import { Then, When, type DataTable } from '@cucumber/cucumber';
import type { EmailReply } from '../model/views';
import type { Action } from '../model/actions';
import type { DeploymentWorld } from './support/world';

When(
  'an email {string} sent {string} arrives from {address} to {address}',
  function (this: DeploymentWorld, subject: string, sent: string, from: string, to: string) {
    this.perform({ type: 'email-arrives', subject, sent, from, to });
  },
);

When(
  'an email {string} sent {string} arrives from {address} to {address} as case {int}',
  function (this: DeploymentWorld, subject: string, sent: string, from: string, to: string, caseId: number) {
    this.perform({ type: 'email-arrives', subject, sent, from, to, caseId });
  },
);

function reply(world: DeploymentWorld, subject: string): EmailReply {
  const replies = world.view().console.emailReplies;
  const found = replies.find((r) => r.originalMessage.subject === subject);
  if (!found) {
    throw new Error(
      `The agent's inbox holds no email "${subject}" (it holds ${replies.map((r) => `"${r.originalMessage.subject}"`).join(', ') || 'none'})`,
    );
  }
  return found;
}

Then('the reply to {string} reads:', function (this: DeploymentWorld, subject: string, table: DataTable) {
  const found = reply(this, subject);
  const shown: Record<string, string> = {
    From: found.from,
    To: found.to,
    Subject: found.subject,
    'Original from': found.originalMessage.from,
    'Original date': found.originalMessage.date,
    'Original to': found.originalMessage.to,
    'Original subject': found.originalMessage.subject,
  };
  for (const [field, expected] of table.raw()) {
    if (!(field! in shown))
      throw new Error(`A reply has no field "${field}" (it has ${Object.keys(shown).join(', ')})`);
    if (shown[field!] !== expected) throw new Error(`The reply's ${field} is "${shown[field!]}", not "${expected}"`);
  }
});

for (const buttons of ['greyed out', 'enabled'] as const) {
  Then(`the reply to {string} has its buttons ${buttons}`, function (this: DeploymentWorld, subject: string) {
    const found = reply(this, subject);
    if (found.buttons !== buttons) throw new Error(`The reply's buttons are ${found.buttons}, not ${buttons}`);
  });
}

Then("the agent's inbox holds {string}", function (this: DeploymentWorld, subject: string) {
  reply(this, subject);
});

Then("the agent's inbox does not hold {string}", function (this: DeploymentWorld, subject: string) {
  const replies = this.view().console.emailReplies;
  if (replies.some((r) => r.originalMessage.subject === subject))
    throw new Error(`The agent's inbox holds "${subject}"`);
});

When('the agent sends the reply to {string}', function (this: DeploymentWorld, subject: string) {
  this.perform({ type: 'agent-sends-email-reply', subject });
});

When('the agent tries to send the reply to {string}', function (this: DeploymentWorld, subject: string) {
  this.attempt({ type: 'agent-sends-email-reply', subject });
});

/** A reply's buttons by name, each with the action it performs: greyed out means the model refuses that action. */
const REPLY_BUTTONS: Record<string, (subject: string) => Action> = {
  Send: (subject) => ({ type: 'agent-sends-email-reply', subject }),
};

Then(
  'the reply to {string} has these buttons greyed out:',
  function (this: DeploymentWorld, subject: string, table: DataTable) {
    const found = reply(this, subject);
    for (const [name] of table.raw()) {
      const action = REPLY_BUTTONS[name!];
      if (!action) throw new Error(`A reply has no button "${name}" (it has ${Object.keys(REPLY_BUTTONS).join(', ')})`);
      const refused = this.deployment.rejection(action(subject));
      if (found.buttons !== 'greyed out' || refused === null)
        throw new Error(
          `The reply's ${name} button is ${found.buttons}, and pressing it would ${refused === null ? 'work' : `be refused: ${refused}`}`,
        );
    }
  },
);

Then('the reply to {string} has been sent', function (this: DeploymentWorld, subject: string) {
  const { console, database } = this.view();
  if (console.emailReplies.some((r) => r.originalMessage.subject === subject))
    throw new Error(`The reply to "${subject}" is still in the agent's inbox`);
  const email = this.deployment.inspect().emails;
  const id = Object.keys(email)
    .map(Number)
    .find((activityId) => email[activityId]!.subject === subject);
  const row = database.activities.find((a) => a.activity_id === id);
  if (!row || row.activity_status !== 9000 || row.activity_sub_status !== 9100)
    throw new Error(
      `The email "${subject}" is at ${row ? `${row.activity_status}/${row.activity_sub_status}` : 'no activity'}, not completed (9000/9100)`,
    );
});
