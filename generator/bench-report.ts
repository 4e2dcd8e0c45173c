/**
 * What `npm run bench` measured, as written to reports/bench.json: the interface between the benchmarks
 * (scripts/bench/) and the docs generator's Performance page. Every comparison is measured side by side with
 * its baseline in the same run, on the machine named here.
 */
export const BENCH_REPORT_VERSION = 1;

/** A figure measured several times after a warm-up: its median and spread. */
export interface Measurement {
  readonly label: string;
  readonly unit: 'ms' | 's' | 'µs' | 'steps/s' | 'MB';
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** A target from the README and whether this run met it. */
export interface Check {
  readonly target: string;
  /** The figure compared with the target, as shown: `2.81×`, `0.42 s`, `131 MB`. */
  readonly measured: string;
  readonly met: boolean;
}

export interface Comparison {
  readonly id: string;
  readonly title: string;
  /** The command that measures only this comparison. */
  readonly command: string;
  /** The subject first, then its baseline(s), if any. */
  readonly measurements: readonly Measurement[];
  readonly checks: readonly Check[];
  /** Why it was not measured in this run (for example BENCH_QUICK=1); then it has no measurements. */
  readonly skipped?: string;
  /** What explains the figures, when a target is missed. */
  readonly note?: string;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

export interface BenchReport {
  readonly version: typeof BENCH_REPORT_VERSION;
  /** ISO 8601, when the run finished. */
  readonly measuredAt: string;
  readonly machine: Machine;
  readonly comparisons: readonly Comparison[];
}

/** Reads a bench.json; a problem is a sentence naming what is wrong, for the page to show instead of the table. */
export function parseBenchReport(text: string): BenchReport {
  const value = JSON.parse(text) as Partial<BenchReport>;
  if (typeof value !== 'object' || value === null || value.version !== BENCH_REPORT_VERSION) {
    throw new Error(`not a version ${BENCH_REPORT_VERSION} benchmark report`);
  }
  if (!value.machine || !Array.isArray(value.comparisons) || typeof value.measuredAt !== 'string') {
    throw new Error('a benchmark report has "measuredAt", "machine" and "comparisons"');
  }
  for (const c of value.comparisons) {
    if (typeof c?.title !== 'string' || !Array.isArray(c.measurements) || !Array.isArray(c.checks)) {
      throw new Error('each comparison has a "title", "measurements" and "checks"');
    }
  }
  return value as BenchReport;
}
