/**
 * Turns a broken invariant into something a person can act on: the plan shrunk further (towards the fewest
 * server failures, then the fewest steps), the step at which it broke with the model's state before and after,
 * and three ways to replay it: fast-check's seed and path, the plan as JSON, and a Gherkin scenario that the
 * project's own step definitions run.
 */
import { describeAction, type Action, type Plan } from '../model/actions';
import type { DeploymentView } from '../model/views';
import { scenario } from '../plans/gherkin';
import { PlanRunner, PlanStepRejected, newDeployment, type DeploymentFactory } from '../plans/interpreter';
import { InvariantChecker, InvariantViolation } from './invariants';
import { LawMonitor, alongside } from './laws';

/** The sentence the Gherkin counterexample ends with; steps/exploration_steps.ts defines it. */
export const INVARIANTS_HOLD_STEP = 'every invariant holds';

export interface FastCheckReplay {
  readonly seed: number;
  readonly path: string;
  readonly replayPath?: string;
}

export interface Counterexample {
  readonly violation: InvariantViolation;
  readonly originalSteps: number;
  readonly before: DeploymentView;
  readonly after: DeploymentView;
  readonly fastCheck?: FastCheckReplay;
  /** Found breadth-first by the state-space explorer: no plan of fewer steps breaks any property. */
  readonly shortest?: boolean;
}

/** Runs `plan` with every invariant and law checked; returns the first violation, or null if it keeps them all. */
export function checkPlan(plan: Plan, factory: DeploymentFactory = newDeployment): InvariantViolation | null {
  const checker = new InvariantChecker();
  const runner = new PlanRunner(factory(), alongside(checker, new LawMonitor()));
  try {
    runner.run(plan);
    checker.finish(() => factory());
    return null;
  } catch (error) {
    if (error instanceof InvariantViolation) return error;
    throw error;
  }
}

/**
 * The same invariant broken by `plan` once the steps the model now refuses are dropped (removing a failure
 * makes a later "logs in" or "starts a chat" impossible, and it goes too).
 */
function stillBreaks(plan: Plan, invariantId: string, factory: DeploymentFactory): InvariantViolation | null {
  const probe = new PlanRunner(factory());
  for (const action of plan) if (probe.rejection(action) === null) probe.step(action);
  try {
    const violation = checkPlan(probe.plan, factory);
    return violation?.invariant.id === invariantId ? violation : null;
  } catch (error) {
    if (error instanceof PlanStepRejected) return null;
    throw error;
  }
}

function failures(plan: Plan): number {
  return plan.filter((action) => action.type === 'fail').length;
}

/**
 * Greedy shrinking over plain plans: first drop whole outages (a failure with its restoration), then single
 * steps, until no removal keeps the same invariant broken. fast-check has already shrunk the commands; this
 * step works on the resolved plan, where an outage is two steps far apart.
 */
export function shrinkPlan(
  violation: InvariantViolation,
  factory: DeploymentFactory = newDeployment,
): InvariantViolation {
  let best = violation;
  const id = violation.invariant.id;
  const attempt = (plan: Plan): boolean => {
    const found = stillBreaks(plan, id, factory);
    if (!found || found.plan.length > best.plan.length || failures(found.plan) > failures(best.plan)) return false;
    best = found;
    return true;
  };
  for (let progress = true; progress;) {
    progress = false;
    const plan = best.plan;
    for (let i = plan.length - 1; i >= 0 && !progress; i--) {
      const action = plan[i]!;
      if (action.type !== 'fail') continue;
      const restore = plan.findIndex((a, j) => j > i && a.type === 'restore' && a.server === action.server);
      progress = attempt(plan.filter((_, j) => j !== i && j !== restore));
    }
    for (let i = plan.length - 1; i >= 0 && !progress; i--) progress = attempt(plan.filter((_, j) => j !== i));
  }
  return best;
}

export function explain(
  violation: InvariantViolation,
  options: { factory?: DeploymentFactory; fastCheck?: FastCheckReplay; shrink?: boolean } = {},
): Counterexample {
  const factory = options.factory ?? newDeployment;
  const shrunk = options.shrink === false ? violation : shrinkPlan(violation, factory);
  const runner = new PlanRunner(factory()).run(shrunk.plan.slice(0, shrunk.index));
  const before = runner.deployment.view();
  runner.step(shrunk.plan[shrunk.index]!);
  return {
    violation: shrunk,
    originalSteps: violation.plan.length,
    before,
    after: runner.deployment.view(),
    ...(options.fastCheck && { fastCheck: options.fastCheck }),
  };
}

