/**
 * The action table: every kind of thing a person (or a fault, or the clock) can do to the deployment, one
 * module each. Cucumber steps, the plan reader, the Gherkin printer, the explorers and the playground all speak
 * this vocabulary, so any plan can be printed as Gherkin and run. A new kind of action is a new module, listed
 * here once; its type, fields, guard, effect and wording, what the explorers try of it and its playground
 * control all come from that module (docs/engineering/adding-an-action.md).
 */
import { agentCompletesChat } from './agent-completes-chat';
import { agentLogsIn } from './agent-logs-in';
import { agentLogsOut } from './agent-logs-out';
import { agentOpensTab } from './agent-opens-tab';
import { agentSends } from './agent-sends';
import { customerClosesWindow } from './customer-closes-window';
import { agentSendsEmailReply } from './agent-sends-email-reply';
import { agentTakesNextActivity } from './agent-takes-next-activity';
import { agentTransfersChat } from './agent-transfers-chat';
import { customerSends } from './customer-sends';
import { customerStartsChat } from './customer-starts-chat';
import { NOTE, type ActionDefinition } from './definition';
import { emailArrives } from './email-arrives';
import { fail } from './fail';
import { restore } from './restore';
import { serverJoins } from './server-joins';
import { wait } from './wait';

/** The table, in the order plans and errors list the kinds. */
export const ACTION_DEFINITIONS = [
  fail,
  restore,
  wait,
  customerStartsChat,
  customerSends,
  agentLogsIn,
  agentLogsOut,
  agentSends,
  agentCompletesChat,
  agentOpensTab,
  agentSendsEmailReply,
  agentTakesNextActivity,
  emailArrives,
  serverJoins,
  customerClosesWindow,
  agentTransfersChat,
] as const;

type ActionOf<D> = D extends ActionDefinition<infer A> ? A : never;

/** One action of a plan: the union of every kind the table lists. */
export type Action = ActionOf<(typeof ACTION_DEFINITIONS)[number]>;
export type ActionType = Action['type'];
export type Plan = readonly Action[];

export const ACTION_TYPES: readonly ActionType[] = ACTION_DEFINITIONS.map((definition) => definition.type);

/** The table, each definition typed for any action: what the explorers and the playground walk. */
export const DEFINITIONS = ACTION_DEFINITIONS as unknown as readonly ActionDefinition<Action>[];

const BY_TYPE = new Map<string, ActionDefinition<Action>>(
  DEFINITIONS.map((definition) => [definition.type, definition]),
);

/** The definition of `type`, or undefined for a type no module defines. */
export function definitionOfType(type: string): ActionDefinition<Action> | undefined {
  return BY_TYPE.get(type);
}

export function definitionOf<A extends Action>(action: A): ActionDefinition<A> {
  const definition = BY_TYPE.get(action.type);
  if (!definition) throw new RangeError(`No action module defines "${String(action.type)}"`);
  return definition as unknown as ActionDefinition<A>;
}

/** One line in the domain's words, for traces, counterexamples and refusals. */
export function describeAction(action: Action): string {
  return definitionOf(action).words(action, NOTE);
}

export type {
  ActionDefinition,
  Actor,
  Cast,
  ControlFields,
  ControlGroup,
  ControlOf,
  Field,
  Style,
  Tries,
} from './definition';
