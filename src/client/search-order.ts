/**
 * Operate first in the search results (issue 22 item 1). The local search plugin ranks results by lunr's score
 * and then groups each page's headings under its title (its `sortSearchResults`); it has no ranking option, and
 * `searchContextByPaths` splits the index by path instead of ordering it (the Operate pages are not under one
 * path: `/`, `/runbooks/…`, `/at-a-glance/`). So the results are reordered after the plugin's own order: every
 * result of a page in the Operate sidebar comes before those of other pages, each side keeping the plugin's order,
 * so a page's headings stay under its title. Which pages are Operate's is read from the docs plugin's global data,
 * each doc with the sidebar it is in (sidebars.js), not listed again here.
 */

/** What this needs of one of the plugin's results: the page it points into (`u`, the page's route). */
export interface SearchResultLike {
  readonly document: { readonly u: string };
  isInterOfTree?: boolean;
  isLastOfTree?: boolean;
}

/** The route without its trailing slash (`/runbooks/x/` and `/runbooks/x` are one page), `/` kept. */
export const pageRoute = (route: string): string => (route.length > 1 ? route.replace(/\/+$/, '') : route);

/** The routes of the docs in sidebar `sidebar`, from the docs plugin's global data (its `versions[].docs[]`). */
export function sidebarRoutes(globalData: unknown, sidebar: string): Set<string> {
  const docs = (globalData as { 'docusaurus-plugin-content-docs'?: Record<string, { versions?: unknown }> })[
    'docusaurus-plugin-content-docs'
  ];
  const routes = new Set<string>();
  for (const instance of Object.values(docs ?? {})) {
    for (const version of (instance.versions ?? []) as { docs?: { path: string; sidebar?: string }[] }[]) {
      for (const doc of version.docs ?? []) if (doc.sidebar === sidebar) routes.add(pageRoute(doc.path));
    }
  }
  return routes;
}

/**
 * The results with those of `first` pages before the others, each side in the order it had (a stable
 * partition), and the flags that draw a page's headings as a tree under its title set again by `treeStatus`
 * (the plugin's own function), since a heading's neighbours may have changed.
 */
export function pagesFirst<R extends SearchResultLike>(
  results: readonly R[],
  first: ReadonlySet<string>,
  treeStatus: (results: R[]) => void,
): R[] {
  const isFirst = (r: R) => first.has(pageRoute(r.document.u.split('#')[0]!));
  const ordered = [...results.filter(isFirst), ...results.filter((r) => !isFirst(r))];
  for (const result of ordered) {
    delete result.isInterOfTree;
    delete result.isLastOfTree;
  }
  treeStatus(ordered);
  return ordered;
}
