/**
 * Impact by chat phase, from running the model (never written by hand): for an outage, what happens to a chat in
 * progress (the source's premise), a chat waiting for an agent, a customer starting a chat and an email activity,
 * while the servers are down and once they are back. Each phase is a short plan run on a fresh deployment; a cell
 * says what the customer's window and the agent console show at its end (read as the feature pages' outage
 * summaries read them), what the model refused and why, and the chat's or email's status pair in the database.
 * Cisco's fault-tolerance tables give the same per-phase impact for sessions in progress, queued and being routed.
 */
import { definitionOf, type Action } from '../model/actions';
import { NOTE } from '../model/actions/definition';
import { SOURCE_EMAIL } from '../model/actions/email-arrives';
import { Deployment } from '../model/deployment';
import type { Server } from '../model/servers';
import type { DeploymentView } from '../model/views';
import { agentSees, customerSees } from './what-people-see';

/** An outage: the servers that fail, in order, and those restored, in order, after `minutesDown`. */
export interface Outage {
  readonly fail: readonly Server[];
  readonly restore: readonly Server[];
  readonly minutesDown: number;
}

export const CHAT_PHASES = ['in progress', 'waiting', 'starting', 'email'] as const;
export type ChatPhase = (typeof CHAT_PHASES)[number];

export const PHASE_LABEL: Record<ChatPhase, string> = {
  'in progress': 'A chat in progress',
  waiting: 'A chat waiting for an agent',
  starting: 'A customer starting a chat',
  email: 'An email activity',
};

/** What one phase showed at one moment. */
export interface PhaseMoment {
  readonly customer: readonly string[];
  readonly agent: readonly string[];
  /** `activity 1000 (chat): 5000/5900`, for each activity in the database. */
  readonly database: readonly string[];
}

export interface PhaseImpact {
  readonly phase: ChatPhase;
  readonly down: PhaseMoment;
  /**
   * What is new once every failed server is back, a minute has passed and people have done what the restoration
   * asks of them (see `afterRestoration`): nothing the outage already showed.
   */
  readonly restored: PhaseMoment;
}

const AGENT = 'JDoe';
const PREMISE: readonly Action[] = [
  { type: 'agent-logs-in', agent: AGENT },
  { type: 'customer-starts-chat', question: 'Help me!' },
  { type: 'agent-sends', text: 'Hello' },
  { type: 'customer-sends', text: 'Hi' },
];

/** Each phase: what happens before the failure, and what people try while the servers are down. */
const PHASES: Record<ChatPhase, { readonly before: readonly Action[]; readonly during: readonly Action[] }> = {
  'in progress': {
    before: PREMISE,
    during: [
      { type: 'agent-sends', text: 'Are you there?' },
      { type: 'customer-sends', text: 'Hello?' },
    ],
  },
  waiting: {
    before: [{ type: 'customer-starts-chat', question: 'Help me!' }],
    during: [{ type: 'agent-logs-in', agent: AGENT }],
  },
  starting: {
    before: [{ type: 'agent-logs-in', agent: AGENT }],
    during: [{ type: 'customer-starts-chat', question: 'Help me!' }],
  },
  email: {
    before: [{ type: 'agent-logs-in', agent: AGENT }],
    during: [SOURCE_EMAIL, { type: 'agent-takes-next-activity' }],
  },
};

const KIND: Record<number, string> = { 2000: 'chat', 1000: 'email' };

function databaseOf(view: DeploymentView): string[] {
  return view.database.activities.map(
    (row) =>
      `activity ${row.activity_id} (${KIND[row.activity_type] ?? `type ${row.activity_type}`}): ${row.activity_status}/${row.activity_sub_status}`,
  );
}

/** Applies what a person tries; a refusal is what they see, in the model's words ("the agent cannot ...: why"). */
function attempt(deployment: Deployment, actions: readonly Action[]): string[] {
  const refused: string[] = [];
  for (const action of actions) {
    const reason = deployment.rejection(action);
    if (reason === null) deployment.apply(action);
    else refused.push(`${definitionOf(action).cannot(action, NOTE)}: ${reason}`);
  }
  return refused;
}

/** The email replies the agent has open and can send (agentSees lists only greyed-out ones). */
function repliesOpen(view: DeploymentView): string[] {
  return view.console.emailReplies.filter((r) => r.buttons === 'enabled').map((r) => `email reply “${r.subject}” open`);
}

function moment(view: DeploymentView, refused: readonly string[]): PhaseMoment {
  return {
    customer: customerSees(view).map((seen) => seen.text),
    agent: [...agentSees(view).map((seen) => seen.text), ...repliesOpen(view), ...refused],
    database: databaseOf(view),
  };
}

/**
 * What people do once the servers are back: an agent whose console lost its session or was logged out logs in
 * again, a customer whose chat did not start starts it again, and whatever was refused during the outage is tried
 * again.
 */
function afterRestoration(deployment: Deployment, phase: ChatPhase, refusedDown: readonly string[]): Action[] {
  const view = deployment.view();
  return [
    ...(view.console.login === 'logged in' ? [] : [{ type: 'agent-logs-in', agent: AGENT } as const]),
    ...(phase === 'starting' && !view.customers.some((c) => c.inSession)
      ? [{ type: 'customer-starts-chat', question: 'Help me!' } as const]
      : []),
    ...(refusedDown.length
      ? PHASES[phase].during.filter((a) => a.type.startsWith('agent-') && a.type !== 'agent-logs-in')
      : []),
  ];
}

const without = (items: readonly string[], seen: readonly string[]) => items.filter((item) => !seen.includes(item));

/** Runs one phase of an outage on a fresh deployment. */
export function phaseImpact(outage: Outage, phase: ChatPhase): PhaseImpact {
  const deployment = new Deployment();
  const { before, during } = PHASES[phase];
  const setup = attempt(deployment, before);
  if (setup.length) throw new Error(`chat phase "${phase}" could not be set up: ${setup.join('; ')}`);
  for (const server of outage.fail) deployment.apply({ type: 'fail', server });
  deployment.apply({ type: 'wait', seconds: 60 });
  const refusedDown = attempt(deployment, during);
  deployment.apply({ type: 'wait', seconds: Math.max(0, outage.minutesDown * 60 - 60) });
  const down = moment(deployment.view(), refusedDown);
  for (const server of outage.restore) deployment.apply({ type: 'restore', server });
  deployment.apply({ type: 'wait', seconds: 60 });
  const refusedAfter = attempt(deployment, afterRestoration(deployment, phase, refusedDown));
  const after = moment(deployment.view(), refusedAfter);
  return {
    phase,
    down,
    restored: {
      customer: without(after.customer, down.customer),
      // What is still refused is said again: "nothing new" would hide a console that is still blocked.
      agent: [...without(after.agent.slice(0, after.agent.length - refusedAfter.length), down.agent), ...refusedAfter],
      database: without(after.database, down.database),
    },
  };
}

/** Every phase of an outage, in CHAT_PHASES order. */
export function chatPhases(outage: Outage): PhaseImpact[] {
  return CHAT_PHASES.map((phase) => phaseImpact(outage, phase));
}
