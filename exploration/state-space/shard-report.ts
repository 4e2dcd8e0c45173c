/**
 * What one shard of the nightly job hands to the final job: its figures, its ledgers and its counterexample, as
 * JSON. `mergeReports` adds shards' reports together (read and checked by `shard-report-reading.ts`); the final
 * job prints the merged ledger and fails if any shard found a counterexample, putting the shortest in the summary.
 */
import { CoverageLedger } from '../coverage';
import { addPremiseCounts, newPremiseCounts, type PremiseCounts } from '../laws';
import { BehaviourLedger, type BehaviourLedgerData } from './ledger';
import { ShardReportError } from './shard-report-reading';
import { shown } from '../shown';
import type { Shard } from './search';

export interface ShardReport {
  readonly kind: 'explore' | 'fuzz';
  readonly shard: Shard | null;
  /** The explorer's bounds name, or the fuzzer's seed. */
  readonly run: string;
  readonly distinctStates?: number;
  readonly transitions?: number;
  readonly steps?: number;
  readonly behaviour?: BehaviourLedgerData;
  readonly orderings?: readonly string[];
  readonly serverStates?: readonly number[];
  readonly allServerStates?: readonly number[];
  readonly premises?: PremiseCounts;
  /** The counterexample as printed, with the length of its plan, or null. */
  readonly counterexample: { readonly steps: number; readonly text: string } | null;
}

export function coverageOf(
  ledger: CoverageLedger,
): Pick<ShardReport, 'orderings' | 'serverStates' | 'allServerStates'> {
  return {
    orderings: [...ledger.orderings].sort(),
    serverStates: [...ledger.serverStates].sort((a, b) => a - b),
    allServerStates: [...ledger.allServerStates].sort((a, b) => a - b),
  };
}

export interface MergedReport {
  readonly shards: number;
  readonly distinctStates: number;
  readonly steps: number;
  readonly behaviour: BehaviourLedger;
  readonly coverage: CoverageLedger;
  readonly premises: PremiseCounts;
  /** Every shard's counterexample, shortest first. */
  readonly counterexamples: readonly { readonly from: string; readonly steps: number; readonly text: string }[];
}

export function mergeReports(reports: readonly ShardReport[]): MergedReport {
  const behaviour = new BehaviourLedger();
  const coverage = new CoverageLedger();
  const premises = newPremiseCounts();
  let distinctStates = 0;
  let steps = 0;
  const counterexamples: { from: string; steps: number; text: string }[] = [];
  for (const report of reports) {
    if (report.behaviour) behaviour.merge(report.behaviour);
    for (const o of report.orderings ?? []) coverage.orderings.add(o);
    for (const s of report.serverStates ?? []) coverage.serverStates.add(s);
    for (const s of report.allServerStates ?? []) coverage.allServerStates.add(s);
    if (report.premises) addPremiseCounts(premises, report.premises);
    distinctStates = sum(distinctStates, report.distinctStates ?? 0, 'distinct states');
    steps = sum(steps, report.steps ?? 0, 'fuzzing steps');
    const from = `${report.kind} ${report.run}${report.shard ? ` shard ${report.shard.index + 1}/${report.shard.count}` : ''}`;
    if (report.counterexample) counterexamples.push({ from, ...report.counterexample });
  }
  counterexamples.sort((a, b) => a.steps - b.steps);
  return { shards: reports.length, distinctStates, steps, behaviour, coverage, premises, counterexamples };
}

/** Counts past 2^53 would be rounded: a merged total that large is no run's. */
function sum(a: number, b: number, what: string): number {
  if (!Number.isSafeInteger(a + b))
    throw new ShardReportError(`the shards' ${what} add up past 2^53 - 1: no run reaches that`);
  return a + b;
}

/** "2/4" (the second of four shards) as a 0-based shard; a clear error for anything else. */
export function parseShard(text: string, where: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`${where} must be "i/n" with 1 ≤ i ≤ n (the i-th of n shards), got "${shown(text)}"`);
  }
  return { index: index - 1, count };
}
