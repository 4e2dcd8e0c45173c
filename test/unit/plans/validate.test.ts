/**
 * Plans from outside (a link, a FUZZ_PLAN file, a plan attachment) all go through plans/validate.ts: inherited
 * property names, numbers out of range, texts no Gherkin step can carry and over-long plans are refused by name,
 * and every plan it accepts prints as Gherkin that cucumber reads back as exactly that plan.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import fc from 'fast-check';
import type { Action } from '../../../model/actions';
import { sentence } from '../../../plans/gherkin';
import { planFromSearch, planLinkProblem, planToSearch } from '../../../plans/url';
import {
  ACTION_TYPES,
  ADDRESS,
  parseAction,
  parsePlan,
  PLAN_LIMITS,
  PlanError,
  USER_NAME,
} from '../../../plans/validate';
import {
  controls,
  DEFAULT_INPUTS,
  EMPTY,
  exportGherkin,
  gherkinCaveat,
  loadLink,
  stage,
} from '../../../src/components/Playground/session';

test('inherited property names are not action types', () => {
  for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    throws(
      () => parseAction({ type }, 'step 1'),
      (e: Error) => e instanceof PlanError && /"type" must be one of fail/.test(e.message),
    );
    throws(() => parseAction(JSON.parse(`{"type":"fail","server":"Web","${type}":1}`)), /has no field/);
  }
  // A link holding them loads nothing and says why, instead of crashing the page.
  const link = loadLink('?step=' + encodeURIComponent('{"type":"constructor"}'));
  deepStrictEqual(link.plan, []);
  match(link.problems[0]!, /link, step 1: "type" must be one of/);
});

test('numbers out of range are refused with the range allowed', () => {
  throws(
    () => parseAction({ type: 'wait', seconds: 1e13 }),
    /"seconds" must be a whole number from 1 to 31,622,400 seconds, got 10000000000000/,
  );
  throws(() => parseAction({ type: 'wait', seconds: 0 }), /from 1 to/);
  throws(() => parseAction({ type: 'wait', seconds: 1.5 }), /whole number/);
  throws(() => parseAction({ type: 'wait', seconds: '60' }), /got "60"/);
  throws(
    () => parseAction({ type: 'customer-starts-chat', question: 'q', activityId: 2 ** 31 }),
    /"activityId" must be a whole number from 1 to 2,147,483,647/,
  );
  // The playground's own field: a wait the model could not survive disables the control with the range.
  const wait = controls(EMPTY.deployment, { ...DEFAULT_INPUTS, amount: '10000000000000', unit: 'seconds' }).find(
    (c) => c.id === 'wait-amount',
  )!;
  equal(wait.action, null);
  match(wait.reason!, /"seconds" must be a whole number from 1 to 31,622,400 seconds/);
});

test('texts: non-empty, one line, bounded; names and addresses as the steps read them', () => {
  throws(
    () => parseAction({ type: 'agent-sends', text: 'two\nlines' }),
    /a line break, a control character or an invisible one .*, which no Gherkin step can carry/,
  );
  // Right-to-left and zero-width characters: "\u202Egnp.exe\u202C" would show as "exe.png" (issue 26).
  for (const text of [
    '\u202Egnp.exe\u202C',
    'pay\u200Bpal',
    '\u2066x\u2069',
    'a\rb',
    'a\u0085b',
    '\uFEFFx',
    '\ud800',
  ]) {
    throws(
      () => parseAction({ type: 'agent-sends', text }),
      /invisible one \(a bidi control, a zero-width character\)/,
    );
  }
  throws(() => parseAction({ type: 'agent-sends', text: '\u202Egnp.exe' }), /got "\\u202egnp\.exe"/);
  // An emoji sequence joined by zero-width joiners is text, not a hidden character.
  parseAction({ type: 'agent-sends', text: 'Thanks 👨‍👩‍👧' });
  throws(
    () => parseAction({ type: 'agent-sends', text: 'x'.repeat(PLAN_LIMITS.textLength + 1) }),
    /1001 characters long; at most 1000/,
  );
  throws(() => parseAction({ type: 'agent-sends', text: '  ' }), /non-empty string/);
  throws(
    () => parseAction({ type: 'agent-logs-in', agent: 'JDoe logs out' }),
    /"agent" must be a user name such as JDoe/,
  );
  throws(
    () => parseAction({ type: 'customer-sends', text: 'x', customer: 'not an address' }),
    /"customer" must be an email address/,
  );
});

test('over-long plans and links are refused before they reach the model or a server', () => {
  const long = Array.from({ length: PLAN_LIMITS.steps + 1 }, () => ({ type: 'wait', seconds: 1 }));
  throws(
    () => parsePlan(long, 'FUZZ_PLAN p.json'),
    /FUZZ_PLAN p.json: the plan has 501 steps; at most 500 are allowed/,
  );
  const plan: Action[] = Array.from({ length: 200 }, () => ({ type: 'wait', seconds: 60 }));
  match(
    planLinkProblem(plan)!,
    /link would be 11,\d{3} characters long; servers refuse addresses much longer than 8,000/,
  );
  throws(() => planToSearch(plan), PlanError);
  const read = planFromSearch(`?${'step=x&'.repeat(2000)}`);
  deepStrictEqual(read.plan, []);
  match(read.problems[0]!, /^link: the link is 14,001 characters long/);
  // In the playground, the step that would make the plan too long to share is disabled, with the reason.
  let staged = EMPTY;
  while (planLinkProblem([...staged.plan, { type: 'wait', seconds: 60 }]) === null)
    staged = stage(staged, { type: 'wait', seconds: 60 });
  const next = controls(staged.deployment, DEFAULT_INPUTS, staged.plan).find((c) => c.id === 'wait-1min')!;
  equal(next.action, null);
  match(next.reason!, /link would be/);
  ok(planToSearch(staged.plan).length <= PLAN_LIMITS.linkLength);
});

test('a plan attachment with a newline cannot be exported as a broken feature', () => {
  const plan: Action[] = [{ type: 'customer-starts-chat', question: 'q' }];
  equal(
    gherkinCaveat([{ type: 'agent-sends', text: 'a\nb' }]),
    'Step 1: "a\\nb" cannot be written as a Gherkin string: a step is one line. Change that text to export the outage as a scenario.',
  );
  match(
    gherkinCaveat([{ type: 'customer-starts-chat', question: 'q', name: 'Ann' }])!,
    /customer's name "Ann" has no step sentence/,
  );
  ok(exportGherkin(stage(EMPTY, plan[0]!))!.includes('starts a chat asking "q"'));
});

// The expressions library cucumber itself reads the step sentences with (its own pinned copy, not another one).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const expressions = require(
  require.resolve('@cucumber/cucumber-expressions', { paths: [require.resolve('@cucumber/cucumber')] }),
) as typeof import('@cucumber/cucumber-expressions');
const { CucumberExpression, ParameterType, ParameterTypeRegistry } = expressions;
type ParameterTypeRegistry = InstanceType<typeof ParameterTypeRegistry>;

/** The steps' own parameter types (steps/support/parameter_types.ts), for reading printed sentences back. */
function registry(): ParameterTypeRegistry {
  const r = new ParameterTypeRegistry();
  const add = (name: string, regexp: RegExp, transform: (s: string) => unknown = (s) => s) =>
    r.defineParameterType(new ParameterType(name, regexp, null, transform, true, false));
  add('customer', /the customer|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, (s) => (s === 'the customer' ? undefined : s));
  add('address', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/);
  add('agent', /the agent|[A-Z][A-Za-z]+/, (s) => (s === 'the agent' ? undefined : s));
  return r;
}

