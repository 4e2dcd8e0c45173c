/**
 * What the state-space explorer tries in a state, read off the action table (model/actions): every candidate
 * each kind makes from the explorer's cast (the bounds' servers, customers and agents, one text per number of
 * messages sent so far, and the waits to the next threshold or by the bounds' fixed steps), as many times in a
 * plan as the bounds' count the kind names allows. A kind registered in the table is tried from the day it is
 * registered, within the count its module or the bounds give it.
 */
import { DEFINITIONS, type Action, type ActionDefinition, type Cast } from '../../model/actions';
import { INFORMATION_TABS } from '../../model/agent-console';
import { AGENTS, CUSTOMERS } from './actors';
import type { Bounds } from './bounds';

/** The email subject the explorer's emails carry: the source's. */
const SUBJECTS = ['test2'] as const;

/**
 * The explorer's cast for each number of messages sent so far: the same object for the same number, with the
 * texts the next message would carry (none once the bounds' messages are used up).
 */
export class ExplorerCast {
  private readonly bySent: Cast[];

  constructor(bounds: Bounds) {
    const base: Cast = {
      customers: CUSTOMERS.slice(0, bounds.customers),
      agents: AGENTS.slice(0, bounds.agents),
      servers: bounds.servers,
      waits: [],
      questions: [],
      customerLines: [],
      agentLines: [],
      tabs: INFORMATION_TABS,
      subjects: SUBJECTS,
      activityIds: [],
      caseIds: [],
    };
    this.bySent = Array.from({ length: bounds.messages + 1 }, (_, sent) =>
      sent < bounds.messages
        ? {
            ...base,
            questions: [`Question ${sent + 1}`],
            customerLines: [`Customer line ${sent + 1}`],
            agentLines: [`Agent line ${sent + 1}`],
          }
        : base,
    );
  }

  /** The cast when `sent` messages have been sent, with `waits` to try. */
  of(sent: number, waits: readonly number[]): Cast {
    const cast = this.bySent[Math.min(sent, this.bySent.length - 1)]!;
    return waits.length === 0 ? cast : { ...cast, waits };
  }
}

/** One kind's counter(s) in a plan's `used` list. */
interface Slot {
  readonly first: number;
  readonly limit: number;
  /** Per server or per customer: the list the counter's index comes from, and the action's entry in it. */
  readonly keys: readonly string[] | null;
  readonly of: ((action: Action) => string | undefined) | null;
}

/**
 * The counts a plan has used of its bounds, as one list of numbers (part of the state's key): one counter per kind
 * with a budget, or one per server or customer where the kind's budget is per server or per customer.
 */
export class Budgets {
  readonly size: number;
  private readonly slots = new Map<string, Slot>();

  constructor(bounds: Bounds, cast: Cast) {
    let next = 0;
    for (const definition of DEFINITIONS) {
      const budget = definition.tries.budget;
      if (!budget) continue;
      const named: unknown = (bounds as unknown as Readonly<Record<string, unknown>>)[budget.count];
      const keys = budget.per ? (budget.per.list === 'servers' ? cast.servers : cast.customers) : null;
      this.slots.set(definition.type, {
        first: next,
        limit: typeof named === 'number' ? named : budget.otherwise,
        keys,
        of: budget.per?.of ?? null,
      });
      next += keys ? keys.length : 1;
    }
    this.size = next;
  }

  /** Whether no action of the kind can be taken any more in a plan that has used `used`. */
  spent(used: readonly number[], definition: ActionDefinition<Action>): boolean {
    const slot = this.slots.get(definition.type);
    return slot !== undefined && (slot.limit === 0 || (slot.keys === null && used[slot.first]! >= slot.limit));
  }

  /** Whether a plan that has used `used` may take `action`. */
  allows(used: readonly number[], action: Action): boolean {
    const slot = this.slots.get(action.type);
    return slot === undefined || used[this.index(slot, action)]! < slot.limit;
  }

  /** `used` after `action`. */
  after(used: readonly number[], action: Action): number[] {
    const next = [...used];
    const slot = this.slots.get(action.type);
    if (slot) next[this.index(slot, action)]!++;
    return next;
  }

  private index(slot: Slot, action: Action): number {
    if (!slot.keys) return slot.first;
    const key = slot.of!(action);
    // Unnamed ("the customer") is the first of the list.
    return slot.first + Math.max(0, key === undefined ? 0 : slot.keys.indexOf(key));
  }
}
