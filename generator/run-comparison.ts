/**
 * Comparing the run being published with a baseline run while its feature pages stream out: each feature is
 * observed as it completes (its pages flag the scenarios that changed), and once the run is done the whole
 * comparison gives the "What changed" page and the pull request summary. Pure; the baseline's snapshots are
 * read by scripts/generate-docs.ts.
 */
import { BaselineIndex, compareRuns, type RunComparison } from './changes';
import { changedFlag, changesPage, changesReport, type RunLabel } from './changes-page';
import { snapshotOf, type ScenarioSnapshot } from './observable';
import { scenariosOf, type FeatureDoc, type ScenarioDoc } from './run-model';

export class RunComparer {
  private readonly index: BaselineIndex | null;
  private readonly current: ScenarioSnapshot[] = [];

  constructor(
    private readonly baseline: { readonly label: RunLabel; readonly snapshots: readonly ScenarioSnapshot[] } | null,
  ) {
    this.index = baseline ? new BaselineIndex(baseline.snapshots) : null;
  }

  /** Records a completed feature; gives the marks its page shows beside each scenario that changed. */
  observe(feature: FeatureDoc): (scenario: ScenarioDoc) => string {
    if (!this.index) return () => '';
    const marks = new Map<ScenarioDoc, string>();
    for (const scenario of scenariosOf(feature)) {
      const snapshot = snapshotOf(feature, scenario);
      this.current.push(snapshot);
      const summary = this.index.summary(snapshot);
      if (summary) marks.set(scenario, changedFlag(snapshot, summary));
    }
    return (scenario) => marks.get(scenario) ?? '';
  }

  /** Once every feature has been observed: the comparison, its page and the summary (null without a baseline). */
  finish(now: RunLabel): { comparison: RunComparison | null; page: string; report: string | null } {
    if (!this.baseline) return { comparison: null, page: changesPage(null, null, now), report: null };
    const comparison = compareRuns(this.baseline.snapshots, this.current);
    return {
      comparison,
      page: changesPage(comparison, this.baseline.label, now),
      report: changesReport(comparison, this.baseline.label, now),
    };
  }
}
