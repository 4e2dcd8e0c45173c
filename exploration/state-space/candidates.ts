/**
 * What the state-space explorer tries in a state, read off the action table (model/actions): every candidate
 * each kind makes from the explorer's cast (the bounds' servers, customers and agents, one text per number of
 * messages sent so far, and the waits to the next threshold or by the bounds' fixed steps), as many times in a
 * plan as the bounds' count the kind names allows. A kind registered in the table is tried from the day it is
 * registered, within the count its module or the bounds give it.
 */
import { DEFINITIONS, type Action, type ActionDefinition, type Cast } from '../../model/actions';
import { INFORMATION_TABS } from '../../model/agent-console';
import type { DeploymentState } from '../../model/state';
import { AGENTS, CUSTOMERS } from './actors';
import type { Bounds } from './bounds';

/** The email subject the explorer's emails carry: the source's. */
const SUBJECTS = ['test2'] as const;

/**
 * The explorer's cast for each number of messages sent so far and each next threshold: the same object for the
 * same two (so the candidates made from it are made once, `CandidateCache`), with the texts the next message would
 * carry (none once the bounds' messages are used up) and the waits to try (to the next threshold, if there is one,
 * then the bounds' fixed steps).
 */
export class ExplorerCast {
  private readonly bySent: Cast[];
  /** Per number of messages sent, the cast for each next threshold (`NaN`: none). */
  private readonly byWait: Map<number, Cast>[];

  constructor(private readonly bounds: Bounds) {
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
    this.byWait = this.bySent.map(() => new Map());
  }

  /** The cast when `sent` messages have been sent and the next threshold passes in `next` seconds (`null`: none). */
  of(sent: number, next: number | null): Cast {
    const index = Math.min(sent, this.bySent.length - 1);
    const byWait = this.byWait[index]!;
    const key = next ?? NaN;
    let cast = byWait.get(key);
    if (cast === undefined) {
      const steps = this.bounds.waitSteps;
      const waits = next === null ? steps : [next, ...steps.filter((s) => s !== next)];
      const plain = this.bySent[index]!;
      cast = waits.length === 0 ? plain : { ...plain, waits };
      byWait.set(key, cast);
    }
    return cast;
  }
}

/** Every kind's candidates in a state for a cast, in the table's order. */
export interface CandidateSource {
  of(state: DeploymentState, cast: Cast): readonly (readonly Action[])[];
}

/** The plain reference: every kind's `tries.candidates`, made afresh from the whole state. */
export class PlainCandidates implements CandidateSource {
  constructor(private readonly definitions: readonly ActionDefinition<Action>[] = DEFINITIONS) {}

  of(state: DeploymentState, cast: Cast): readonly (readonly Action[])[] {
    return this.definitions.map((definition) => definition.tries.candidates(state, cast));
  }
}

/**
 * Each kind's candidates (`tries.candidates`, the plain reference), made once per cast and per value of the
 * state's fields the kind's module says they read (`tries.reads`), and made from a state holding only those
 * fields, so that a module reading a field it did not declare fails where the equivalence test draws it
 * (test/unit/exploration/candidates.test.ts: equal to the plain candidates over states reached by plans drawn
 * from the whole action table; a wrong declaration fails it). The state is plain data, so a field's JSON is
 * its value. Relies on: candidates depending only on the cast and the declared fields, and nobody changing an
 * action once made. Buys: issue 24's exploration per distinct state against 7f9e760 (`npm run explore`; figures in
 * docs/engineering/performance-notes.md): the candidates cost 8 µs a state made afresh.
 */
export class CandidateCache implements CandidateSource {
  /** Every field some kind reads. */
  private readonly fields: readonly (keyof DeploymentState)[];
  /** Per cast, every kind's candidates (in `definitions`' order) by the key of the fields read. */
  private readonly byCast = new Map<Cast, Map<string, readonly (readonly Action[])[]>>();

  constructor(private readonly definitions: readonly ActionDefinition<Action>[] = DEFINITIONS) {
    this.fields = [...new Set(definitions.flatMap((definition) => definition.tries.reads))];
  }

  /** Every kind's candidates in `state` for `cast`, in `definitions`' order: each `tries.candidates(state, cast)`. */
  of(state: DeploymentState, cast: Cast): readonly (readonly Action[])[] {
    let byKey = this.byCast.get(cast);
    if (byKey === undefined) {
      byKey = new Map();
      this.byCast.set(cast, byKey);
    }
    let key = '';
    for (const field of this.fields) key += `${JSON.stringify(state[field])}\n`;
    let made = byKey.get(key);
    if (made === undefined) {
      made = Object.freeze(
        this.definitions.map(({ tries }) => {
          const view: Partial<Record<keyof DeploymentState, unknown>> = {};
          for (const field of tries.reads) view[field] = state[field];
          return Object.freeze([...tries.candidates(view as DeploymentState, cast)]);
        }),
      );
      byKey.set(key, made);
    }
    return made;
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
