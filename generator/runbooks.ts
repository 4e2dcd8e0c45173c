/**
 * The runbooks: one per failure and combination of the source, and one per ordering the site covers, each saying
 * what customers see and what to tell them, what agents see and should do, what an administrator checks, what
 * happens on restoration and what is known to be wrong. Every statement names what it rests on in the evidence
 * register (features/claims.json): a claim of the source (advice the source gives, "Complete chat.", "Agent must
 * log out.", "Log agent back in.", is the source's) or an assumption of the model (advice the model infers), never
 * a scenario's steps. The impact by chat phase and the database rows come from running the model
 * (generator/chat-phases.ts); the known defects are the register's claims the source marks incorrect.
 */
import type { Outage } from './chat-phases';

/** What a statement rests on: a claim of the source by id, or an assumption of the model by id. */
export type Mark = { readonly claim: string } | { readonly assumption: string };

export interface Statement {
  readonly text: string;
  readonly marks: readonly Mark[];
}

export interface Runbook {
  /** The page's route under /runbooks/ and its file name. */
  readonly slug: string;
  /** Which servers failed, as a reader names the situation: "The Messaging server". */
  readonly failure: string;
  /** The sidebar's short name, if not the failure's. */
  readonly label?: string;
  /** The source's sections this runbook covers (its claims' `section`), for the known defects; none for orderings. */
  readonly sections: readonly string[];
  /** For an ordering or failure the source does not show (no `sections`): the register's assumption it rests on. */
  readonly unshown?: string;
  readonly outage: Outage;
  readonly customersSee: readonly Statement[];
  readonly tellCustomers: readonly Statement[];
  readonly agentsSee: readonly Statement[];
  readonly agentsDo: readonly Statement[];
  readonly administrator: readonly Statement[];
  readonly restoration: readonly Statement[];
}

const claim = (...ids: string[]): Mark[] => ids.map((id) => ({ claim: id }));
const assumed = (...ids: string[]): Mark[] => ids.map((id) => ({ assumption: id }));
const say = (text: string, ...marks: Mark[][]): Statement => ({ text, marks: marks.flat() });

const LOG_BACK_IN = 'Log back in once the servers are back. Expect a “Session in Progress” pop-up.';
const COMPLETE_LOST_CHAT =
  'Complete the lost chat in the chat list: until it is completed it keeps the agent from any new chat or email.';
const ROW_SURVIVES =
  'The open-chats query keeps showing the chat at 5000/5900 (in progress), while the servers are down and after they are back, until the agent completes it.';

