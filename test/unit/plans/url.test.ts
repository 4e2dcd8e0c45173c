import { test } from 'node:test';
import { deepStrictEqual, equal, match } from 'node:assert/strict';
import type { Action } from '../../../model/actions';
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
