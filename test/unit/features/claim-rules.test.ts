/**
 * A source mark is true by value: each class of mislabelled line the audit of issue 21 found is fed to the
 * classification, and each is refused the source's mark, with why; the same line labelled as the source shows
 * it is marked. Where the register no longer has the pattern that let the line through, the test gives the
 * register back that pattern, as it was, to show the rule (not the data) refuses it.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, throws } from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLAIMS_FILE,
  classifyLine,
  loadRegister,
  type Evidence,
  type Register,
  type ScenarioStep,
} from '../../../features/claims-register';

const register = loadRegister();

/** The register with `check` added back to claim `id`'s checks. */
function withCheck(id: string, check: string): Register {
  return {
    ...register,
    claims: register.claims.map((c) => (c.id === id ? { ...c, checks: [...c.checks, check] } : c)),
  };
}

const given = (text: string): ScenarioStep => ({ outcome: false, text });
const then = (text: string): ScenarioStep => ({ outcome: true, text });

/** The evidence of the last step of `steps`. */
const lastLine = (reg: Register, tags: string[], steps: ScenarioStep[]): Evidence =>
  classifyLine(reg, tags, steps, steps.length - 1);

function refused(evidence: Evidence, why: RegExp): void {
  ok(evidence.kind !== 'source', `the line was marked as the source's: ${JSON.stringify(evidence)}`);
  ok(
    evidence.refused.some((reason) => why.test(reason)),
    `no refusal matches ${why}: ${evidence.refused.join('; ')}`,
  );
}

const RETRY = '[The following message could not be delivered. Try to send it again.]';

test('an absence the claim’s sentence does not state is not the source’s (application_server.feature:20, :42)', () => {
  const reg = withCheck('APP-F1', `the customer's window does not show "${RETRY}"`);
  const steps = [
    given('the Application server fails'),
    given('the customer sends "Are you still there?"'),
    given('the Application server is restored'),
    then(`the customer's window does not show "${RETRY}"`),
  ];
  refused(lastLine(reg, ['@APP-F1'], steps), /asserts an absence the sentence .* does not state/);
  // Under the assumption that says it, the same line is assumed.
  const assumed = lastLine(reg, ['@APP-F1', '@assumed-lost-message-told-on-return'], steps);
  deepStrictEqual(assumed.kind, 'assumed');
});

test('the session-lost notice before the restoration is not the source’s: the source’s order puts it after (messaging_and_application_servers.feature:15-19, all_three_servers.feature:110-115)', () => {
  const line = then('the customer is told the session was lost and asked to start a new chat');
  const failed = given('the Messaging and Application servers fail');
  refused(lastLine(register, ['@MA-F1'], [failed, given('the customer sends "Hello?"'), line]), /only after one of/);
  refused(
    lastLine(register, ['@ALL-F1'], [given('the Messaging, Application and Services servers fail'), line]),
    /only after one of/,
  );
  const restored = given('the Messaging and Application servers are restored');
  deepStrictEqual(lastLine(register, ['@MA-F1'], [failed, restored, line]).kind, 'source');
});

test('the model’s refusal sentence does not stand for the source’s behaviour (services_server.feature:75, :82, :106)', () => {
  const reason =
    'the agent console cannot handle other activities since the Services server failed; the agent must log out and back in';
  const reg = withCheck('SVC-F4', 'it is refused because "*"');
  const steps = [
    given('the Services server fails'),
    given('the agent tries to take the next activity'),
    then(`it is refused because "${reason}"`),
  ];
  refused(lastLine(reg, ['@SVC-F4'], steps), /the value ".*" is not in the source/);
  deepStrictEqual(lastLine(reg, ['@SVC-F4', '@assumed-refusals'], steps).kind, 'assumed');
  // The behaviour itself is the source's.
  deepStrictEqual(lastLine(reg, ['@SVC-F4'], [...steps.slice(0, 2), then('it is refused')]).kind, 'source');
});

test('a restoration the source does not show is not the source’s (services_server.feature:100-124)', () => {
  const afterwards = [
    given('the Services server fails'),
    given('the agent completes the chat'),
    given('the Services server is restored'),
    given('DMarino logs out'),
    given('DMarino logs back in'),
    then('the agent can handle other activities'),
  ];
  refused(lastLine(register, ['@SVC-R2'], afterwards), /only after these steps, in order/);
  const asShown = [afterwards[0]!, afterwards[1]!, afterwards[3]!, afterwards[2]!, afterwards[4]!, afterwards[5]!];
  deepStrictEqual(lastLine(register, ['@SVC-R2'], asShown).kind, 'source');
});

test('a check that matches any line is refused when the register is read (failure-orderings, model-invariants)', () => {
  const data = JSON.parse(readFileSync(CLAIMS_FILE, 'utf8')) as { assumptions: { id: string; checks: string[] }[] };
  data.assumptions.find((a) => a.id === 'failure-orderings')!.checks.push('*');
  const file = join(mkdtempSync(join(tmpdir(), 'claims-')), 'claims.json');
  writeFileSync(file, JSON.stringify(data));
  throws(
    () => loadRegister(file),
    (error: Error) => {
      match(error.message, /assumption \d+ \(failure-orderings\): check "\*" matches any line/);
      ok(!error.message.includes('\n'), 'one line');
      return true;
    },
  );
});

test('a facet a "similar to" claim says differs does not mark the line as the source’s', () => {
  const steps = [
    given('the Messaging server fails'),
    given('5 minutes pass'),
    then('the customer is told about connection issues'),
  ];
  deepStrictEqual(lastLine(register, ['@MSG-F1'], steps).kind, 'unclassified');
  const same = [given('the Messaging and Application servers fail'), ...steps.slice(1)];
  deepStrictEqual(lastLine(register, ['@MA-F1'], same).kind, 'source');
});

test('a value the source does not have is not the source’s, unless the register reads it from the source', () => {
  const shows = (icon: string) => [
    given('the Messaging server fails'),
    {
      outcome: true,
      text: 'the chat list shows:',
      dataTable: [
        ['Chat status', 'Icon'],
        ['Waiting for customer to reply', icon],
      ],
    },
  ];
  deepStrictEqual(lastLine(register, ['@MSG-F3'], shows('yellow triangle')).kind, 'source');
  refused(lastLine(register, ['@MSG-F3'], shows('blue hexagon')), /the cell "blue hexagon" is not in the source/);
});