test('every text the validation accepts round-trips through the printed Gherkin, or is refused by name', () => {
  const reg = registry();
  const sends = new CucumberExpression('{customer} sends {string}', reg);
  const agentSends = new CucumberExpression('the agent sends {string} to {customer}', reg);
  const logsIn = new CucumberExpression('{agent} logs in', reg);
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(text, fc.string({ unit: 'binary', maxLength: 20 }), (t, u) => {
      for (const raw of [t, u, `${t}\\`, `${t}\\"${u}`, `${t}\n${u}`]) {
        let action: Action;
        try {
          action = parseAction({ type: 'agent-sends', text: raw, customer: 'other@awesome.com' });
        } catch (error) {
          ok(error instanceof PlanError);
          continue;
        }
        let printed: string;
        try {
          printed = sentence(action);
        } catch (error) {
          ok(error instanceof RangeError && /cannot be written as a Gherkin string/.test(error.message));
          continue;
        }
        ok(!/[\r\n]/.test(printed), printed);
        const args = agentSends.match(printed)!.map((a) => a.getValue(null));
        deepStrictEqual(args, [raw, 'other@awesome.com']);
        deepStrictEqual(
          sends.match(sentence({ type: 'customer-sends', text: raw }))!.map((a) => a.getValue(null)),
          [undefined, raw],
        );
      }
    }),
    { numRuns: 100, seed: 20110712 },
  );
  equal(logsIn.match(sentence(parseAction({ type: 'agent-logs-in', agent: 'JDoe' })))![0]!.getValue(null), 'JDoe');
  ok(ADDRESS.test('customer@awesome.com') && USER_NAME.test('JDoe'));
  ok(ACTION_TYPES.length >= 11);
});
