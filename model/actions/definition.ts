/**
 * What one kind of action is, in one place: its fields, who does it, its wording, why it would be refused now,
 * what it does, what the explorers try of it in a state and the playground's control for it. Each kind is a
 * module beside this one; `index.ts` is the table of them all, which the plan reader, the Gherkin printer, the
 * random phase, the state-space explorer, the equivalence tests and the playground read.
 */
import type { InformationTab } from '../agent-console';
import type { Runtime } from '../runtime';
import { isServer, type Server } from '../servers';
import type { DeploymentState } from '../state';

export type Actor = 'Customer' | 'Agent' | 'Operator' | 'Clock';

/**
 * A field's kind: free `text` (a non-empty string), a `count` (a whole number above 0), or one of a closed set,
 * checked by `accepts` and described by `expected` in the error a bad plan gets.
 */
export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'count' }
  | { readonly kind: 'choice'; readonly accepts: (value: string) => boolean; readonly expected: string };

export type Field = FieldKind & { readonly optional?: true };

export const text: Field = { kind: 'text' };
export const count: Field = { kind: 'count' };
export const optional = (field: Field): Field => ({ ...field, optional: true });

/**
 * Where the trace note and the Gherkin sentence of an action differ, each wording says both at once through a
 * style: `quote` writes a quoted text (as typed in a note, as a cucumber `{string}` literal in a sentence) and
 * `pick(note, sentence)` chooses between the two phrasings. So an action's words exist once.
 */
export interface Style {
  readonly quote: (text: string) => string;
  readonly pick: (note: string, sentence: string) => string;
}

/** The trace note's style: what the trace, counterexamples and refusals print. */
export const NOTE: Style = { quote: (text) => `"${text}"`, pick: (note) => note };

/** A step before an example (typed loosely here, since the Action union is derived from the definitions). */
export type ExampleStep = { readonly type: string } & Readonly<Record<string, unknown>>;

/**
 * Who and what the explorers' plans are made of: the customers (the first is "the customer", whom plans leave
 * unnamed), the agents (the first is "the agent"), the server instances, and the times, words, tabs, subjects and
 * ids they use. Each explorer has its own cast (the random phase, the state-space explorer with its bounds, the
 * equivalence tests with a crowd); every kind of action makes its candidates from it.
 */
export interface Cast {
  readonly customers: readonly string[];
  readonly agents: readonly string[];
  readonly servers: readonly Server[];
  /** Times to let pass, in seconds. */
  readonly waits: readonly number[];
  /** What a customer asks to open a chat, what a customer writes in one, what an agent writes. */
  readonly questions: readonly string[];
  readonly customerLines: readonly string[];
  readonly agentLines: readonly string[];
  readonly tabs: readonly InformationTab[];
  /** Subjects of the emails that arrive, and that agents reply to. */
  readonly subjects: readonly string[];
  /** Activity ids a new chat and case ids a new email may be given (the explorers give none: they take the next). */
  readonly activityIds: readonly number[];
  readonly caseIds: readonly number[];
}

/**
 * How the explorers try a kind of action. `candidates` lists the actions of the kind worth trying in a state, made
 * from the cast, in a fixed order; they may still be refused (the explorers ask the guard, and the state-space
 * explorer counts each refusal in its ledger). The random phase draws a kind by `weight` against the others, then
 * one of its candidates the model accepts; the state-space explorer tries every candidate, as many times in a
 * plan as the bounds' count named by `budget` allows (per server or per customer where `per` says so; a count
 * the bounds do not name is `otherwise`); the equivalence tests draw from the candidates of every kind.
 */
export interface Tries<A> {
  readonly weight: number;
  readonly budget?: {
    readonly count: string;
    readonly otherwise: number;
    readonly per?: { readonly list: 'servers' | 'customers'; readonly of: (action: A) => string | undefined };
  };
  /**
   * The fields of the state `candidates` reads (none: the candidates follow from the cast alone). The state-space
   * explorer makes a kind's candidates once per cast and per value of these fields, and hands `candidates` a state
   * holding only them (exploration/state-space/candidates.ts); test/unit/exploration/candidates.test.ts fails on a
   * declaration that leaves out a field read, over states reached by plans drawn from the whole table.
   */
  readonly reads: readonly (keyof DeploymentState)[];
  candidates(state: DeploymentState, cast: Cast): readonly A[];
}

