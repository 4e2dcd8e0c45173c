/**
 * The one list of the pages generated about a run as a whole. Their routes (generator/routes.ts), their place
 * in the sidebar (the fragment generator/site.ts writes and sidebars.js reads) and their front matter all derive
 * from it. Adding a page is one entry here and its renderer in generator/site.ts's `RENDER` (a missing renderer
 * is a type error). Feature pages and self-test pages are families named by the run, not listed here.
 */
import { yamlString } from './escape';

/** The sidebar groups of the generated pages, in the order the fragment lists them. */
export const SIDEBAR_GROUPS = ['features', 'run', 'selfTest'] as const;
export type SidebarGroup = (typeof SIDEBAR_GROUPS)[number];

export interface ListedPage {
  /** The page's file under docs/generated/, without `.md`; its doc id is `generated/<file>`. */
  readonly file: string;
  /** Its address on the site: a fixed path of lower-case words, validated (not escaped) in the front matter. */
  readonly route: string;
  readonly title: string;
  /** The search engines' and link previews' summary of the page. */
  readonly description: string;
  readonly group: SidebarGroup;
}

/** Every page about the run as a whole, in sidebar order; `sidebar_position` is the place in this list. */
export const PAGE_LIST = [
  {
    id: 'summary',
    file: 'summary',
    route: '/last-run',
    title: 'Last run',
    description: 'Counts, duration and commit of the run these pages were generated from.',
    group: 'run',
  },
  {
    id: 'claims',
    file: 'claims',
    route: '/claims',
    title: 'Claims of the source',
    description: 'Every statement of the source, the scenarios that cover it and their last result.',
    group: 'run',
  },
  {
    id: 'assumptions',
    file: 'assumptions',
    route: '/assumptions',
    title: 'Assumptions of the model',
    description: 'What the model answers where the source is silent, and why.',
    group: 'run',
  },
  {
    id: 'invariants',
    file: 'invariants',
    route: '/invariants',
    title: 'Invariants over failure orderings',
    description: 'What the failure-ordering exploration checked in the last run: invariants, orderings, seed.',
    group: 'run',
  },
  {
    id: 'performance',
    file: 'performance',
    route: '/performance',
    title: 'Performance',
    description:
      'The latest benchmark table: the specification, fuzzing, page generation and the docs build, each against a baseline measured alongside it.',
    group: 'run',
  },
  {
    id: 'changes',
    file: 'changes',
    route: '/changes',
    title: 'What changed',
    description:
      'This run compared with a baseline run: scenarios added, removed, renamed, and whose status, screens or messages changed.',
    group: 'run',
  },
  {
    id: 'history',
    file: 'history',
    route: '/history',
    title: 'Run history',
    description:
      "The last runs: suite duration and fuzzing throughput over time, each scenario's last results, flaky scenarios.",
    group: 'run',
  },
  {
    id: 'knownDefects',
    file: 'known-defects',
    route: '/known-defects',
    title: 'Known defects',
    description:
      'Every scenario pinning down behaviour the source calls incorrect (@known-defect): the agent incorrectly told that the session is still active. What the model infers from it is on the Inferred behaviour page.',
    group: 'run',
  },
  {
    id: 'inferred',
    file: 'inferred',
    route: '/inferred',
    title: 'Inferred behaviour',
    description: 'Every scenario showing what the model infers and the source does not state (@inferred).',
    group: 'run',
  },
] as const satisfies readonly (ListedPage & { readonly id: string })[];

export type PageId = (typeof PAGE_LIST)[number]['id'];

const ROUTE = /^\/[a-z0-9]+(?:[-/][a-z0-9]+)*$/;

for (const [i, page] of PAGE_LIST.entries()) {
  if (!ROUTE.test(page.route))
    throw new Error(`generator/page-list.ts: page ${page.id}: route "${page.route}" is not a path of lower-case words`);
  const clash = PAGE_LIST.findIndex((p) => p.id === page.id || p.file === page.file || p.route === page.route);
  if (clash !== i)
    throw new Error(`generator/page-list.ts: page ${page.id} has the id, file or route of ${PAGE_LIST[clash]!.id}`);
}

/** The fields of a page's front matter; strings from the run are escaped for YAML, listed routes are validated. */
export interface FrontMatter {
  readonly title: string;
  readonly sidebarLabel?: string;
  readonly position: number;
  /** A slug from the run (a feature's page) is quoted; a listed route is a validated constant. */
  readonly slug: { readonly quoted: string } | { readonly listed: string };
  readonly description: string;
}

export function frontMatter(fields: FrontMatter): string {
  return [
    '---',
    `title: ${yamlString(fields.title)}`,
    ...(fields.sidebarLabel === undefined ? [] : [`sidebar_label: ${yamlString(fields.sidebarLabel)}`]),
    `sidebar_position: ${fields.position}`,
    `slug: ${'quoted' in fields.slug ? yamlString(fields.slug.quoted) : fields.slug.listed}`,
    `description: ${yamlString(fields.description)}`,
    '---',
  ].join('\n');
}

/** A listed page by its id. */
export function listedPage(id: PageId): ListedPage {
  return PAGE_LIST.find((p) => p.id === id)!;
}

/** The front matter of a listed page. */
export function listedFrontMatter(id: PageId): string {
  const position = PAGE_LIST.findIndex((p) => p.id === id);
  const page = PAGE_LIST[position]!;
  return frontMatter({
    title: page.title,
    position: position + 1,
    slug: { listed: page.route },
    description: page.description,
  });
}
