/**
 * Witnesses (exploration/witnesses.ts): a law whose premise never holds, or an invariant whose case never comes
 * up, within the explored bounds is named, and the invariants feature then fails npm test. Shown here with a
 * deliberately vacuous law (a premise no state meets) beside the counts of a real exploration, and with the
 * invariants' own counts from that exploration.
 */
import { deepStrictEqual, ok } from 'node:assert/strict';
import { test } from 'node:test';
import { INVARIANT_MODULES } from '../../../exploration/invariants';
import { LAWS } from '../../../exploration/laws';
import { law, NOT_APPLICABLE } from '../../../exploration/laws/law';
import { TWO_APPLICATION_TEST_BOUNDS } from '../../../exploration/state-space/bounds';
import { exploreStateSpace } from '../../../exploration/state-space/explorer';
import { unwitnessed } from '../../../exploration/witnesses';

const counts = exploreStateSpace({ bounds: TWO_APPLICATION_TEST_BOUNDS }).premises;

/** A law about a server no deployment has: its premise can never hold. */
const vacuous = law({
  id: 'vacuous-on-purpose',
  claims: ['NO-SUCH-CLAIM'],
  name: 'A law whose premise never holds',
  premise: 'the Fax server is down',
  conclusion: 'the customer sees a fax',
  check: (step) => (step.after.down.has('Fax') ? 'a fax server failed' : NOT_APPLICABLE),
});

test('a law whose premise never held is named, with the claim only it checks', () => {
  deepStrictEqual(unwitnessed(counts, [vacuous], []), [
    'law "A law whose premise never holds" (law:vacuous-on-purpose): its premise never held (the Fax server is down)',
    'claim NO-SUCH-CLAIM: none of the laws that check it saw their premise hold',
  ]);
});

test('a law whose premise held in the exploration is not named, nor are its claims', () => {
  const held = LAWS.filter((l) => (counts[l.id] ?? 0) > 0);
  ok(held.length > 0, 'some law held its premise in the two-Application bounds');
  deepStrictEqual(unwitnessed(counts, held, []), []);
  // The vacuous law beside them is still named: the others' premises do not witness it.
  deepStrictEqual(unwitnessed(counts, [...held, vacuous], []).length, 2);
});

test("the invariants' cases are counted by the checker as the exploration runs", () => {
  const seen = INVARIANT_MODULES.filter((i) => (counts[i.id] ?? 0) > 0).map((i) => i.id);
  ok(seen.includes('noSilentLoss'), `witnessed: ${seen.join(', ')}`);
  ok(seen.includes('workOnlyWhenAble'), `witnessed: ${seen.join(', ')}`);
  // One the checker never saw is named with its case.
  const unseen = INVARIANT_MODULES.filter((i) => !seen.includes(i.id));
  deepStrictEqual(
    unwitnessed(counts, [], unseen),
    unseen.map((i) => `invariant "${i.name}": its case never came up (${i.witness})`),
  );
});
