/**
 * The deployment's copy (model/copy.ts, behind `Deployment.clone()`): equal to `structuredClone`, key order
 * included, on random plain values and on every state the explorer reaches within the test bounds, and sharing
 * no object or array with what it copied.
 */
import { test } from 'node:test';
import { deepStrictEqual, notStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import fc from 'fast-check';
import { copyPlain } from '../../model/copy';
import { Deployment } from '../../model/deployment';
import { newPremiseCounts } from '../../exploration/laws';
import { DeploymentSpace } from '../../exploration/state-space/deployment-space';
import { BehaviourLedger } from '../../exploration/state-space/ledger';
import { SPECIFICATION_BOUNDS } from '../../exploration/state-space/report';
import { search } from '../../exploration/state-space/search';

/** Fails if any object or array of `copy` is also one of `original`'s. */
function sharesNothing(original: unknown, copy: unknown): void {
  const originals = new Set<unknown>();
  const collect = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    originals.add(value);
    for (const item of value instanceof Map ? value.values() : value instanceof Set ? value : Object.values(value))
      collect(item);
  };
  collect(original);
  const check = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null) return;
    ok(!originals.has(value), `${path} is shared with the original`);
    if (value instanceof Map || value instanceof Set) {
      let i = 0;
      for (const item of value.values()) check(item, `${path}<${i++}>`);
      return;
    }
    for (const [key, item] of Object.entries(value)) check(item, `${path}.${key}`);
  };
  check(copy, 'copy');
}

function sameAsStructuredClone(value: unknown): void {
  const copy = copyPlain(value);
  deepStrictEqual(copy, structuredClone(value));
  strictEqual(JSON.stringify(copy), JSON.stringify(value)); // the same key order, which the encoding walks
  sharesNothing(value, copy);
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
  fc.assert(fc.property(plain, sameAsStructuredClone), { numRuns: 500, seed: 20110712 });
});

test('a copy of every state within the test bounds equals structuredClone and shares nothing with it', () => {
  const space = new DeploymentSpace(SPECIFICATION_BOUNDS[0]!, new BehaviourLedger(), newPremiseCounts());
  let states = 0;
  search(space, {
    onState: (node) => {
      sameAsStructuredClone(node.deployment.inspect());
      states++;
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
