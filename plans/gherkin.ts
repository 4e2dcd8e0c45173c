/**
 * Prints plans in the project's own step vocabulary, so that any plan (a fuzzing counterexample, a
 * playground session) can be pasted into a feature file and run by the step definitions unchanged.
 * The step files in `steps/` register exactly these sentences; test/unit/plans/gherkin.test.ts and the
 * counterexample tests run printed scenarios through cucumber.
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { pretty } from '@cucumber/gherkin-utils';
import { IdGenerator } from '@cucumber/messages';
import { definitionOf, type Action, type Plan, type Style } from '../model/actions';

/** Cucumber's `{string}`: a double-quoted literal whose `\"` and `\'` stand for quotes; other backslashes stay. */
const CUCUMBER_STRING = /^"([^"\\]*(\\.[^"\\]*)*)"$/;

/**
 * `text` as a Gherkin string literal that cucumber's `{string}` reads back exactly. A few texts cannot be
 * written that way at all (a backslash just before a quote or at the very end); they are refused by name
 * rather than printed as a scenario that would quietly test something else.
 */
export function quote(text: string): string {
  if (/[\r\n\u2028\u2029]/.test(text)) {
    throw new RangeError(`${JSON.stringify(text)} cannot be written as a Gherkin string: a step is one line`);
  }
  const literal = `"${text.replace(/"/g, '\\"')}"`;
  const read = CUCUMBER_STRING.exec(literal)?.[1]?.replace(/\\"/g, '"').replace(/\\'/g, "'");
  if (read !== text) {
    throw new RangeError(
      `${JSON.stringify(text)} cannot be written as a Gherkin string: cucumber would read a backslash before a quote, or at the end, differently`,
    );
  }
  return literal;
}

/** How a sentence quotes: as cucumber's `{string}` reads it back; otherwise the action's own wording. */
const GHERKIN: Style = { quote, pick: (_note, sentence) => sentence };

/** The action as the step sentence that performs it, from the action's own module (model/actions). */
export function sentence(action: Action): string {
  if (action.type === 'customer-starts-chat' && action.name !== undefined) {
    throw new RangeError(`the customer's name ${JSON.stringify(action.name)} has no step sentence: leave it out`);
  }
  return definitionOf(action).words(action, GHERKIN);
}

export interface ScenarioText {
  readonly name: string;
  readonly tags?: readonly string[];
  /** Outcome sentences after the `When`, such as "every invariant holds" for a counterexample. */
  readonly then?: readonly string[];
  /** Lines placed after the steps, such as the invariant a counterexample broke, as comments. */
  readonly comments?: readonly string[];
}

/**
 * A scenario whose last step is the `When` (the step at which something went wrong, for a counterexample);
 * everything before it is context.
 */
export function scenario(plan: Plan, text: ScenarioText): string {
  if (plan.length === 0) throw new RangeError('A scenario needs at least one step');
  const lines: string[] = [];
  if (text.tags?.length) lines.push(`  ${text.tags.join(' ')}`);
  lines.push(`  Scenario: ${text.name.replace(/\s+/g, ' ').trim()}`);
  plan.forEach((action, index) => {
    const keyword = index === plan.length - 1 ? 'When' : index === 0 ? 'Given' : 'And';
    lines.push(`    ${keyword} ${sentence(action)}`);
  });
  text.then?.forEach((outcome, index) => lines.push(`    ${index === 0 ? 'Then' : 'And'} ${outcome}`));
  for (const comment of text.comments ?? []) lines.push(`    # ${comment.replace(/\s+/g, ' ')}`);
  return lines.join('\n') + '\n';
}

/**
 * Gherkin text laid out by cucumber's own pretty printer (`@cucumber/gherkin-utils`): keywords indented by
 * nesting, tags above what they tag, table columns aligned. Parsing it first also proves the text is Gherkin.
 */
export function prettyGherkin(text: string): string {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  return pretty(parser.parse(text), 'gherkin');
}

/** A whole feature file around scenarios, with no Background: plans start from an empty deployment. */
export function feature(name: string, description: string, scenarios: readonly string[]): string {
  return prettyGherkin(
    [
      `Feature: ${name}`,
      '',
      ...description.split('\n').map((line) => `  ${line}`.trimEnd()),
      '',
      scenarios.join('\n'),
    ].join('\n'),
  );
}
