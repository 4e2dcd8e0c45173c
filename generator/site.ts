/**
 * All generated pages of the site, as file contents keyed by their path under docs/generated/, plus the
 * sidebar fragment sidebars.js includes. Pure: writing the files is scripts/generate-docs.ts's job, which
 * writes each feature's page as soon as the run's messages complete it (`featurePage`), then the pages about
 * the run as a whole (`runPages`); `renderSite` does both at once for a run already in memory.
 */
import { assumptionsPage } from './evidence';
import { DEFAULT_PAGE_OPTIONS, featurePage, type PageOptions } from './feature-page';
import { performancePage, type BenchInput } from './performance-page';
import { phaseMatrix } from './phase-matrix';
import { runbookMarkdown, runbookPage } from './runbook-page';
import { RUNBOOKS } from './runbooks';
import { claimsPage, invariantsPage, summaryPage, type ReportLinks } from './run-pages';
import type { FeatureDoc, RunDoc } from './run';

export interface SidebarFragment {
  /** Doc ids of the runbooks, one per failure and ordering (generator/runbooks.ts), in the table's order. */
  readonly runbooks: readonly string[];
  /** Doc ids of the feature pages, in the source's order. */
  readonly features: readonly string[];
  /** Doc ids of the pages about the run as a whole. */
  readonly run: readonly string[];
  /** Doc ids of the rendering self-test pages (the hostile-text fixture run), if it was generated. */
  readonly selfTest: readonly string[];
}

export const SIDEBAR_FILE = 'sidebar.json';

export interface SiteOptions extends PageOptions {
  /** What the Performance page shows. */
  readonly bench: BenchInput;
}

export const DEFAULT_SITE_OPTIONS: SiteOptions = { ...DEFAULT_PAGE_OPTIONS, bench: null };

/** The page file of a feature: `features/application-server.md`. */
export const pageFile = (feature: FeatureDoc): string => `${feature.page}.md`;

/** Re-homes a fixture run's features under `self-test/` (or another prefix) so they cannot collide with the real ones. */
export function asSelfTest(feature: FeatureDoc, prefix = 'self-test/'): FeatureDoc {
  return { ...feature, page: feature.page.replace(/^features\//, prefix) };
}

/** The self-test run's feature pages (a small fixture, rendered whole). */
export function selfTestPages(
  selfTest: RunDoc,
  options: PageOptions = DEFAULT_PAGE_OPTIONS,
  prefix = 'self-test/',
): Map<string, string> {
  const files = new Map<string, string>();
  selfTest.features
    .map((f) => asSelfTest(f, prefix))
    .forEach((f, i) => files.set(pageFile(f), featurePage(f, i + 1, options)));
  return files;
}

/** The pages about the run as a whole and the sidebar fragment; `run.features` need only their summaries. */
export function runPages(
  run: RunDoc,
  reports: ReportLinks,
  selfTest: RunDoc | null = null,
  bench: BenchInput = null,
  more: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const files = new Map<string, string>();
  const docId = (path: string) => `generated/${path}`;
  files.set('summary.md', summaryPage(run, reports));
  files.set('claims.md', claimsPage(run));
  files.set('assumptions.md', assumptionsPage(run.features));
  files.set('invariants.md', invariantsPage(run.exploration));
  files.set('performance.md', performancePage(bench, run.startedAt));
  // Pages about this run against others (what changed, history) and the lists, each `name.md`.
  for (const [path, content] of more) files.set(path, content);
  const sidebar: SidebarFragment = {
    runbooks: RUNBOOKS.map((runbook) => docId(runbookPage(runbook))),
    features: run.features.map((f) => docId(f.page)),
    run: [
      'summary',
      'claims',
      'assumptions',
      'invariants',
      'performance',
      ...[...more.keys()].map((p) => p.replace(/\.md$/, '')),
    ].map(docId),
    selfTest: (selfTest?.features ?? []).map((f) => docId(asSelfTest(f).page)),
  };
  files.set(SIDEBAR_FILE, JSON.stringify(sidebar, null, 2) + '\n');
  return files;
}

/** The at-a-glance page: the hand-written matrix (generator/templates/at-a-glance.md) and the impact by chat phase. */
export const AT_A_GLANCE_FILE = 'at-a-glance.md';
export const AT_A_GLANCE_TEMPLATE = 'generator/templates/at-a-glance.md';

/**
 * The runbooks' pages (generator/runbooks.ts) and the at-a-glance page (`atAGlance` is its template's text): they rest on the evidence register and on running the model, not on
 * the run, so they are the same for every run of a checkout and are rendered apart from the run's pages.
 */
export function runbookPages(atAGlance: string): Map<string, string> {
  const pages = new Map(RUNBOOKS.map((runbook, i) => [`${runbookPage(runbook)}.md`, runbookMarkdown(runbook, i + 1)]));
  pages.set(
    AT_A_GLANCE_FILE,
    `${atAGlance.trimEnd()}\n\n## Impact by chat phase {#impact-by-phase}\n\n${phaseMatrix()}`,
  );
  return pages;
}

export function renderSite(
  run: RunDoc,
  reports: ReportLinks,
  selfTest: RunDoc | null = null,
  options: SiteOptions = DEFAULT_SITE_OPTIONS,
): Map<string, string> {
  const files = new Map<string, string>();
  run.features.forEach((feature, i) => files.set(pageFile(feature), featurePage(feature, i + 1, options)));
  for (const [path, content] of runPages(run, reports, selfTest, options.bench)) files.set(path, content);
  if (selfTest) for (const [path, content] of selfTestPages(selfTest, options)) files.set(path, content);
  return files;
}
