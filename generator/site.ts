/**
 * All generated pages of the site, as file contents keyed by their path under docs/generated/, plus the
 * sidebar fragment sidebars.js includes. Pure: writing the files is scripts/generate-docs.ts's job.
 */
import { featurePage } from './feature-page';
import { claimsPage, invariantsPage, summaryPage, type ReportLinks } from './run-pages';
import type { FeatureDoc, RunDoc } from './run';

export interface SidebarFragment {
  /** Doc ids of the feature pages, in the source's order. */
  readonly features: readonly string[];
  /** Doc ids of the pages about the run as a whole. */
  readonly run: readonly string[];
  /** Doc ids of the rendering self-test pages (the hostile-text fixture run), if it was generated. */
  readonly selfTest: readonly string[];
}

export const SIDEBAR_FILE = 'sidebar.json';

/** Re-homes a fixture run's features under `self-test/` so they cannot collide with the real ones. */
function asSelfTest(feature: FeatureDoc): FeatureDoc {
  return { ...feature, page: feature.page.replace(/^features\//, 'self-test/') };
}

export function renderSite(run: RunDoc, reports: ReportLinks, selfTest: RunDoc | null = null): Map<string, string> {
  const files = new Map<string, string>();
  const docId = (path: string) => `generated/${path}`;
  run.features.forEach((feature, i) => files.set(`${feature.page}.md`, featurePage(feature, i + 1)));
  files.set('summary.md', summaryPage(run, reports));
  files.set('claims.md', claimsPage(run));
  files.set('invariants.md', invariantsPage(run.exploration));
  const selfTestFeatures = (selfTest?.features ?? []).map(asSelfTest);
  selfTestFeatures.forEach((feature, i) => files.set(`${feature.page}.md`, featurePage(feature, i + 1)));
  const sidebar: SidebarFragment = {
    features: run.features.map((f) => docId(f.page)),
    run: ['summary', 'claims', 'invariants'].map(docId),
    selfTest: selfTestFeatures.map((f) => docId(f.page)),
  };
  files.set(SIDEBAR_FILE, JSON.stringify(sidebar, null, 2) + '\n');
  return files;
}
