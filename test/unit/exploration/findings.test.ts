/**
 * The exploration's findings (exploration/findings.ts), which npm test's exploration phase writes for the
 * invariants and laws features: a broken model's counterexamples are in them, printed; they are read back only
 * when made from the sources as they are now; a damaged file is an error naming it.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual, throws } from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exploreExhaustively } from '../../../exploration/exhaustive';
import { FIXED_SEED, reportOf, type ExplorationResults } from '../../../exploration/explore';
import { exploreAtRandom } from '../../../exploration/random';
import { exploreSpecificationStateSpace } from '../../../exploration/state-space/report';
import { findingsOf, readFreshFindings, sourcesDigest, writeFindings } from '../../../exploration/findings';
import { brokenDeployment } from '../../support/exploration-broken-model';

const dir = mkdtempSync(join(tmpdir(), 'findings-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The phases the findings come from, over the broken model (its order sensitivity is not asked: no invariant). */
function brokenExploration(): ExplorationResults {
  const exhaustive = exploreExhaustively(brokenDeployment);
  const random = exploreAtRandom({ seed: FIXED_SEED, runs: 20, factory: brokenDeployment });
  const stateSpace = exploreSpecificationStateSpace(brokenDeployment);
  const report = { ...reportOf(exhaustive, random, []), stateSpace: stateSpace.report };
  return { exhaustive, random, orderSensitivity: [], stateSpace, report, situations: new Set() };
}

test("a broken model's findings hold its counterexamples, printed, and the file gives them back unchanged", () => {
  const findings = findingsOf(brokenExploration());
  const broken = Object.entries(findings.broken);
  ok(broken.length > 0, 'the broken model broke no invariant');
  for (const [, text] of broken) match(text, /^Invariant broken: /);
  ok(findings.stateSpaceBroken.length > 0, 'the broken model broke nothing in the state space');
  const file = join(dir, 'broken.json');
  writeFindings(findings, file);
  deepStrictEqual(readFreshFindings(file).findings, JSON.parse(JSON.stringify(findings)));
});

test('findings made from other sources are not read', () => {
  const file = join(dir, 'stale.json');
  writeFileSync(file, JSON.stringify({ sources: 'not these', report: {}, stateSpaceBroken: [] }));
  const read = readFreshFindings(file);
  strictEqual(read.findings, undefined);
  match(read.why, /made from other sources/);
  strictEqual(readFreshFindings(join(dir, 'absent.json')).findings, undefined);
  ok(/^[0-9a-f]{64}$/.test(sourcesDigest()));
});

test('a damaged findings file is an error naming it', () => {
  const file = join(dir, 'damaged.json');
  writeFileSync(file, '{"sources": ');
  throws(() => readFreshFindings(file), /damaged\.json: not valid JSON/);
  writeFileSync(file, '[1, 2]');
  throws(() => readFreshFindings(file), /damaged\.json: not the findings npm run test:explore writes/);
});
