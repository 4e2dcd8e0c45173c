/**
 * Claims' witnesses (exploration/claim-situations.ts): the situation in which a scenario's line checks a claim must
 * be one the exploration reaches. Shown with a real exploration of the Services server's outages alone: a line
 * checked with only the Services server down is witnessed there, and a deliberately unreachable one (checked with
 * the Application server down, which those bounds never fail) is named with its claim, as the spec's hook
 * (steps/support/claim_witnesses.ts) then fails npm test.
 */
import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { test } from 'node:test';
import type { Action } from '../../../model/actions';
import { Deployment } from '../../../model/deployment';
import { PlanRunner } from '../../../plans/interpreter';
import { PREMISE } from '../../../exploration/exploration';
import {
  VisitedSituations,
  situationOf,
  unwitnessedClaims,
  type SituationLog,
} from '../../../exploration/claim-situations';
import { TEST_BOUNDS } from '../../../exploration/state-space/bounds';
import { exploreStateSpace } from '../../../exploration/state-space/explorer';

const log: SituationLog = new Set();
exploreStateSpace({ bounds: { ...TEST_BOUNDS, servers: ['Services'] }, situations: log });
const visited = new VisitedSituations(log);

const after = (...plan: Action[]) =>
  situationOf(new PlanRunner(new Deployment()).run([...PREMISE, ...plan]).deployment);

test('the exploration notes the situation of the states it visits, the servers down first', () => {
  ok(log.size > 10, `only ${log.size} situations noted`);
  ok(
    [...log].every((s) => /^down: (none|Services)( \| |$)/.test(s)),
    'a situation with another server down',
  );
  ok(
    log.has(after({ type: 'fail', server: 'Services' })),
    'the premise with the Services server down is not among them',
  );
});

test('a line checked in a situation the exploration reaches is witnessed', () => {
  const target = after({ type: 'fail', server: 'Services' });
  ok(visited.reaches(target));
  deepStrictEqual(unwitnessedClaims(['SVC-F1'], 'the agent and the customer can still chat', target, visited), []);
});

test('a line checked in a situation the exploration never reaches is named with each claim it checks', () => {
  const target = after({ type: 'fail', server: 'Application' });
  equal(visited.reaches(target), false);
  const lines = unwitnessedClaims(['APP-F4', 'ALL-F1'], 'the agent sees a pop-up error', target, visited);
  equal(lines.length, 2);
  match(lines[0]!, /^claim APP-F4: "the agent sees a pop-up error" runs in a situation that no state explored/);
  match(lines[1]!, /^claim ALL-F1: /);
  ok(lines[0]!.includes('down: Application | '), lines[0]);
});

test('a visited situation witnesses a line that shows less, with the same servers down, and no other', () => {
  const shown = 'down: Services | chat icon: green circle | pop-up: Session in Progress';
  const few = new VisitedSituations([shown]);
  ok(few.reaches('down: Services | pop-up: Session in Progress'));
  ok(few.reaches(shown));
  equal(few.reaches('down: Services | pop-up: Session in Progress | tab: Case timed out'), false);
  equal(few.reaches('down: none | pop-up: Session in Progress'), false);
  deepStrictEqual(unwitnessedClaims([], 'a line no claim marks', 'down: Web', few), []);
});
