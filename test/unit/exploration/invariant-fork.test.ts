/**
 * The invariant checker's fork shares each invariant's memory with the checker it came from (immutable values)
 * (exploration/invariants/), and keeps its read cursors by position (exploration/invariants/read-cursors.ts). Over the
 * random phase's plans, forks taken every few steps follow a side plan of their own while the plan carries on:
 * after every step, each checker's memory must be what a checker that ran the same steps from the start holds.
 * A change that leaked from a fork into its parent (or back), or a cursor left on the wrong screen, differs here.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import type { Action } from '../../../model/actions';
import type { Deployment } from '../../../model/deployment';
import { customerWrites, toggleServer } from '../../../exploration/scripted';
import { InvariantChecker, InvariantViolation } from '../../../exploration/invariants';
import { newDeployment, PlanRunner } from '../../../plans/interpreter';
import { brokenDeployment } from '../../support/exploration-broken-model';
import { alongRandomPlans } from '../../support/random-plans';

/** A memory value as plain data: sets sorted, maps as entries, read cursors as their numbers. */
function plain(value: unknown): unknown {
  if (value instanceof Set) return [...(value as Set<number | string>)].sort();
  if (value instanceof Map) return [...(value as Map<unknown, unknown>)].map(([k, v]) => [k, plain(v)]);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'owners');
    return Object.fromEntries(fields.map(([key, v]) => [key, plain(v)]));
  }
  return value;
}

/** Everything the checker remembers, as plain data: each invariant's memory and the plan so far. */
function memoryOf(checker: InvariantChecker): unknown {
  const plan = (checker as unknown as { plan: Action[] }).plan;
  return {
    knownDefectSteps: checker.knownDefectSteps,
    plan: plan.map((a) => JSON.stringify(a)),
    memory: plain(checker.memory()),
  };
}

/** The memory after `step`, or the violation it threw (the broken model breaks invariants). */
function after(step: () => InvariantChecker): unknown {
  try {
    return memoryOf(step());
  } catch (error) {
    if (error instanceof InvariantViolation) return `violation: ${error.message}`;
    throw error;
  }
}

function fromScratch(plan: readonly Action[], factory: typeof newDeployment): unknown {
  return after(() => {
    const checker = new InvariantChecker();
    new PlanRunner(factory({ recordTrace: false }), checker).run(plan);
    return checker;
  });
}

/** A side plan for a fork: a few steps that differ from the plan's, each taken only if the model accepts it. */
function sideSteps(deployment: Deployment, n: number): Action[] {
  const pick = (i: number): Action => {
    const state = deployment.inspect();
    switch (i % 5) {
      case 0:
        return toggleServer(state, n + i);
      case 1:
        return customerWrites(state, n + i, i);
      case 2:
        return { type: 'wait', seconds: 200 };
      case 3:
        return { type: 'agent-logs-in', agent: 'JDoe' };
      default:
        return { type: 'agent-completes-chat' };
    }
  };
  const taken: Action[] = [];
  for (let i = 0; i < 4; i++) {
    const action = pick(i);
    if (deployment.rejection(action) === null) taken.push(action);
  }
  return taken;
}

function checkForksAlong(factory: typeof newDeployment): number {
  let compared = 0;
  alongRandomPlans(25, () => {
    const checker = new InvariantChecker();
    const runner = new PlanRunner(factory({ recordTrace: false }), checker);
    let forks: { checker: InvariantChecker; deployment: Deployment; plan: Action[] }[] = [];
    let broken = false;
    return {
      deployment: () => runner.deployment,
      step(action: Action) {
        if (broken) return; // the plan broke an invariant: nothing more to compare in it
        const plan = [...runner.plan, action];
        const main = after(() => (runner.step(action), checker));
        deepStrictEqual(main, fromScratch(plan, factory));
        compared++;
        if (typeof main === 'string') {
          broken = true;
          return;
        }
        if (plan.length % 6 === 0) {
          const deployment = runner.deployment.clone();
          const fork = checker.fork(runner.deployment.inspect(), deployment.inspect());
          forks.push({ checker: fork, deployment, plan: [...plan] });
        }
        // Every fork takes a step of its side plan while the plan takes its own.
        for (const fork of forks) {
          const [side] = sideSteps(fork.deployment, fork.plan.length);
          if (side === undefined) continue;
          fork.deployment.apply(side);
          fork.plan.push(side);
          const memory = after(
            () => (fork.checker.afterStep(fork.plan.length - 1, side, [], fork.deployment), fork.checker),
          );
          deepStrictEqual(memory, fromScratch(fork.plan, factory));
          compared++;
          if (typeof memory === 'string') fork.plan = [];
        }
        forks = forks.filter((fork) => fork.plan.length > 0);
      },
    };
  });
  return compared;
}

test('a fork of the invariant checker and the checker it came from each remember what they saw, and no more', () => {
  ok(checkForksAlong(newDeployment) > 2000);
  ok(checkForksAlong(brokenDeployment) > 2000);
});
