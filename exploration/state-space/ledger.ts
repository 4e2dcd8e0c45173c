/**
 * The coverage ledger of behaviour: not which orderings ran but what happened in them. For each set of servers
 * down: which of the model's thresholds passed while it was down, and whether the agent logged in or out, an
 * email arrived or a tab was opened; how many customers were in a chat at once; and for every kind of action,
 * each reason the model refused it and in how many states; which server instances failed holding what, and which
 * agents acted. Plain data, so shards write it as JSON and a final
 * job merges them (`merge`).
 */
export interface BehaviourLedgerData {
  /** "Application+Messaging down: 180 s" → transitions in which that threshold passed. */
  readonly thresholds: Record<string, number>;
  /** "agent-logs-in, Services down" → transitions: every kind of action, by the servers down before it. */
  readonly eventsDuringOutages: Record<string, number>;
  /** Customers in a chat session at once → states. */
  readonly concurrentCustomers: Record<string, number>;
  /** Action type → refusal reason → states in which it was refused for that reason. */
  readonly refusals: Record<string, Record<string, number>>;
  /** Sets of servers down together → states. */
  readonly serverStates: Record<string, number>;
  /** "Application 2, holding 1 login and 0 chats" → transitions in which that instance failed so. */
  readonly instancesFailed: Record<string, number>;
  /** Agent → transitions in which the agent acted (logged in or out, chatted, completed, opened a tab). */
  readonly agentsActing: Record<string, number>;
}

/** The ledger's plain records (all but the refusals, which are one level deeper). */
export const RECORDS = [
  'thresholds',
  'eventsDuringOutages',
  'concurrentCustomers',
  'serverStates',
  'instancesFailed',
  'agentsActing',
] as const;

export function downLabel(down: ReadonlySet<string> | readonly string[]): string {
  const list = [...down];
  return list.length === 0 ? 'none down' : `${list.sort().join('+')} down`;
}

export class BehaviourLedger {
  readonly data: BehaviourLedgerData = {
    thresholds: {},
    eventsDuringOutages: {},
    concurrentCustomers: {},
    refusals: {},
    serverStates: {},
    instancesFailed: {},
    agentsActing: {},
  };

  static from(data: BehaviourLedgerData): BehaviourLedger {
    const ledger = new BehaviourLedger();
    ledger.merge(data);
    return ledger;
  }

  /**
   * Entries' names by their parts, each made once: the explorer counts into a few hundred entries hundreds of
   * thousands of times, and a name made afresh each time is a new string to build and hash.
   */
  private readonly thresholdNames = new Names((down, seconds) => `${down}: ${seconds} s`);
  private readonly eventNames = new Names((what, down) => `${what}, ${down}`);
  private readonly countNames = new Names((_, n) => String(n));

  threshold(down: string, seconds: number): void {
    bump(this.data.thresholds, this.thresholdNames.of(down, seconds));
  }

  event(what: string, down: string): void {
    bump(this.data.eventsDuringOutages, this.eventNames.of(what, down));
  }

  state(down: string, customersInSession: number): void {
    bump(this.data.serverStates, down);
    bump(this.data.concurrentCustomers, this.countNames.of('', customersInSession));
  }

  /** A server instance failed; an Application server with the agents' logins and the live chats it held. */
  instanceFailed(server: string, logins?: number, chats?: number): void {
    const held =
      logins === undefined || chats === undefined
        ? ''
        : `, holding ${logins} login${logins === 1 ? '' : 's'} and ${chats} chat${chats === 1 ? '' : 's'}`;
    bump(this.data.instancesFailed, `${server}${held}`);
  }

  agentActed(agent: string): void {
    bump(this.data.agentsActing, agent);
  }

  refused(type: string, reason: string): void {
    bump((this.data.refusals[type] ??= {}), reason);
  }

  merge(other: BehaviourLedgerData): void {
    for (const key of RECORDS) {
      // A report written before a record existed has none of it.
      for (const [k, n] of Object.entries(other[key] ?? {})) bump(this.data[key], k, n);
    }
    for (const [type, reasons] of Object.entries(other.refusals)) {
      for (const [reason, n] of Object.entries(reasons))
        bump(
          Object.hasOwn(this.data.refusals, type) ? this.data.refusals[type]! : (this.data.refusals[type] = {}),
          reason,
          n,
        );
    }
  }

  /** The ledger as a person reads it, one line per entry, sorted. */
  describe(): string[] {
    const list = (title: string, record: Record<string, number>): string[] => [
      `${title}:`,
      ...Object.keys(record)
        .sort()
        .map((k) => `  ${k}  (${record[k]})`),
    ];
    return [
      ...list('servers down together (states)', this.data.serverStates),
      ...list('thresholds passed while servers were down (transitions)', this.data.thresholds),
      ...list('every kind of action by servers down (transitions)', this.data.eventsDuringOutages),
      ...list('customers in a chat at once (states)', this.data.concurrentCustomers),
      ...list('server instances that failed, and what they held (transitions)', this.data.instancesFailed),
      ...list('agents who acted (transitions)', this.data.agentsActing),
      'actions refused, and why (states):',
      ...Object.keys(this.data.refusals)
        .sort()
        .flatMap((type) =>
          Object.keys(this.data.refusals[type]!)
            .sort()
            .map((reason) => `  ${type}: ${reason}  (${this.data.refusals[type]![reason]})`),
        ),
    ];
  }
}

/** Names made of two parts by `make`, each made once. */
class Names {
  private readonly byFirst = new Map<string, Map<string | number, string>>();

  constructor(private readonly make: (a: string, b: string | number) => string) {}

  of(a: string, b: string | number): string {
    let bySecond = this.byFirst.get(a);
    if (bySecond === undefined) this.byFirst.set(a, (bySecond = new Map()));
    let name = bySecond.get(b);
    if (name === undefined) bySecond.set(b, (name = this.make(a, b)));
    return name;
  }
}

/** Own keys only: a report's "constructor" or "toString" is a count like any other, never the prototype's. */
function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (Object.hasOwn(record, key) ? record[key]! : 0) + by;
}
