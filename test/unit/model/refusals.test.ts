/** A refused action says who cannot do what, and why, as a sentence. */
import { test } from 'node:test';
import { throws } from 'node:assert/strict';
import { Deployment } from '../../../model/deployment';

test('refusals are sentences: subject, "cannot", verb, then the reason', () => {
  const deployment = new Deployment();
  deployment.apply({ type: 'fail', server: 'Application' });
  throws(() => deployment.apply({ type: 'fail', server: 'Application' }), {
    name: 'ActionRejected',
    message: 'The Application server cannot fail: the Application server is already down',
  });
  throws(() => deployment.apply({ type: 'agent-sends-email-reply', subject: 'test2' }), {
    message: 'The agent cannot send the reply to "test2": the agent is logged out of the agent console',
  });
});
