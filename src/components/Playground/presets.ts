/**
 * Where the playground starts: the source's premise ("an integrated agent is logged in with an active customer
 * chat session") and one preset for each of the source's ten sections, plus the orderings the source does not
 * show (the failure-orderings page). Each is a plain plan, replayed by the model like any shared link; the times
 * are the source's (the Messaging server fails when the chat has lasted 00:03:00, the three servers at 00:02:00).
 */
import type { Action, Plan } from '../../../model/actions';

export interface Preset {
  /** Stable, for the select's values and tests. */
  readonly id: string;
  readonly label: string;
  readonly plan: Plan;
}

const wait = (seconds: number): Action => ({ type: 'wait', seconds });
const fail = (server: 'Application' | 'Services' | 'Messaging'): Action => ({ type: 'fail', server });
const restore = (server: 'Application' | 'Services' | 'Messaging'): Action => ({ type: 'restore', server });
const customer = (text: string): Action => ({ type: 'customer-sends', text });
const agent = (text: string): Action => ({ type: 'agent-sends', text });
const logIn: Action = { type: 'agent-logs-in', agent: 'JDoe' };

/** The Background of every feature: JDoe logged in, chatting with the customer. */
export const PREMISE: Plan = [
  logIn,
  { type: 'customer-starts-chat', question: 'Help me!' },
  agent('Hello'),
  customer('Hi'),
];

const applicationDown: Plan = [...PREMISE, wait(120), fail('Application'), customer('Hello?')];
const servicesDown: Plan = [...PREMISE, fail('Services'), agent('Anything else?'), customer('No, thanks!')];
const messagingDown: Plan = [
  ...PREMISE,
  wait(180),
  fail('Messaging'),
  agent('Are you there?'),
  customer('Hello?'),
  wait(60),
];
const messagingAndApplicationDown: Plan = [
  ...PREMISE,
  wait(120),
  fail('Messaging'),
  fail('Application'),
  { type: 'agent-opens-tab', tab: 'Case' },
  wait(60),
];
const allThreeDown: Plan = [
  ...PREMISE,
  wait(120),
  fail('Messaging'),
  fail('Application'),
  fail('Services'),
  wait(5),
  wait(240),
];

export const PRESETS: readonly Preset[] = [
  { id: 'premise', label: 'The source’s premise: JDoe logged in, chatting with the customer', plan: PREMISE },
  { id: 'nothing', label: 'Nothing yet: every server up, no agent logged in, no chat', plan: [] },
  { id: 'application-failure', label: '1. Application server failure', plan: applicationDown },
  {
    id: 'application-restored',
    label: '2. Application server restored',
    plan: [...applicationDown, wait(60), restore('Application'), logIn],
  },
  { id: 'services-failure', label: '3. Services server failure', plan: servicesDown },
  {
    id: 'services-restored',
    label: '4. Services server restored',
    plan: [...servicesDown, { type: 'agent-completes-chat' }, { type: 'agent-logs-out' }, restore('Services'), logIn],
  },
  { id: 'messaging-failure', label: '5. Messaging server failure', plan: messagingDown },
  {
    id: 'messaging-restored',
    label: '6. Messaging server restored',
    plan: [
      ...messagingDown,
      restore('Messaging'),
      agent('Hello?'),
      customer('Hi! Looks like we’re connected again!'),
      wait(60),
    ],
  },
  {
    id: 'messaging-application-failure',
    label: '7. Messaging and Application servers failure',
    plan: messagingAndApplicationDown,
  },
  {
    id: 'messaging-application-restored',
    label: '8. Messaging and Application servers restored',
    plan: [...messagingAndApplicationDown, restore('Messaging'), restore('Application'), logIn],
  },
  { id: 'all-three-failure', label: '9. Messaging, Application and Services servers failure', plan: allThreeDown },
  {
    id: 'all-three-restored',
    label: '10. Messaging, Application and Services servers restored',
    plan: [...allThreeDown, restore('Messaging'), restore('Application'), restore('Services'), logIn],
  },
  {
    id: 'ordering-services-then-messaging',
    label: 'Orderings: Services, then Messaging',
    plan: [...PREMISE, fail('Services'), wait(60), fail('Messaging'), wait(60)],
  },
  {
    id: 'ordering-application-back-first',
    label: 'Orderings: Messaging and Application down, Application back first',
    plan: [...PREMISE, wait(120), fail('Messaging'), fail('Application'), wait(60), restore('Application'), logIn],
  },
  {
    id: 'ordering-web',
    label: 'Orderings: the Web server fails for a minute',
    plan: [
      ...PREMISE,
      wait(60),
      { type: 'fail', server: 'Web' },
      customer('Hello?'),
      wait(60),
      { type: 'restore', server: 'Web' },
    ],
  },
];

export const DEFAULT_PRESET = PRESETS[0]!;
