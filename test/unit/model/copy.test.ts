/**
 * The deployment's copy (model/copy.ts, behind `Deployment.clone()`): equal to `structuredClone`, key order
 * and objects reached twice included, on random plain values and on the states the explorer reaches with two
 * Application servers at the test bounds, and sharing no object or array with what it copied.
 */
import { test } from 'node:test';
import { deepStrictEqual, notStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import fc from 'fast-check';
import { copyPlain } from '../../../model/copy';
import { Deployment } from '../../../model/deployment';
import { newPremiseCounts } from '../../../exploration/laws';
import { DeploymentSpace } from '../../../exploration/state-space/deployment-space';
import { BehaviourLedger } from '../../../exploration/state-space/ledger';
import { TWO_APPLICATION_TEST_BOUNDS } from '../../../exploration/state-space/bounds';
import { search } from '../../../exploration/state-space/search';

/** Fails if any object or array of `copy` is also one of `original`'s, unless it is frozen all the way down. */
function sharesNothing(original: unknown, copy: unknown): void {
  const originals = new Set<unknown>();
  const collect = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || originals.has(value)) return;
    originals.add(value);
    for (const item of value instanceof Map ? value.values() : value instanceof Set ? value : Object.values(value))
      collect(item);
  };
  collect(original);
  const checked = new Set<unknown>();
  const check = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null || checked.has(value)) return;
    checked.add(value);
    ok(!originals.has(value) || deeplyFrozen(value), `${path} is shared with the original`);
    if (value instanceof Map || value instanceof Set) {
      let i = 0;
      for (const item of value.values()) check(item, `${path}<${i++}>`);
      return;
    }
    for (const [key, item] of Object.entries(value)) check(item, `${path}.${key}`);
  };
  check(copy, 'copy');
}

function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return (
    Object.isFrozen(value) &&
    !(value instanceof Map || value instanceof Set) &&
    Object.values(value).every(deeplyFrozen)
  );
}

/**
 * Fails unless an object reached twice in `original` is reached twice in `copy`, and only then (as
 * structuredClone does), and unless every object's keys come in the same order (which the encoding walks).
 */
function sameAliasing(original: unknown, copy: unknown): void {
  const copyOf = new Map<unknown, unknown>();
  const copies = new Set<unknown>();
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a !== 'object' || a === null) return;
    if (copyOf.has(a)) {
      strictEqual(copyOf.get(a), b, `${path} is one object twice in the original but not in the copy`);
      return;
    }
    ok(!copies.has(b), `${path} is one object twice in the copy but not in the original`);
    copyOf.set(a, b);
    copies.add(b);
    if (a instanceof Map) {
      const bs = [...(b as Map<unknown, unknown>).entries()];
      [...a.entries()].forEach(([k, v], i) => {
        walk(k, bs[i]![0], `${path}<key ${i}>`);
        walk(v, bs[i]![1], `${path}<${i}>`);
      });
    } else if (a instanceof Set) {
      const bs = [...(b as Set<unknown>)];
      [...a].forEach((v, i) => walk(v, bs[i], `${path}<${i}>`));
    } else {
      deepStrictEqual(Object.keys(b as object), Object.keys(a), `${path}'s keys`);
      for (const key of Object.keys(a)) walk((a as never)[key], (b as never)[key], `${path}.${key}`);
    }
  };
  walk(original, copy, 'copy');
}

function sameAsStructuredClone(value: unknown): void {
  const copy = copyPlain(value);
  deepStrictEqual(copy, structuredClone(value));
  sharesNothing(value, copy);
  sameAliasing(value, copy);
}

const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string(), fc.nat({ max: 2000 }).map(String)), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => new Set(items)),
    fc.array(fc.tuple(fc.string(), tie('value')), { maxLength: 3 }).map((pairs) => new Map(pairs)),
  ),
})).value;

test('a copy of random plain data equals structuredClone and shares nothing with it', () => {
  fc.assert(fc.property(plain, sameAsStructuredClone), { numRuns: 300, seed: 20110712 });
  // Objects reached twice, as a chat line is from the session's transcript and from the window, and cycles.
  fc.assert(
    fc.property(
      fc.array(plain, { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (parts, picks) => {
        const shared = { parts, again: picks.map((i) => parts[i % parts.length]), self: null as unknown };
        shared.self = { back: shared };
        sameAsStructuredClone(shared);
      },
    ),
    { numRuns: 200, seed: 20110712 },
  );
});

test('a copy of every other state within the two-Application test bounds equals structuredClone and shares nothing with it', () => {
  const space = new DeploymentSpace(TWO_APPLICATION_TEST_BOUNDS, new BehaviourLedger(), newPremiseCounts());
  let states = 0;
  search(space, {
    onState: (node) => {
      if (states++ % 2 === 0) sameAsStructuredClone(node.deployment.inspect());
    },
  });
  ok(states > 500, `only ${states} states`);
});

test('a cloned deployment goes its own way', () => {
  const deployment = new Deployment();
  deployment.apply({ type: 'customer-starts-chat', question: 'Hello?' });
  const copy = deployment.clone();
  notStrictEqual(copy.inspect(), deployment.inspect());
  copy.apply({ type: 'fail', server: 'Application' });
  strictEqual(deployment.isUp('Application'), true);
  strictEqual(copy.isUp('Application'), false);
  ok(copy.trace.length > deployment.trace.length, 'the copy records its own trace');
});

test('what is frozen all the way down is shared; what is frozen only on top is copied', () => {
  const table = Object.freeze([Object.freeze({ user_id: 1002, user_name: 'JDoe' })]);
  const shallow = Object.freeze([{ user_id: 1003 }]);
  const copy = copyPlain({ table, shallow });
  strictEqual(copy.table, table);
  notStrictEqual(copy.shallow, shallow);
  notStrictEqual(copy.shallow[0], shallow[0]);
  deepStrictEqual(copy, structuredClone({ table, shallow }));
  // Frozen objects that hold something mutable further down are copied, every part of them.
  const open: { back?: unknown; note: { text: string } } = { note: { text: 'mutable' } };
  const ring = Object.freeze({ next: Object.freeze({ ring: null as unknown, open }) });
  Object.freeze(open);
  const again = copyPlain({ ring });
  notStrictEqual(again.ring, ring);
  notStrictEqual(again.ring.next.open.note, open.note);
});

test('anything but plain data is refused', () => {
  class Row {
    id = 1;
  }
  throws(() => copyPlain({ rows: [new Row()] }), /plain data only, not a Row/);
  deepStrictEqual(copyPlain({ constructor: 'a key like any other' }), { constructor: 'a key like any other' });
  const own = JSON.parse('{"__proto__": {"polluted": true}}') as object;
  const copy = copyPlain(own);
  strictEqual(Object.getPrototypeOf(copy), Object.prototype);
  deepStrictEqual(Object.keys(copy), ['__proto__']);
});
