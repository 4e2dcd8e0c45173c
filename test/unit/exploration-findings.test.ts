/**
 * What the invariants and laws features read of the exploration, as plain data from its worker thread: each
 * broken property once with its counterexample written out, and the plugin that runs those features last.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { explore } from '../../exploration/explore';
import { findingsOf } from '../../exploration/findings';
import { customerToldSessionLost } from '../../exploration/laws/customer-told-session-lost';
import { brokenDeployment } from './exploration-broken-model';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('../../steps/support/exploration_plugin.js') as {
  type: string;
  exploringLast(pickles: readonly { pickle: { name: string; tags: { name: string }[] } }[]): unknown[] | null;
};

test('the findings of a broken model name each broken property once, with its counterexample written out', () => {
  const findings = findingsOf(explore({ seed: 1, runs: 30 }, brokenDeployment));
  const ids = findings.broken.map((b) => b.id);
  strictEqual(new Set(ids).size, ids.length, `each property once: ${ids.join(', ')}`);
  const law = findings.broken.find((b) => b.id === customerToldSessionLost.id);
  ok(law, `the broken rule's law is among them: ${ids.join(', ')}`);
  match(law.counterexample, /Model before step \d+:/);
  ok(findings.stateSpace.broken.some((b) => b.id === customerToldSessionLost.id));
  match(findings.stateSpace.broken[0]!.counterexample, /shortest/i);
  // Plain data: what crosses the worker thread's boundary is what the steps read.
  deepStrictEqual(structuredClone(findings), findings);
});

test('the plugin runs the scenarios that read the exploration last, and leaves a run without them alone', () => {
  const pickle = (name: string, ...tags: string[]) => ({ pickle: { name, tags: tags.map((t) => ({ name: t })) } });
  strictEqual(plugin.type, 'plugin');
  const run = [pickle('a', '@invariants'), pickle('b'), pickle('c', '@x', '@invariants'), pickle('d', '@inferred')];
  deepStrictEqual(
    plugin.exploringLast(run)!.map((p) => (p as { pickle: { name: string } }).pickle.name),
    ['b', 'd', 'a', 'c'],
  );
  strictEqual(plugin.exploringLast([pickle('b'), pickle('d', '@inferred')]), null);
});
