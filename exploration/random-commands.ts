/**
 * The random phase's commands, read off the action table (model/actions): a command is a kind of action, drawn by
 * the weight its module gives, and an index into the candidates the kind makes for the state and the phase's cast
 * that the model accepts now, taken modulo their number, so shrinking never makes a command invalid (a kind with
 * nothing acceptable is skipped). A kind registered in the table is drawn from the day it is registered.
 */
import fc from 'fast-check';
import { DEFINITIONS, describeAction, type Action, type ActionDefinition, type Cast } from '../model/actions';
import { INFORMATION_TABS } from '../model/agent-console';
import type { Deployment } from '../model/deployment';
import { FAILING_SERVERS } from '../model/servers';
import { AGENTS, CUSTOMERS, type Exploration } from './exploration';
import { AGENT_LINES, CUSTOMER_LINES, EMAIL_SUBJECTS, FUZZED_SERVERS, GAPS_IN_SECONDS } from './scripted';

/**
 * Who acts in the random phase: both customers and both agents, the servers (the source's three listed three times
 * over, so that most fault events are theirs and plans reach the source's failure orderings; then Web, Database and
 * a second Application server, which joins the deployment when drawn), minutes of time, the source's lines.
 */
export const RANDOM_CAST: Cast = {
  customers: CUSTOMERS,
  agents: AGENTS,
  servers: [...FAILING_SERVERS, ...FAILING_SERVERS, ...FUZZED_SERVERS],
  waits: GAPS_IN_SECONDS,
  questions: CUSTOMER_LINES,
  customerLines: CUSTOMER_LINES,
  agentLines: AGENT_LINES,
  tabs: INFORMATION_TABS,
  subjects: EMAIL_SUBJECTS,
  activityIds: [],
  caseIds: [],
};

export type ExplorationCommand = fc.Command<Exploration, Exploration>;

/**
 * The `pick`th (modulo their number) of the candidates of `definition`'s kind, or the first after it the model
 * accepts now; `null` if it accepts none. Asking the guard from the pick on, not of every candidate, keeps a
 * command's cost near one refusal check.
 */
export function acceptedCandidate(
  deployment: Deployment,
  definition: ActionDefinition<Action>,
  pick: number,
  cast: Cast = RANDOM_CAST,
): Action | null {
  const candidates = definition.tries.candidates(deployment.inspect(), cast);
  for (let k = 0; k < candidates.length; k++) {
    const action = candidates[(pick + k) % candidates.length]!;
    if (deployment.rejection(action) === null) return action;
  }
  return null;
}

export class TableCommand implements ExplorationCommand {
  /** What `check` chose for the state it was asked about; `run` follows at once on the same state. */
  private chosen: Action | null = null;

  constructor(
    readonly definition: ActionDefinition<Action>,
    readonly pick: number,
  ) {}

  check(model: Exploration): boolean {
    this.chosen = acceptedCandidate(model.deployment, this.definition, this.pick);
    return this.chosen !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(this.chosen ?? acceptedCandidate(exploration.deployment, this.definition, this.pick)!);
  }

  toString(): string {
    return this.chosen ? describeAction(this.chosen) : `${this.definition.type} (candidate ${this.pick})`;
  }
}

/** Every kind of the table with a weight, drawn by it, each with an index into its candidates. */
export function explorationCommands(): fc.Arbitrary<ExplorationCommand>[] {
  const pick = fc.nat({ max: 0xffff });
  return [
    fc.oneof(
      ...DEFINITIONS.filter((definition) => definition.tries.weight > 0).map((definition) => ({
        weight: definition.tries.weight,
        arbitrary: pick.map((i): ExplorationCommand => new TableCommand(definition, i)),
      })),
    ),
  ];
}
