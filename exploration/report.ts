/**
 * What the failure-ordering exploration checked, attached to the cucumber run by the invariants feature so
 * the docs site can show it. Producer: exploration/ (invariants feature steps). Reader: the docs generator.
 */

export interface ExplorationReport {
  readonly invariants: readonly {
    readonly name: string;
    readonly explanation: string;
    readonly violations: number;
    /** The one behaviour the invariant allows because the source documents it as a defect, and how often it was met. */
    readonly expectedException?: {
      readonly name: string;
      readonly explanation: string;
      readonly plansMeetingIt: number;
    };
  }[];
  readonly exhaustive: {
    /** Complete orderings of one failure and one restoration of each of the three servers: 90 in all. */
    readonly orderingsChecked: number;
    readonly orderingsTotal: number;
    /** Proper prefixes of those orderings (partial outages) that were also checked. */
    readonly prefixesChecked: number;
    /** Subsets of the three servers that were down together at some point: 8 in all. */
    readonly serverStatesVisited: number;
    readonly serverStatesTotal: number;
    readonly stepsExecuted: number;
    readonly milliseconds: number;
    /** Plans run: orderings and prefixes with each gap, and the subsets. */
    readonly plansChecked?: number;
  };
  readonly random: {
    readonly seed: number;
    readonly runs: number;
    readonly stepsExecuted: number;
    readonly stepsPerSecond: number;
    readonly orderingsReached: number;
    readonly serverStatesReached: number;
    /** Combinations of all five servers down together (Web and Database fail too in this phase): 32 in all. */
    readonly allServerStatesReached?: number;
    /** Server instances that failed at least once, "Application 2" among them once it joined. */
    readonly instancesFailed?: readonly string[];
    /** Agents who acted in their console (the premise's JDoe, and DMarino when the phase logged them in). */
    readonly agentsActing?: readonly string[];
  };
  /** For each set of servers failed together with no time between, whether the order changes what people see. */
  readonly orderSensitivity: readonly {
    readonly servers: readonly string[];
    readonly orderMatters: boolean;
    /** Orderings grouped by the end state they lead to, when the order matters. */
    readonly groups: readonly (readonly (readonly string[])[])[];
  }[];
  /** The state-space exploration: every state within the test bounds, and the laws checked in each. */
  readonly stateSpace?: StateSpaceReport;
}

export interface StateSpaceReport {
  /** The bounds, as sentences. */
  readonly bounds: readonly string[];
  readonly distinctStates: number;
  readonly transitions: number;
  readonly depthReached: number;
  readonly milliseconds: number;
  readonly laws: readonly {
    readonly id: string;
    readonly name: string;
    readonly claims: readonly string[];
    readonly premise: string;
    readonly conclusion: string;
    /** Transitions into states in which the premise held (and so the conclusion was checked). */
    readonly premiseHeld: number;
    readonly violations: number;
  }[];
  /** The behaviour ledger (exploration/state-space/ledger.ts). */
  readonly ledger: {
    readonly thresholds: Readonly<Record<string, number>>;
    readonly eventsDuringOutages: Readonly<Record<string, number>>;
    readonly concurrentCustomers: Readonly<Record<string, number>>;
    readonly refusals: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly serverStates: Readonly<Record<string, number>>;
    /** Server instances that failed, with what they held (absent in reports from before it was recorded). */
    readonly instancesFailed?: Readonly<Record<string, number>>;
    /** Agents who acted, and in how many transitions. */
    readonly agentsActing?: Readonly<Record<string, number>>;
  };
}
