/**
 * `npm run explore`'s engine: the breadth-first search over the deployment within bounds, with every invariant
 * and law checked in every state, the behaviour ledger, and a broken property turned into a counterexample in
 * the fuzzer's replay forms (the plan is already the shortest, so it is not shrunk).
 */
import { newDeployment, type DeploymentFactory } from '../../plans/interpreter';
import { explain, type Counterexample } from '../counterexample';
import type { SituationLog } from '../claim-situations';
import { InvariantViolation } from '../invariants';
import { newPremiseCounts, type PremiseCounts } from '../laws';
import { DEFAULT_BOUNDS, type Bounds } from './bounds';
import { DeploymentSpace } from './deployment-space';
import { collisionChance } from './encode';
import { BehaviourLedger } from './ledger';
import { search, type Shard } from './search';

export interface StateSpaceOptions {
  readonly bounds?: Bounds;
  readonly shard?: Shard;
  readonly factory?: DeploymentFactory;
  /** Where to note every state's situation, for the claims' witnesses (exploration/claim-situations.ts). */
  readonly situations?: SituationLog;
}

export interface StateSpaceResult {
  readonly bounds: Bounds;
  readonly shard: Shard | null;
  readonly distinctStates: number;
  readonly transitions: number;
  readonly depthReached: number;
  readonly milliseconds: number;
  readonly statesPerSecond: number;
  /** The process's CPU time over the search: on a shared machine, wall time also counts other processes' turns. */
  readonly cpuMilliseconds: number;
  readonly statesPerCpuSecond: number;
  /** The chance that two distinct states shared a fingerprint, so one of them went unexplored. */
  readonly collisionChance: number;
  readonly ledger: BehaviourLedger;
  /** Per law, the transitions into states in which its premise held. */
  readonly premises: PremiseCounts;
  readonly counterexample: Counterexample | null;
}

export function exploreStateSpace(options: StateSpaceOptions = {}): StateSpaceResult {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const factory = options.factory ?? newDeployment;
  const ledger = new BehaviourLedger();
  const premises = newPremiseCounts();
  const space = new DeploymentSpace(bounds, ledger, premises, factory, options.situations ?? null);
  // Refusals are thrown and caught in every state; their stack traces would cost more than the model's steps.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let found;
  const cpu = process.cpuUsage();
  try {
    found = search(space, {
      depth: bounds.depth,
      ...(options.shard && { shard: options.shard }),
      onState: (state) => space.countState(state),
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const used = process.cpuUsage(cpu);
  const cpuMilliseconds = (used.user + used.system) / 1000;
  let counterexample: Counterexample | null = null;
  if (found.failure) {
    const { error, plan } = found.failure;
    if (!(error instanceof InvariantViolation)) throw error;
    const steps = [...space.setup, ...plan];
    const violation = new InvariantViolation(error.invariant, error.detail, steps.length - 1, steps);
    counterexample = { ...explain(violation, { factory, shrink: false }), shortest: true };
  }
  return {
    bounds,
    shard: options.shard ?? null,
    distinctStates: found.distinctStates,
    transitions: found.transitions,
    depthReached: found.depthReached,
    milliseconds: found.milliseconds,
    statesPerSecond: Math.round((found.distinctStates / found.milliseconds) * 1000),
    cpuMilliseconds,
    statesPerCpuSecond: Math.round((found.distinctStates / cpuMilliseconds) * 1000),
    collisionChance: collisionChance(found.distinctStates),
    ledger,
    premises,
    counterexample,
  };
}