export const RUNBOOKS: readonly Runbook[] = [
  {
    slug: 'application-server',
    failure: 'The Application server',
    sections: ['Application Server Failure', 'Application Server Restored'],
    outage: { fail: ['Application'], restore: ['Application'], minutesDown: 10 },
    customersSee: [
      say(
        'A message the customer sends while the server is down is lost with the session, with no notice of its own: the window keeps waiting.',
        assumed('lost-message-told-on-return', 'window-waits-for-return'),
      ),
      say('If the server comes back quickly, the customer is simply asked to start another chat.', claim('APP-F2')),
      say(
        'If it stays down more than a few minutes (3 in the model), the customer is told of connection issues.',
        claim('APP-F3'),
        assumed('a-few-minutes'),
      ),
      say(
        'The customer is told that messages sent after the failure were lost, and to start a new chat.',
        claim('APP-F1'),
      ),
    ],
    tellCustomers: [
      say(
        'The chat cannot be recovered: start a new chat once the service is back. Messages sent after the failure were not delivered.',
        claim('APP-F1', 'APP-R2'),
      ),
    ],
    agentsSee: [
      say(
        'Pop-up errors, depending on the part of the console they try to use.',
        claim('APP-F4'),
        assumed('popup-wording'),
      ),
      say(
        'Information tabs that do not load, a desktop that times out, the title bar flashing, and the chat turning to “Customer not connected” with a red square.',
        assumed('application-alone-console'),
      ),
    ],
    agentsDo: [
      say(LOG_BACK_IN, claim('APP-R1')),
      say(COMPLETE_LOST_CHAT, assumed('lost-chat-blocks-agent')),
      say(
        'Do not believe the chat list: the lost chat is listed as active, with a green circle, although its customer is gone.',
        claim('APP-R3'),
        assumed('lost-chat-looks-connected'),
      ),
    ],
    administrator: [say(ROW_SURVIVES, assumed('database-row-survives'))],
    restoration: [
      say('When the agent logs back in, a “Session in Progress” pop-up.', claim('APP-R1')),
      say('The chat history is lost.', claim('APP-R2')),
      say('The agent is incorrectly told that the session is still active.', claim('APP-R3')),
    ],
  },
  {
    slug: 'services-server',
    failure: 'The Services server',
    sections: ['Services Server Failure', 'Services Server Restored'],
    outage: { fail: ['Services'], restore: ['Services'], minutesDown: 5 },
    customersSee: [say('Nothing changes: agent and customer can still chat.', claim('SVC-F1'))],
    tellCustomers: [
      say(
        'Nothing, for a chat in progress. New chats and emails do not reach an agent until the server is back.',
        claim('SVC-F1', 'SVC-F4'),
      ),
    ],
    agentsSee: [
      say('The chat carries on.', claim('SVC-F1')),
      say('The agent cannot handle other activities or receive new ones.', claim('SVC-F4')),
      say('The buttons of an email response are greyed out.', claim('SVC-F5')),
    ],
    agentsDo: [
      say('Complete chat.', claim('SVC-F3')),
      say(
        'Do not retry the email reply: Send is greyed out exactly when it would be refused, and stays so until the agent has logged out and back in.',
        claim('SVC-F5'),
        assumed('email-reply-buttons'),
      ),
      say('Log out.', claim('SVC-F6')),
      say('Log back in once the Services server is back.', claim('SVC-R1')),
      say(
        'An agent who stays logged in through the restoration stays blocked until logging out and back in.',
        assumed('services-login-renewal'),
      ),
    ],
    administrator: [
      say('While the server is down, the open-chats query shows the chat in progress (5000/5900).', claim('SVC-F2')),
      say('Once the agent completes it, the activity query shows it completed (9000/9100).', claim('SVC-F3')),
      say('A completed chat no longer appears in the open-chats query.', assumed('open-chats-excludes-completed')),
    ],
    restoration: [
      say('After logging back in, the previous chat completion stood.', claim('SVC-R1')),
      say('The agent continues with new and existing activities.', claim('SVC-R2')),
    ],
  },
  {
    slug: 'messaging-server',
    failure: 'The Messaging server',
    sections: ['Messaging Server Failure', 'Messaging Server Restored'],
    outage: { fail: ['Messaging'], restore: ['Messaging'], minutesDown: 5 },
    customersSee: [
      say(
        'A message the customer sends does not reach the agent: “[The following message could not be delivered. Try to send it again.]”.',
        claim('MSG-F2', 'MSG-F5'),
      ),
      say(
        'After more than a few minutes, the customer is told of connection issues; the session is kept.',
        assumed('long-messaging-outage'),
      ),
    ],
    tellCustomers: [
      say(
        'Keep the chat window open: the chat continues once the server is back. What was sent meanwhile was lost: send it again then.',
        claim('MSG-R2', 'MSG-R1'),
      ),
    ],
    agentsSee: [
      say('“[Some of the above messages may not have been delivered.]” in the chat pane.', claim('MSG-F4')),
      say('A yellow triangle next to the chat status.', claim('MSG-F3')),
    ],
    agentsDo: [
      say('Keep the chat open: it is re-established and can continue once the server is back.', claim('MSG-R2')),
      say('Send again what mattered: messages sent while the server was down are lost.', claim('MSG-R1')),
    ],
    administrator: [say(ROW_SURVIVES.replace(', until the agent completes it', ''), assumed('database-row-survives'))],
    restoration: [
      say('The chat session is re-established and can continue.', claim('MSG-R2')),
      say('A green circle next to the chat status again.', claim('MSG-R3')),
      say('Messages sent while the server was down stay lost.', claim('MSG-R1')),
    ],
  },
  {
    slug: 'messaging-and-application-servers',
    failure: 'The Messaging and Application servers',
    sections: ['Messaging AND Application Servers Failure', 'Messaging AND Application Server Restored'],
    outage: { fail: ['Messaging', 'Application'], restore: ['Messaging', 'Application'], minutesDown: 5 },
    customersSee: [
      say(
        'As for the Application server: what the customer sends is lost, the customer hears of connection issues after a few minutes, and of the lost session once the servers are back.',
        claim('MA-F1'),
        assumed('lost-message-told-on-return'),
      ),
    ],
    tellCustomers: [
      say('The session has been lost: start a new chat once the service is back.', claim('MA-R3', 'MA-R4')),
    ],
    agentsSee: [
      say('Pop-up errors, as for the Application server.', claim('MA-F1'), assumed('popup-wording')),
      say('Information tabs such as Case do not load.', claim('MA-F2')),
      say('The agent desktop times out.', claim('MA-F3')),
    ],
    agentsDo: [say(LOG_BACK_IN, claim('MA-R2')), say(COMPLETE_LOST_CHAT, assumed('lost-chat-blocks-agent'))],
    administrator: [say(ROW_SURVIVES, assumed('database-row-survives'))],
    restoration: [
      say('When the agent logs back in, a “Session in Progress” pop-up.', claim('MA-R2')),
      say('The customer is told that the session has been lost.', claim('MA-R3')),
      say('The chat history is lost.', claim('MA-R4')),
      say('The agent is incorrectly told that the session is still active.', claim('MA-R5')),
    ],
  },
  {
    slug: 'all-three-servers',
    failure: 'The Messaging, Application and Services servers',
    label: 'All three servers',
    sections: [
      'Messaging AND Application AND Services Servers Failure',
      'Messaging AND Application AND Services Servers Restored',
    ],
    outage: {
      fail: ['Messaging', 'Application', 'Services'],
      restore: ['Messaging', 'Application', 'Services'],
      minutesDown: 5,
    },
    customersSee: [
      say(
        'A combination of the single failures: what the customer sends is lost with the session, with no notice of its own.',
        claim('ALL-F1'),
        assumed('lost-message-told-on-return'),
      ),
      say('A customer who waits is told of connection issues.', claim('ALL-F5')),
    ],
    tellCustomers: [
      say('The session has been lost: start a new chat once the service is back.', claim('ALL-R3', 'ALL-R4')),
    ],
    agentsSee: [
      say('The chat status changes to a yellow triangle.', claim('ALL-F2')),
      say('The title bar flashes “A connection could not be established with the server”.', claim('ALL-F3')),
      say('Then “Customer not connected” with a red square.', claim('ALL-F4')),
    ],
    agentsDo: [say(LOG_BACK_IN, claim('ALL-R2')), say(COMPLETE_LOST_CHAT, assumed('lost-chat-blocks-agent'))],
    administrator: [say(ROW_SURVIVES, assumed('database-row-survives'))],
    restoration: [
      say('When the agent logs back in, a “Session in Progress” pop-up.', claim('ALL-R2')),
      say('The customer is told that the session has been lost.', claim('ALL-R3')),
      say('The chat history is lost.', claim('ALL-R4')),
      say('The agent is incorrectly told that the session is still active.', claim('ALL-R5')),
    ],
  },
  {
    slug: 'services-then-messaging',
    failure: 'The Services server, then the Messaging server',
    label: 'Services, then Messaging',
    sections: [],
    unshown: 'failure-orderings',
    outage: { fail: ['Services', 'Messaging'], restore: ['Messaging', 'Services'], minutesDown: 5 },
    customersSee: [say('Messages do not get through, either way.', assumed('failure-orderings'))],
    tellCustomers: [
      say('Keep the chat window open: it carries on once the Messaging server is back.', assumed('failure-orderings')),
    ],
    agentsSee: [say('A yellow triangle, and no other work offered.', assumed('failure-orderings'))],
    agentsDo: [
      say('Keep the chat open until the Messaging server is back, then complete it.', assumed('failure-orderings')),
      say('Log out, and log back in once the Services server is back.', claim('SVC-F6', 'SVC-R1')),
    ],
    administrator: [say(ROW_SURVIVES, assumed('database-row-survives'))],
    restoration: [say('When the Messaging server returns first, the chat carries on.', assumed('failure-orderings'))],
  },
  {
    slug: 'application-back-first',
    failure: 'The Messaging and Application servers, the Application server back first',
    label: 'Application back first',
    sections: [],
    unshown: 'failure-orderings',
    outage: { fail: ['Messaging', 'Application'], restore: ['Application', 'Messaging'], minutesDown: 5 },
    customersSee: [say('The customer is told at once that the session was lost.', assumed('failure-orderings'))],
    tellCustomers: [
      say('The session has been lost: start a new chat once the service is back.', assumed('failure-orderings')),
    ],
    agentsSee: [
      say(
        '“Session in Progress” at the next login, with the triangle while the Messaging server is down.',
        assumed('failure-orderings'),
      ),
    ],
    agentsDo: [
      say(LOG_BACK_IN, assumed('failure-orderings')),
      say(COMPLETE_LOST_CHAT, assumed('lost-chat-blocks-agent')),
    ],
    administrator: [say(ROW_SURVIVES, assumed('database-row-survives'))],
    restoration: [say('As for the Messaging and Application servers.', assumed('failure-orderings'))],
  },
  {
    slug: 'web-server',
    failure: 'The Web server',
    sections: [],
    unshown: 'web-server-outage',
    outage: { fail: ['Web'], restore: ['Web'], minutesDown: 2 },
    customersSee: [
      say(
        'A message sent is not delivered, but the session survives an outage of a few minutes.',
        assumed('web-server-outage'),
      ),
    ],
    tellCustomers: [
      say('Keep the chat window open if the server is back within a few minutes.', assumed('web-server-outage')),
    ],
    agentsSee: [say('The customer’s message never arrives.', assumed('web-server-outage'))],
    agentsDo: [
      say('Keep the chat open: the session is still open once the server is back.', assumed('web-server-outage')),
    ],
    administrator: [say(ROW_SURVIVES.replace(', until the agent completes it', ''), assumed('database-row-survives'))],
    restoration: [say('The session is still open.', assumed('web-server-outage'))],
  },
];
