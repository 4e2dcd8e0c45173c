/**
 * The coverage ledger: which of the 90 failure orderings and which combinations of servers down a set of plans
 * reached. An ordering is reached when six consecutive fault events of the three servers, starting with all
 * three up, fail and restore each server once; events of other servers and other steps may come between.
 */
import { definitionOf, type Action } from '../model/actions';
import { FAILING_SERVERS, SERVERS, type Server } from '../model/servers';
import { AGENT } from './exploration';

export const ORDERINGS_TOTAL = 90;
/** Subsets of the three failing servers that can be down together. */
export const SERVER_STATES_TOTAL = 2 ** FAILING_SERVERS.length;
/** Subsets of all the deployment's servers. */
export const ALL_SERVER_STATES_TOTAL = 2 ** SERVERS.length;

const FAILING_BIT: Partial<Record<Server, number>> = Object.fromEntries(FAILING_SERVERS.map((s, i) => [s, 1 << i]));
const ALL_BIT: Record<Server, number> = Object.fromEntries(SERVERS.map((s, i) => [s, 1 << i])) as Record<
  Server,
  number
>;

/** A fault event of the three servers as a digit 0..5: server index times two, plus one for a restore. */
type FaultDigit = number;

export class CoverageLedger {
  readonly orderings = new Set<string>();
  /** Bit masks of the three failing servers down together. */
  readonly serverStates = new Set<number>([0]);
  /** Bit masks of all servers down together. */
  readonly allServerStates = new Set<number>([0]);
  /** Server instances that failed at least once ("Application 2" among them once it has joined). */
  readonly instancesFailed = new Set<string>();
  /** Agents who did something in their console. */
  readonly agentsActing = new Set<string>();

  /** Starts a plan: every server is up. */
  begin(): PlanCoverage {
    return new PlanCoverage(this);
  }

  merge(other: CoverageLedger): void {
    for (const ordering of other.orderings) this.orderings.add(ordering);
    for (const state of other.serverStates) this.serverStates.add(state);
    for (const state of other.allServerStates) this.allServerStates.add(state);
    for (const server of other.instancesFailed) this.instancesFailed.add(server);
    for (const agent of other.agentsActing) this.agentsActing.add(agent);
  }

  summary(): {
    orderingsReached: number;
    serverStatesReached: number;
    allServerStatesReached: number;
    instancesFailed: string[];
    agentsActing: string[];
  } {
    return {
      orderingsReached: this.orderings.size,
      serverStatesReached: this.serverStates.size,
      allServerStatesReached: this.allServerStates.size,
      instancesFailed: [...this.instancesFailed].sort(),
      agentsActing: [...this.agentsActing].sort(),
    };
  }

  /** The ledger as a person reads it. */
  describe(): string {
    const states = [...this.serverStates]
      .sort((a, b) => a - b)
      .map((mask) => FAILING_SERVERS.filter((_, i) => mask & (1 << i)).join('+') || 'none');
    return [
      `orderings reached: ${this.orderings.size} of ${ORDERINGS_TOTAL} (one failure and one restoration of each of ${FAILING_SERVERS.join(', ')})`,
      `server states reached: ${this.serverStates.size} of ${SERVER_STATES_TOTAL} (down: ${states.join('; ')})`,
      `states of all ${SERVERS.length} servers reached: ${this.allServerStates.size} of ${ALL_SERVER_STATES_TOTAL}`,
      `server instances failed: ${[...this.instancesFailed].sort().join(', ') || 'none'}`,
      `agents who acted: ${[...this.agentsActing].sort().join(', ') || 'none'}`,
    ].join('\n');
  }
}

/** Follows one plan's fault events. */
export class PlanCoverage {
  private failing = 0;
  private all = 0;
  private readonly digits: FaultDigit[] = [];
  /** The failing-server mask before each digit. */
  private readonly masks: number[] = [];

  constructor(private readonly ledger: CoverageLedger) {}

  /** An independent copy, to follow another continuation of the same plan into the same ledger. */
  fork(): PlanCoverage {
    const copy = new PlanCoverage(this.ledger);
    copy.failing = this.failing;
    copy.all = this.all;
    copy.digits.push(...this.digits);
    copy.masks.push(...this.masks);
    return copy;
  }

  observe(action: Action): void {
    if (definitionOf(action).actor === 'Agent')
      this.ledger.agentsActing.add(('agent' in action && action.agent) || AGENT);
    if (action.type !== 'fail' && action.type !== 'restore') return;
    if (action.type === 'fail') this.ledger.instancesFailed.add(action.server);
    const bit = ALL_BIT[action.server];
    if (bit === undefined) return;
    this.all = action.type === 'fail' ? this.all | bit : this.all & ~bit;
    this.ledger.allServerStates.add(this.all);
    const failingBit = FAILING_BIT[action.server];
    if (failingBit === undefined) return;
    this.masks.push(this.failing);
    this.digits.push(Math.log2(failingBit) * 2 + (action.type === 'restore' ? 1 : 0));
    this.failing = action.type === 'fail' ? this.failing | failingBit : this.failing & ~failingBit;
    this.ledger.serverStates.add(this.failing);
    const start = this.digits.length - 6;
    if (start < 0 || this.masks[start] !== 0 || this.failing !== 0) return;
    const window = this.digits.slice(start);
    const counts = [0, 0, 0];
    for (const digit of window) counts[digit >> 1]!++;
    if (counts.every((count) => count === 2)) this.ledger.orderings.add(window.join(''));
  }
}
