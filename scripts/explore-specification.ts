/**
 * `npm run test:explore`, a phase of npm test: the exploration the living specification reports (the exhaustive
 * phase, the fixed-seed random phase, the order sensitivity and the state space of the test bounds), run once and
 * written to reports/exploration.json with the digest of its sources (exploration/findings.ts), for the invariants
 * and laws features to read instead of exploring inside the cucumber run. Prints what it checked; exits with 1,
 * printing the counterexamples, if any invariant or law broke (the features fail on them too).
 */
import { mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { explore } from '../exploration/explore';
import { FINDINGS_FILE, findingsOf, writeFindings } from '../exploration/findings';

const started = process.hrtime.bigint();
const findings = findingsOf(explore());
mkdirSync(dirname(FINDINGS_FILE), { recursive: true });
writeFindings(findings);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const { exhaustive, random, stateSpace } = findings.report;
console.log(
  `exhaustive phase: ${exhaustive.orderingsChecked} orderings, ${exhaustive.prefixesChecked} prefixes, ${exhaustive.serverStatesVisited} server states (${exhaustive.milliseconds} ms)`,
);
console.log(`random phase: ${random.runs} plans, ${random.stepsExecuted} steps, seed ${random.seed}`);
if (stateSpace) {
  console.log(
    `state space of the test bounds: ${stateSpace.distinctStates} states, ${stateSpace.transitions} transitions (${stateSpace.milliseconds} ms)`,
  );
}
console.log(`wrote ${relative(process.cwd(), FINDINGS_FILE)} in ${Math.round(ms)} ms`);
const counterexamples = [
  ...Object.values(findings.broken),
  ...(findings.crash ? [findings.crash] : []),
  ...findings.stateSpaceBroken.map((b) => b.counterexample),
];
if (counterexamples.length) {
  console.log(`\n${counterexamples.join('\n\n')}`);
  process.exit(1);
}
