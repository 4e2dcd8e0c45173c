/** Where the pages live on the site, so that pages and hand-written docs link to one place. */
import { PAGE_LIST, type PageId } from './page-list';

/** The route of every listed page (generator/page-list.ts), by its id. */
const LISTED = Object.fromEntries(PAGE_LIST.map((page) => [page.id, page.route])) as {
  readonly [Id in PageId]: Extract<(typeof PAGE_LIST)[number], { id: Id }>['route'];
};

export const ROUTES = {
  ...LISTED,
  /** Hand-written: docs/sources.md. */
  sources: '/sources',
  reportsHtml: '/reports/cucumber.html',
  reportsJunit: '/reports/junit.xml',
  reportsBench: '/reports/bench.json',
} as const;

/** The anchor of a claim on the claims page: `APP-F1` → `claim-app-f1`. */
export function claimAnchor(id: string): string {
  return `claim-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
