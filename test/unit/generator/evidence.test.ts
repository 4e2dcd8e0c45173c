/** The evidence marks on scenario pages come from the register's classification of each asserted line. */
import { test } from 'node:test';
import { deepStrictEqual, match, ok } from 'node:assert/strict';
import { evidenceMark, evidenceOf } from '../../../generator/evidence';
import type { ScenarioDoc, StepDoc } from '../../../generator/run';
import type { Register } from '../../../features/claims-register';

const register: Register = {
  claims: [
    {
      id: 'APP-R1',
      section: 'Application Server Restored',
      statement: 'Session in Progress.',
      source: 'When the agent logs back in, they will receive a "Session in Progress" pop-up',
      checks: ['the agent sees the pop-up "Session in Progress"'],
    },
  ],
  assumptions: [
    {
      id: 'popup-wording',
      statement: 'The words of the pop-ups.',
      rationale: 'Only their titles are known.',
      parameter: 'informationTabTimeout',
      checks: ['the agent sees the pop-up "*"'],
    },
  ],
  readings: [],
  labels: [],
  sourceText: 'When the agent logs back in, they will receive a "Session in Progress" pop-up',
};

const step = (keyword: string, text: string): StepDoc => ({
  keyword,
  text,
  hook: false,
  fromBackground: false,
  status: 'passed',
  milliseconds: 0,
  error: null,
  docString: null,
  dataTable: null,
});

const scenario = (tags: string[], steps: StepDoc[]): ScenarioDoc => ({
  kind: 'scenario',
  name: 's',
  keyword: 'Scenario',
  description: '',
  anchor: 's',
  line: 1,
  tags,
  claimIds: [],
  knownDefect: false,
  inferred: false,
  status: 'passed',
  milliseconds: 0,
  steps,
  trace: { parameters: { informationTabTimeout: 60 }, events: [] },
  endState: null,
  plan: null,
  queries: [],
  startedAt: null,
  worker: null,
});

test('only Then lines and the And/But lines after them are marked', () => {
  const s = scenario(
    ['@APP-R1'],
    [
      step('Given', 'the Application server fails'),
      step('And', 'the Application server is restored'),
      step('When', 'JDoe logs back in'),
      step('Then', 'the agent sees the pop-up "Session in Progress"'),
      step('And', 'the chat list is empty'),
    ],
  );
  deepStrictEqual(
    evidenceOf(s, register).map((e) => e?.kind ?? null),
    [null, null, null, 'source', 'unclassified'],
  );
});

test('a line from the source quotes the claim; an assumed one gives its reason and parameter value', () => {
  const s = scenario(
    ['@APP-R1', '@assumed-popup-wording'],
    [step('Then', 'the agent sees the pop-up "Session in Progress"'), step('And', 'the agent sees the pop-up "Oops"')],
  );
  const [source, assumed] = evidenceOf(s, register).map((e) => evidenceMark(e!, s));
  match(source!, /From the source/);
  match(
    source!,
    /they will receive a &quot;Session in Progress&quot; pop-up|they will receive a "Session in Progress" pop-up/,
  );
  match(assumed!, /Assumed/);
  match(assumed!, /Why: Only their titles are known\./);
  match(assumed!, /parameter informationTabTimeout = 60 s in this run/);
});

test('a claim tag the scenario does not carry does not make its line evidence', () => {
  const s = scenario(['@assumed-popup-wording'], [step('Then', 'the agent sees the pop-up "Session in Progress"')]);
  const [evidence] = evidenceOf(s, register);
  ok(evidence?.kind === 'assumed');
});
