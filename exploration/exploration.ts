/**
 * One explored plan: the interpreter, the invariant checker watching it and the coverage it adds to a ledger.
 * Both phases build plans step by step through `step`; the random phase's commands read `state` to decide
 * what their step means now (fail or restore, send or start a new chat).
 */
import type { Action, Plan } from '../model/actions';
import { closedConsole, type AgentConsole } from '../model/agent-console';
import { REFERENCE_USERS } from '../model/database';
import type { Deployment } from '../model/deployment';
import { consoleOf, theConsole, type DeepReadonly, type DeploymentState } from '../model/state';
import { PlanRunner, newDeployment, type DeploymentFactory } from '../plans/interpreter';
import type { CoverageLedger, PlanCoverage } from './coverage';
import { InvariantChecker } from './invariants';
import { LawMonitor, alongside } from './laws';
import type { WitnessCounts } from './witnesses';
import type { SituationLog } from './claim-situations';

/**
 * The agents of the explored plans: the reference users (JDoe of the screenshots first, "the agent" in plans,
 * then DMarino of the database rows, who may log in too).
 */
export const AGENTS: readonly [string, ...string[]] = agentsOf(REFERENCE_USERS);
/** The agent every plan uses. */
export const AGENT = AGENTS[0];

function agentsOf(users: readonly { readonly user_name: string }[]): [string, ...string[]] {
  const [first, ...rest] = users.map((user) => user.user_name);
  if (first === undefined)
    throw new Error('model/database.ts: REFERENCE_USERS is empty; the explored plans need an agent');
  return [first, ...rest];
}

/** The agent of an agent index, as plans name it: the first agent unnamed, any other by user name. */
export function agentField(agentIndex: number): { agent?: string } {
  const agent = AGENTS[agentIndex % AGENTS.length]!;
  return agent === AGENT ? {} : { agent };
}
export const CUSTOMERS = ['customer@awesome.com', 'second@awesome.com'] as const;

/** The source's premise: an integrated agent is logged in with an active customer chat session. */
export const PREMISE: Plan = [
  { type: 'agent-logs-in', agent: AGENT },
  { type: 'customer-starts-chat', question: 'Help me!' },
  { type: 'agent-sends', text: 'Hello' },
  { type: 'customer-sends', text: 'Hi' },
];

const NO_CONSOLE: DeepReadonly<AgentConsole> = closedConsole('');

/** The console of an agent index: the first agent's is "the agent"'s, the other's exists once they logged in. */
export function consoleOfAgent(state: DeploymentState, agentIndex: number): DeepReadonly<AgentConsole> {
  const agent = AGENTS[agentIndex % AGENTS.length]!;
  return agent === AGENT ? theConsole(state) : (consoleOf(state, agent) ?? NO_CONSOLE);
}

/** Counts shared by every plan of a phase. */
export interface ExplorationTally {
  steps: number;
  plans: number;
  knownDefectPlans: number;
  /** Plans whose determinism was checked: run with their trace recorded, and replayed once to compare. */
  determinismReplays: number;
  /** How often each invariant's case came up (exploration/witnesses.ts). */
  witnesses: WitnessCounts;
  /** Where to note each state's situation for the claims' witnesses (exploration/claim-situations.ts), if anywhere. */
  situations: SituationLog | null;
}

export function newTally(situations: SituationLog | null = null): ExplorationTally {
  return { steps: 0, plans: 0, knownDefectPlans: 0, determinismReplays: 0, witnesses: {}, situations };
}

export class Exploration {
  private readonly runner: PlanRunner;
  private readonly checker: InvariantChecker;
  private readonly laws: LawMonitor;
  private readonly coverage: PlanCoverage;

  /**
   * `checkDeterminism`: run the plan recording its trace and replay it at the end to compare the two (the random
   * phase does it for a sample of plans); the others run without a trace, which the invariants do not read.
   * `from`: see `fork`.
   */
  constructor(
    private readonly ledger: CoverageLedger,
    private readonly tally: ExplorationTally,
    private readonly factory: DeploymentFactory = newDeployment,
    private readonly checkDeterminism = true,
    from?: Exploration,
  ) {
    if (from) {
      const deployment = from.deployment.clone();
      this.checker = from.checker.fork(from.state, deployment.inspect());
      this.laws = from.laws.fork();
      this.coverage = from.coverage.fork();
      this.runner = new PlanRunner(deployment, alongside(this.checker, this.laws), from.plan);
    } else {
      this.checker = new InvariantChecker(tally.witnesses, tally.situations);
      this.laws = new LawMonitor();
      this.coverage = ledger.begin();
      // A plan whose determinism is checked records its trace: its own run is one of the two compared.
      this.runner = new PlanRunner(factory({ recordTrace: checkDeterminism }), alongside(this.checker, this.laws));
    }
    tally.plans++;
  }

  /**
   * Another plan that begins with this one's steps so far, carrying on from a copy of where this one stands
   * (the deployment, the invariant checker, the laws' history and the coverage) instead of running them again:
   * the exhaustive phase runs the prefix its plans share once. Its determinism replay starts afresh and is
   * compared with the trace the copy recorded, which so checks the copy too.
   */
  fork(): Exploration {
    return new Exploration(this.ledger, this.tally, this.factory, this.checkDeterminism, this);
  }

  get deployment(): Deployment {
    return this.runner.deployment;
  }

  /** The model's state, read-only: what commands consult to decide what their step means now. */
  get state(): DeploymentState {
    return this.runner.deployment.inspect();
  }

  get plan(): Plan {
    return this.runner.plan;
  }

  step(action: Action): void {
    this.tally.steps++;
    this.runner.step(action);
    this.coverage.observe(action);
  }

  run(plan: Plan): this {
    for (const action of plan) this.step(action);
    return this;
  }

  /** Ends the plan: checks determinism by replaying it, if asked to. */
  finish(): void {
    if (this.checker.knownDefectSteps > 0) this.tally.knownDefectPlans++;
    if (!this.checkDeterminism) return;
    this.tally.determinismReplays++;
    this.checker.finish(() => this.factory());
  }
}
