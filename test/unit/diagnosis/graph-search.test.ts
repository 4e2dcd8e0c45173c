/**
 * The diagnosis index's own search (diagnosis/graph-search.ts: the deployments once, then the failure histories
 * along their transitions) against the plain reference it replaced (diagnosis/space.ts: the explorer's space and
 * search, every invariant and law checked, with the failure history in each state's key): over bounds that try
 * every kind of the action table, both build the same index, entry for entry and plan for plan.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegister } from '../../../features/claims-register';
import { buildDiagnosisIndex } from '../../../diagnosis/build-index';
import { DEFINITIONS } from '../../../model/actions';
import { setupOf } from '../../../exploration/state-space/bounds';
import { EVERY_KIND } from '../../support/every-kind-bounds';

test('the bounds try every kind of the action table', () => {
  for (const definition of DEFINITIONS) {
    const budget = definition.tries.budget;
    const count = budget && (EVERY_KIND as unknown as Record<string, unknown>)[budget.count];
    ok(!budget || (typeof count === 'number' ? count : budget.otherwise) > 0, `${definition.type} is never tried`);
  }
  ok(setupOf(EVERY_KIND).some((step) => step.type === 'server-joins'));
});

test("the index's own search builds the reference's index, over every kind of the action table", () => {
  const register = loadRegister();
  const features = [{ name: 'f', text: 'Feature: f\n' }];
  const fast = buildDiagnosisIndex({ bounds: EVERY_KIND, register, features });
  const reference = buildDiagnosisIndex({ bounds: EVERY_KIND, register, features, space: 'reference' });
  ok(fast.entries.length > 100, `${fast.entries.length} entries`);
  const kinds = new Set(fast.actions.map((action) => action.type));
  ok(kinds.size >= 8, `plans use ${[...kinds].join(', ')}`);
  // The reference also tells states apart by its checkers' memory, which changes nothing the index keeps.
  ok(reference.explored.states >= fast.explored.states);
  deepStrictEqual({ ...fast, explored: null }, { ...reference, explored: null });
  strictEqual(new Set(fast.actions.map((a) => JSON.stringify(a))).size, fast.actions.length, 'each action once');
});
