/**
 * The random phase: fast-check generates longer plans (repeated failures of any server, minutes passing,
 * traffic from both sides) as command sequences after the source's premise, and every step is checked. The
 * budget is a number of runs or of seconds; the seed makes a run repeatable.
 */
import fc from 'fast-check';
import { newDeployment, type DeploymentFactory } from '../plans/interpreter';
import { explorationCommands } from './random-commands';
import { explain, type Counterexample } from './counterexample';
import { CoverageLedger } from './coverage';
import { Exploration, PREMISE, newTally } from './exploration';
import { InvariantViolation } from './invariants';
import type { WitnessCounts } from './witnesses';
import type { SituationLog } from './claim-situations';

/**
 * One plan in this many runs with its trace recorded and is replayed once on a fresh deployment, to check
 * determinism; the exhaustive phase does so for every plan.
 */
export const DETERMINISM_SAMPLE = 8;

/** Commands per plan, after the premise. Part of what a seed means: change it and old seeds replay differently. */
export const MAX_COMMANDS = 80;

export interface RandomBudget {
  readonly seed: number;
  /** How many plans to run; ignored when `seconds` is given. */
  readonly runs?: number;
  readonly seconds?: number;
  /** fast-check's path to one counterexample, with its replay path, to replay it alone. */
  readonly path?: string;
  readonly replayPath?: string;
  readonly factory?: DeploymentFactory;
  /** Where to note every state's situation, for the claims' witnesses (exploration/claim-situations.ts). */
  readonly situations?: SituationLog;
}

export interface RandomResult {
  readonly seed: number;
  readonly runs: number;
  readonly stepsExecuted: number;
  readonly milliseconds: number;
  readonly stepsPerSecond: number;
  readonly knownDefectPlans: number;
  readonly ledger: CoverageLedger;
  readonly counterexample: Counterexample | null;
  /** An error that was not an invariant (a crash or a refused step), with fast-check's report. */
  readonly crash: string | null;
  /** How often each invariant's case came up (exploration/witnesses.ts). */
  readonly witnesses: Readonly<WitnessCounts>;
}

/** The property the random phase checks: a plan of commands after the premise keeps every invariant. */
export function planProperty(
  ledger: CoverageLedger,
  tally: ReturnType<typeof newTally>,
  factory: DeploymentFactory,
  replayPath?: string,
) {
  const commands = fc.commands(explorationCommands(), {
    maxCommands: MAX_COMMANDS,
    size: 'max',
    ...(replayPath && { replayPath }),
  });
  return fc.property(commands, (sequence) => {
    const sampled = tally.plans % DETERMINISM_SAMPLE === 0;
    const exploration = new Exploration(ledger, tally, factory, sampled).run(PREMISE);
    fc.modelRun(() => ({ model: exploration, real: exploration }), sequence);
    exploration.finish();
  });
}

export function exploreAtRandom(budget: RandomBudget): RandomResult {
  const factory = budget.factory ?? newDeployment;
  const ledger = new CoverageLedger();
  const tally = newTally(budget.situations ?? null);
  const started = performance.now();
  const details = fc.check(planProperty(ledger, tally, factory, budget.replayPath), {
    seed: budget.seed,
    ...(budget.path !== undefined && { path: budget.path, endOnFailure: true }),
    ...(budget.seconds !== undefined
      ? {
          numRuns: Number.MAX_SAFE_INTEGER,
          interruptAfterTimeLimit: budget.seconds * 1000,
          markInterruptAsFailure: false,
        }
      : { numRuns: budget.runs ?? 100 }),
  });
  const milliseconds = performance.now() - started;
  const error = details.errorInstance;
  let counterexample: Counterexample | null = null;
  let crash: string | null = null;
  if (details.failed) {
    if (error instanceof InvariantViolation) {
      const replay = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[0]));
      counterexample = explain(error, {
        factory,
        fastCheck: {
          seed: details.seed,
          path: details.counterexamplePath ?? '',
          ...(replay && { replayPath: replay[1]! }),
        },
      });
    } else {
      crash = fc.defaultReportMessage(details) ?? String(error);
    }
  }
  return {
    seed: details.seed,
    runs: details.numRuns,
    stepsExecuted: tally.steps,
    milliseconds,
    stepsPerSecond: Math.round((tally.steps / milliseconds) * 1000),
    knownDefectPlans: tally.knownDefectPlans,
    witnesses: tally.witnesses,
    ledger,
    counterexample,
    crash,
  };
}
