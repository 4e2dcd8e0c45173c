/** The failure-ordering exploration: its findings, reading what it found, and checking a plan's invariants. */
import { Then, When, type World } from '@cucumber/cucumber';
import { explain, formatCounterexample, checkPlan } from '../exploration/counterexample';
import { findingsOf, readFreshFindings, type Findings } from '../exploration/findings';
import { INVARIANT_LIST } from '../exploration/invariants';
import { EXPLORATION_MEDIA_TYPE } from '../model/media-types';
import { factoryLike } from '../plans/interpreter';
import { ScenarioResults, named } from './support/found';
import type { DeploymentWorld } from './support/world';

/**
 * One exploration per cucumber run: every scenario of the invariants and laws features reads the same findings, and
 * an exploration that could not be made fails every scenario that asks with the same error instead of running again.
 */
let shared: { findings: Findings; how: string } | { error: unknown } | undefined;
const explored = new ScenarioResults<Findings>('No exploration ran');
const results = (world: World): Findings => explored.get(world);
const invariantNamed = (name: string) => named(INVARIANT_LIST, name, 'invariant');

/**
 * The run's one exploration (both phases and the state space): the findings npm test's exploration phase wrote
 * from the sources as they are now (exploration/findings.ts), or else explored here, by the first scenario that asks.
 * The explorer is loaded only then: it brings fast-check and the state-space search, some 70 ms of CPU at the start
 * of every run that reads the findings instead (issue 25's ratio, docs/engineering/testing.md).
 */
export async function runExploration(): Promise<Findings> {
  if (!shared) {
    try {
      const fresh = readFreshFindings();
      shared = fresh.findings
        ? { findings: fresh.findings, how: fresh.why }
        : {
            findings: findingsOf((await import('../exploration/explore')).explore()),
            how: `explored in this run (${fresh.why})`,
          };
    } catch (error) {
      shared = { error };
    }
  }
  if ('error' in shared) throw shared.error;
  return shared.findings;
}

When('every failure ordering is explored, and plans at random with the fixed seed', async function (this: World) {
  explored.set(this, await runExploration());
});

Then(
  'all {int} orderings and all {int} server states were checked',
  function (this: World, orderings: number, states: number) {
    const { exhaustive } = results(this).report;
    if (exhaustive.orderingsChecked !== orderings || exhaustive.orderingsTotal !== orderings) {
      throw new Error(
        `The exhaustive phase checked ${exhaustive.orderingsChecked} of ${exhaustive.orderingsTotal} orderings`,
      );
    }
    if (exhaustive.serverStatesVisited !== states) {
      throw new Error(`The exhaustive phase visited ${exhaustive.serverStatesVisited} of ${states} server states`);
    }
  },
);

// Timing is reported, never asserted: these machines are shared and noisy. `npm run bench` compares the
// exhaustive phase's time with its 2-second target.
Then('the time the exhaustive phase took is reported', function (this: World) {
  const { milliseconds, stepsExecuted } = results(this).report.exhaustive;
  this.log(`The exhaustive phase took ${milliseconds} ms for ${stepsExecuted} steps (target: under 2 s).`);
});

Then('the statistics are attached to the run', function (this: World) {
  if (shared && 'how' in shared) this.log(`The exploration's findings: ${shared.how}.`);
  this.attach(JSON.stringify(results(this).report), EXPLORATION_MEDIA_TYPE);
});

Then('no plan breaks the invariant {string}', function (this: World, name: string) {
  const invariant = invariantNamed(name);
  const { broken, crash } = results(this);
  if (broken[invariant.id]) throw new Error(broken[invariant.id]);
  if (crash) throw new Error(crash);
});

Then('its one expected exception is {string}', function (this: World, name: string) {
  const invariant = INVARIANT_LIST.find((i) => i.expectedException?.name === name);
  if (!invariant) throw new Error(`No invariant names "${name}" as its expected exception`);
  if (results(this).knownDefectPlans === 0) throw new Error(`No explored plan met "${name}"`);
});

// A law or an invariant that never meets its case within the explored bounds holds only vacuously: the bounds
// or the law need changing (exploration/witnesses.ts).
Then("every law's premise and every invariant's case came up in some explored plan", function (this: World) {
  const missing = results(this).unwitnessed;
  if (missing.length)
    throw new Error(`Held only vacuously within the bounds npm test explores:\n${missing.join('\n')}`);
});

Then('the order of the failures changes what people see for no set of servers', function (this: World) {
  const sensitive = results(this).report.orderSensitivity.filter((o) => o.orderMatters);
  if (sensitive.length) {
    throw new Error(
      sensitive
        .map(
          (o) =>
            `${o.servers.join(', ')}: ${o.groups.map((g) => g.map((order) => order.join(' then ')).join(' / ')).join(' differ from ')}`,
        )
        .join('\n'),
    );
  }
});

Then('every invariant holds', function (this: DeploymentWorld) {
  const factory = factoryLike(this.deployment);
  const violation = checkPlan(this.plan, factory);
  if (violation) throw new Error(formatCounterexample(explain(violation, { factory, shrink: false })));
});