/** The playground's control fields, by name: what the reader has typed or chosen (see `Control`). */
export interface ControlFields {
  /** The customer's address (empty or the default customer's for "the customer"). */
  readonly customer: string;
  /** The question a new chat opens with. */
  readonly customerQuestion: string;
  readonly customerText: string;
  readonly agentName: string;
  readonly agentText: string;
  /** The address of the chat the agent acts on; empty for the first chat in the list. */
  readonly chatWith: string;
  readonly tab: InformationTab;
  /** Seconds to let pass, from the amount and unit fields, or why they make no time. */
  readonly seconds: number | string;
  /** Seconds until the clock reads the time typed, or why it does not make one. */
  readonly secondsUntil: number | string;
  readonly emailSubject: string;
  readonly emailFrom: string;
}

export type ControlGroup = 'servers' | 'clock' | 'customer' | 'agent' | 'email';

/**
 * One button of the playground: its id (stable, for element ids and tests), its group and label, and the step it
 * stages made from the fields, or why the fields make none. The page disables it with the model's refusal too.
 */
export interface ControlOf<A> {
  readonly id: string;
  readonly group: ControlGroup;
  readonly label: string;
  readonly made: A | string;
  /** Its place among its group's buttons, where it takes another kind's place (Fail the X server, Restore it). */
  readonly rank?: number;
}

export interface ActionDefinition<A extends { readonly type: string }> {
  readonly type: A['type'];
  readonly actor: Actor;
  readonly fields: { readonly [K in Exclude<keyof A, 'type'>]-?: Field };
  /** The action in the domain's words, in `style`. */
  words(action: A, style: Style): string;
  /**
   * The refusal's subject and verb, in `style`: "the Application server cannot fail". A refused action's
   * message is this sentence and its reason: "The Application server cannot fail: the Application server is already down".
   */
  cannot(action: A, style: Style): string;
  /** Why the action cannot happen in this state, or `null` if it can. Reads the state only. */
  refusal(rt: Runtime, action: A): string | null;
  /** What the action does; the runtime settles the consequences afterwards. */
  perform(rt: Runtime, action: A): void;
  /**
   * One example, run after the source's premise (JDoe logged in, the customer chatting) and the steps `after`:
   * test/unit/plans/gherkin.test.ts prints each as Gherkin and runs it with the project's steps.
   */
  readonly example: { readonly after?: readonly ExampleStep[]; readonly action: A };
  /** What the explorers try of it (see `Tries`). */
  readonly tries: Tries<A>;
  /** The playground's buttons for it, given the deployment's state and the fields (none: a step plans only). */
  controls(state: DeploymentState, fields: ControlFields): readonly ControlOf<A>[];
}

/**
 * Checks the definition's types where it is written: `define<MyAction>({...})`. Every definition gets the same
 * shape (its fields in one order), so the runtime's calls of `refusal` and `perform` stay fast whichever it is.
 */
export function define<A extends { readonly type: string }>(definition: ActionDefinition<A>): ActionDefinition<A> {
  const { type, actor, fields, words, cannot, refusal, perform, example, tries, controls } = definition;
  return { type, actor, fields, words, cannot, refusal, perform, example, tries, controls };
}

/** "the customer", or the customer's address when the plan names one. */
export function who(customer: string | undefined): string {
  return customer ?? 'the customer';
}

/** A server instance's name: a role, or a numbered Application server such as "Application 2". */
export const serverName: Field = {
  kind: 'choice',
  accepts: isServer,
  expected: 'Web, Application, Messaging, Services or Database (or a numbered Application server, "Application 2")',
};

/** Why a plan naming `server` does not fit this deployment, or `null` if the deployment has it. */
export function unknownServer(rt: Runtime, server: string): string | null {
  if (server in rt.state.servers) return null;
  return `the deployment has no ${server} server (it has ${Object.keys(rt.state.servers).join(', ')})`;
}

/** "the agent" (the first agent's console), or the agent the plan names by user name. */
export function agentWord(agent: string | undefined): string {
  return agent ?? 'the agent';
}

/** The plan's name for the `index`th of a cast's list: the first is left unnamed ("the customer", "the agent"). */
export function nth<K extends string>(key: K, list: readonly string[], index: number): Partial<Record<K, string>> {
  return (index === 0 ? {} : { [key]: list[index]! }) as Partial<Record<K, string>>;
}

/** Every `customer` field of the cast, in its order: the first customer unnamed. */
export function customersOf(cast: Cast): readonly { customer?: string }[] {
  return cast.customers.map((_, c) => nth('customer', cast.customers, c));
}

/** Every `agent` field of the cast, in its order: the first agent unnamed. */
export function agentsOf(cast: Cast): readonly { agent?: string }[] {
  return cast.agents.map((_, a) => nth('agent', cast.agents, a));
}

/** The playground's `customer` field as a plan names it: the default customer stays "the customer". */
export function customerInput(address: string, defaultAddress: string): { customer?: string } {
  const trimmed = address.trim();
  return trimmed === '' || trimmed === defaultAddress ? {} : { customer: trimmed };
}
