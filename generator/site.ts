/**
 * All generated pages of the site, as file contents keyed by their path under docs/generated/, plus the
 * sidebar fragment sidebars.js includes. Pure: the pages about the run as a whole are those of the page list
 * (generator/page-list.ts), each rendered by its entry in `RENDER` under the front matter the list gives it;
 * feature pages come one by one as the run completes them (`featurePage`, see generator/generate.ts);
 * `renderSite` does both at once for a run already in memory.
 */
import { assumptionsPage } from './evidence';
import { changesPage } from './changes-page';
import { DEFAULT_PAGE_OPTIONS, featurePage, type PageOptions } from './feature-page';
import type { HistoryEntry } from './history';
import { historyPage } from './history-page';
import { inferredPage, knownDefectsPage } from './list-pages';
import { listedFrontMatter, PAGE_LIST, SIDEBAR_GROUPS, type PageId, type SidebarGroup } from './page-list';
import { performancePage, type BenchInput } from './performance-page';
import { claimsPage, invariantsPage, summaryPage, type ReportLinks } from './run-pages';
import type { FeatureDoc, RunDoc } from './run';

/** Doc ids per sidebar group: the feature pages in the source's order, the listed pages, the self-test pages. */
export type SidebarFragment = { readonly [Group in SidebarGroup]: readonly string[] };

export const SIDEBAR_FILE = 'sidebar.json';

export interface SiteOptions extends PageOptions {
  /** What the Performance page shows. */
  readonly bench: BenchInput;
  /**
   * The listed pages to render (all of them by default). A fixture run whose @known-defect or @inferred scenarios
   * carry no claim or assumption tags cannot give those two lists, which mark every scenario with what it rests on.
   */
  readonly listed?: readonly PageId[];
}

export const DEFAULT_SITE_OPTIONS: SiteOptions = { ...DEFAULT_PAGE_OPTIONS, bench: null };

/** Every listed page but the two lists that mark each scenario with its claims (for fixture runs without them). */
export const UNMARKED_PAGES: readonly PageId[] = PAGE_LIST.map((p) => p.id).filter(
  (id) => id !== 'knownDefects' && id !== 'inferred',
);

/** What the pages about the run as a whole are rendered from. */
export interface RunPageInput {
  /** The run; its features need only their summaries. */
  readonly run: RunDoc;
  readonly reports: ReportLinks;
  readonly bench: BenchInput;
  /** The run history, this run included (none kept: empty). */
  readonly history: readonly HistoryEntry[];
  /** The "What changed" page, as the comparison with a baseline gave it (generator/run-comparison.ts). */
  readonly changes: string;
}

/** The content of each listed page, under its front matter. */
const RENDER: { readonly [Id in PageId]: (input: RunPageInput) => string } = {
  summary: ({ run, reports }) => summaryPage(run, reports),
  claims: ({ run }) => claimsPage(run),
  assumptions: ({ run }) => assumptionsPage(run.features),
  invariants: ({ run }) => invariantsPage(run.exploration),
  performance: ({ run, bench }) => performancePage(bench, run.startedAt),
  changes: ({ changes }) => changes,
  history: ({ history }) => historyPage(history),
  knownDefects: ({ run }) => knownDefectsPage(run),
  inferred: ({ run }) => inferredPage(run),
};

/** The page file of a feature: `features/application-server.md`. */
export const pageFile = (feature: FeatureDoc): string => `${feature.page}.md`;

const docId = (page: string): string => `generated/${page}`;

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

/** The listed pages about the run as a whole and the sidebar fragment. */
export function runPages(
  input: RunPageInput,
  selfTest: RunDoc | null = null,
  listed: readonly PageId[] = PAGE_LIST.map((p) => p.id),
): Map<string, string> {
  const files = new Map<string, string>();
  const pages = PAGE_LIST.filter((page) => listed.includes(page.id));
  for (const page of pages) files.set(`${page.file}.md`, `${listedFrontMatter(page.id)}\n\n${RENDER[page.id](input)}`);
  const groups = Object.fromEntries(SIDEBAR_GROUPS.map((g) => [g, [] as string[]])) as Record<SidebarGroup, string[]>;
  groups.features.push(...input.run.features.map((f) => docId(f.page)));
  for (const page of pages) groups[page.group].push(docId(page.file));
  groups.selfTest.push(...(selfTest?.features ?? []).map((f) => docId(asSelfTest(f).page)));
  const sidebar: SidebarFragment = groups;
  files.set(SIDEBAR_FILE, JSON.stringify(sidebar, null, 2) + '\n');
  return files;
}

/** What the listed pages of a run in memory are rendered from: no history kept, no baseline compared. */
export function inMemoryInput(run: RunDoc, reports: ReportLinks, bench: BenchInput = null): RunPageInput {
  const changes = changesPage(null, null, { file: 'the run in memory', startedAt: run.startedAt, commit: run.commit });
  return { run, reports, bench, history: [], changes };
}

/** The whole site of a run in memory, with no history and no baseline. */
export function renderSite(
  run: RunDoc,
  reports: ReportLinks,
  selfTest: RunDoc | null = null,
  options: SiteOptions = DEFAULT_SITE_OPTIONS,
): Map<string, string> {
  const files = new Map<string, string>();
  run.features.forEach((feature, i) => files.set(pageFile(feature), featurePage(feature, i + 1, options)));
  for (const [path, content] of runPages(inMemoryInput(run, reports, options.bench), selfTest, options.listed))
    files.set(path, content);
  if (selfTest) for (const [path, content] of selfTestPages(selfTest, options)) files.set(path, content);
  return files;
}