/** The counterexample as a scenario to paste into features/regressions.feature. */
export function gherkinOf(counterexample: Counterexample): string {
  const { violation } = counterexample;
  return scenario(violation.plan, {
    name: `${violation.invariant.name}: broken when ${describeAction(violation.plan[violation.index]!)}`,
    tags: ['@regression'],
    then: [INVARIANTS_HOLD_STEP],
    comments: [`Found broken: ${violation.detail}`],
  });
}

export function planJson(plan: Plan): string {
  return `[\n${plan.map((action: Action) => `  ${JSON.stringify(action)}`).join(',\n')}\n]`;
}

/** What a person changed between two views: only the parts that differ, as "path: before → after". */
function differences(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  if (isRecord(before) && isRecord(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => differences(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return [`${path}: ${JSON.stringify(before) ?? '(none)'} → ${JSON.stringify(after) ?? '(none)'}`];
}

function summary(view: DeploymentView): string[] {
  const down = Object.entries(view.servers)
    .filter(([, state]) => state === 'down')
    .map(([server]) => server);
  const { console } = view;
  return [
    `clock ${view.clock}; servers down: ${down.join(', ') || 'none'}`,
    ...view.customers.map(
      (c) =>
        `${c.address} (chat ${c.activityId}, ${c.inSession ? 'in session' : 'ended'}): ${c.lines.slice(-3).join(' | ')}`,
    ),
    `console: ${console.agent ?? 'nobody'} ${console.login}, ${console.canHandleActivities ? 'can' : 'cannot'} handle activities; ` +
      `chats ${console.chatList.map((row) => `${row.activityId} "${row.chatStatus}" ${row.icon}`).join(', ') || 'none'}`,
    `activities: ${view.database.activities.map((row) => `${row.activity_id} at ${row.activity_status}/${row.activity_sub_status}`).join(', ') || 'none'}`,
  ];
}

/** The whole counterexample as printed by `npm run fuzz` and by failing tests. */
export function formatCounterexample(counterexample: Counterexample): string {
  const { violation, before, after, fastCheck } = counterexample;
  const { plan, index } = violation;
  const indent = (lines: readonly string[]): string => lines.map((line) => `    ${line}`).join('\n');
  return [
    `Invariant broken: ${violation.invariant.name}`,
    `  Why it matters: ${violation.invariant.explanation}`,
    `  What happened: ${violation.detail}`,
    '',
    counterexample.shortest
      ? `Shortest plan (${plan.length} steps, ${failures(plan)} server failures; explored breadth-first, no shorter plan breaks a property):`
      : `Shrunk plan (${plan.length} steps, ${failures(plan)} server failures; the run that found it had ${counterexample.originalSteps} steps):`,
    ...plan.map(
      (action, i) =>
        `  ${String(i + 1).padStart(3)}. ${describeAction(action)}${i === index ? '   <-- broke here' : ''}`,
    ),
    '',
    `Model before step ${index + 1}:`,
    indent(summary(before)),
    `Model after step ${index + 1} (${describeAction(plan[index]!)}):`,
    indent(summary(after)),
    '  What the step changed:',
    indent(differences(before, after)),
    '',
    'Replay it:',
    ...(fastCheck
      ? [
          `  1. fast-check: FUZZ_SEED=${fastCheck.seed} FUZZ_PATH="${fastCheck.path}"` +
            `${fastCheck.replayPath ? ` FUZZ_REPLAY_PATH="${fastCheck.replayPath}"` : ''} npm run fuzz`,
        ]
      : ['  1. fast-check: (not found by fast-check; the plan below replays it)']),
    '  2. The plan as JSON (save it and run FUZZ_PLAN=<file> npm run fuzz):',
    planJson(plan)
      .split('\n')
      .map((line) => `     ${line}`)
      .join('\n'),
    '  3. Gherkin, to paste into features/regressions.feature:',
    '',
    gherkinOf(counterexample),
  ].join('\n');
}
