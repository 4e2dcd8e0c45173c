/**
 * What the failure-ordering exploration checked, attached to the cucumber run by the invariants feature so
 * the docs site can show it. Producer: exploration/ (invariants feature steps). Reader: the docs generator.
 */
export const EXPLORATION_MEDIA_TYPE = 'application/vnd.chat-failure.exploration+json';

export interface ExplorationReport {
  readonly invariants: readonly { readonly name: string; readonly explanation: string; readonly violations: number }[];
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
  };
  readonly random: {
    readonly seed: number;
    readonly runs: number;
    readonly stepsExecuted: number;
    readonly stepsPerSecond: number;
    readonly orderingsReached: number;
    readonly serverStatesReached: number;
  };
  /** For each set of servers failed together with no time between, whether the order changes what people see. */
  readonly orderSensitivity: readonly {
    readonly servers: readonly string[];
    readonly orderMatters: boolean;
    /** Orderings grouped by the end state they lead to, when the order matters. */
    readonly groups: readonly (readonly (readonly string[])[])[];
  }[];
}
