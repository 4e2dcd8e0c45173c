/**
 * The model of one cucumber run that the pages are rendered from: features in the source's order, their rules
 * and scenarios, each scenario's steps with the last attempt's results, and the attachments the steps and hooks
 * made (trace, end state, plan, diagnostic queries, exploration report). Types only, and the two rules every
 * page uses (the worst of several statuses; a feature's scenarios in order); `run.ts` builds it from messages.
 */
import type { Trace } from '../model/trace';
import type { DeploymentView } from '../model/views';
import type { ExplorationReport } from '../exploration/report';
import type { Plan } from '../model/actions';

/**
 * Every status a scenario or step can have: cucumber's seven, and "not run" for a scenario that no attempt
 * reached. In the order the pages list them; read wherever a status is checked or listed.
 */
export const STATUSES = [
  'passed',
  'failed',
  'ambiguous',
  'undefined',
  'pending',
  'skipped',
  'unknown',
  'not run',
] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is Status {
  return (STATUSES as readonly unknown[]).includes(value);
}

/** How bad each status is, worst highest, as cucumber ranks them: a scenario shows the worst of its steps'. */
const SEVERITY: Readonly<Record<Status, number>> = {
  failed: 7,
  ambiguous: 6,
  undefined: 5,
  pending: 4,
  skipped: 3,
  unknown: 2,
  'not run': 1,
  passed: 0,
};

export function worstStatus(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return 'not run';
  return [...statuses].sort((a, b) => SEVERITY[b] - SEVERITY[a])[0]!;
}

export interface Claim {
  readonly id: string;
  readonly section: string;
  readonly statement: string;
  readonly defect?: boolean;
  /** A "similar to" or "combination" claim's facets: each claim it refers to, the same or differing, and why. */
  readonly facets?: readonly { readonly claim: string; readonly differs?: string }[];
}

export interface StepDoc {
  readonly keyword: string;
  readonly text: string;
  /** A hook rather than a Gherkin step (only shown when it did not pass). */
  readonly hook: boolean;
  readonly fromBackground: boolean;
  readonly status: Status;
  readonly milliseconds: number;
  readonly error: string | null;
  readonly docString: string | null;
  readonly dataTable: readonly (readonly string[])[] | null;
}

/** A diagnostic query a step ran against the scenario's database, and what it returned. */
export interface QueryDoc {
  readonly title: string;
  /** The query as a support engineer runs it on a real deployment (SQL Server). */
  readonly sqlServer: string;
  /** What the embedded engine ran: the SQL Server text after its one documented translation. */
  readonly sql: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** The step that ran it (keyword and text), if the attachment names one. */
  readonly step: string | null;
}

export interface ScenarioDoc {
  readonly kind: 'scenario';
  readonly name: string;
  readonly keyword: string;
  readonly description: string;
  readonly anchor: string;
  readonly line: number;
  /** Own tags plus those inherited from the feature and rule, as cucumber gives them. */
  readonly tags: readonly string[];
  readonly claimIds: readonly string[];
  readonly knownDefect: boolean;
  readonly inferred: boolean;
  readonly status: Status;
  readonly milliseconds: number;
  /** When its last attempt started (ms since the epoch) and on which worker of a parallel run, if known. */
  readonly startedAt: number | null;
  readonly worker: string | null;
  readonly steps: readonly StepDoc[];
  readonly trace: Trace | null;
  readonly endState: DeploymentView | null;
  readonly plan: Plan | null;
  readonly queries: readonly QueryDoc[];
}

export interface RuleDoc {
  readonly kind: 'rule';
  readonly name: string;
  readonly description: string;
  readonly anchor: string;
  readonly tags: readonly string[];
  readonly background: readonly string[] | null;
  readonly scenarios: readonly ScenarioDoc[];
}

export interface FeatureDoc {
  readonly uri: string;
  /** The page's path under the generated folder, without extension: `features/application-server`. */
  readonly page: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly background: { readonly name: string; readonly steps: readonly string[] } | null;
  readonly children: readonly (RuleDoc | ScenarioDoc)[];
  readonly status: Status;
}

export interface ClaimCoverage {
  readonly claim: Claim;
  readonly scenarios: readonly { readonly feature: FeatureDoc; readonly scenario: ScenarioDoc }[];
  readonly status: Status;
}

export interface RunDoc {
  readonly startedAt: string | null;
  readonly milliseconds: number;
  readonly success: boolean;
  readonly cucumberVersion: string;
  readonly commit: string | null;
  readonly features: readonly FeatureDoc[];
  readonly claims: readonly ClaimCoverage[];
  /** Tags on scenarios that look like claim ids but name no claim in the register. */
  readonly unknownClaimTags: readonly string[];
  readonly exploration: ExplorationReport | null;
  /** Each feature file's uri → a digest of its text as the run read it (from the run's `source` messages). */
  readonly sources: Readonly<Record<string, string>>;
}

export function scenariosOf(feature: FeatureDoc): ScenarioDoc[] {
  return feature.children.flatMap((child) => (child.kind === 'rule' ? child.scenarios : [child]));
}
