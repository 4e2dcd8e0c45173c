import { test } from 'node:test';
import { deepStrictEqual, equal, match } from 'node:assert/strict';
import type { Action } from '../../../model/actions';
import { feature, prettyGherkin, scenario } from '../../../plans/gherkin';
import { planFromSearch, planToSearch, playgroundHref } from '../../../plans/url';

const plan: Action[] = [
  { type: 'agent-logs-in', agent: 'JDoe' },
  { type: 'customer-starts-chat', question: 'Help <me> & {you} "now"?' },
  { type: 'fail', server: 'Messaging' },
  { type: 'wait', seconds: 60 },
];

test('a plan survives a round trip through a link, hostile text included', () => {
  deepStrictEqual(planFromSearch(planToSearch(plan)), { plan, problems: [] });
  deepStrictEqual(planFromSearch(new URL(playgroundHref(plan, '/kb/'), 'http://localhost').search), {
    plan,
    problems: [],
  });
  match(playgroundHref(plan, '/kb/'), /^\/kb\/playground\/\?step=/);
  equal(planToSearch([]), '');
});

test('a broken link keeps every step it could read and names each it could not', () => {
  const search =
    planToSearch(plan) + '&step=%7Bbroken&step=' + encodeURIComponent('{"type":"fail","server":"Mail"}') + '&seed=3';
  const read = planFromSearch(search);
  deepStrictEqual(read.plan, plan);
  equal(read.problems.length, 3);
  match(read.problems[0]!, /step 5: not valid JSON/);
  match(read.problems[1]!, /step 6: "server" must be/);
  match(read.problems[2]!, /unknown parameter "seed"/);
});

test('a lone surrogate in a link, raw or as a JSON escape, is refused by step and field; the rest exports as Gherkin', () => {
  // As a JSON escape ("\ud800" survives percent-encoding) and raw (a browser sends it as U+FFFD's bytes).
  const lone = JSON.stringify({ type: 'customer-sends', text: 'a\ud800b' });
  equal(lone.includes('\\ud800'), true);
  const search = `${planToSearch(plan)}&step=${encodeURIComponent(lone)}&step=%ED%A0%80`;
  const read = planFromSearch(search);
  deepStrictEqual(read.plan, plan);
  equal(read.problems.length, 2);
  match(read.problems[0]!, /^link, step 5: "text" holds a line break, a control character or an invisible one/);
  match(read.problems[1]!, /^link, step 6: /);
  match(prettyGherkin(feature('Exported', 'From a link.', [scenario(read.plan, { name: 'From a link' })])), /Feature:/);
});
