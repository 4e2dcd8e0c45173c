/**
 * What one kind of action is, in one place: its fields, who does it, its wording, why it would be refused now,
 * and what it does. Each kind is a module beside this one; `index.ts` is the table of them all, which the plan
 * reader, the Gherkin printer, the fuzzing commands and the playground read.
 */
import type { Runtime } from '../runtime';
import { isServer } from '../servers';

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
   * test/unit/plan-gherkin.test.ts prints each as Gherkin and runs it with the project's steps.
   */
  readonly example: { readonly after?: readonly ExampleStep[]; readonly action: A };
}

/**
 * Checks the definition's types where it is written: `define<MyAction>({...})`. Every definition gets the same
 * shape (its fields in one order), so the runtime's calls of `refusal` and `perform` stay fast whichever it is.
 */
export function define<A extends { readonly type: string }>(definition: ActionDefinition<A>): ActionDefinition<A> {
  const { type, actor, fields, words, cannot, refusal, perform, example } = definition;
  return { type, actor, fields, words, cannot, refusal, perform, example };
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
