/**
 * Operate first in the search results (src/client/search-order.ts): the Operate sidebar's pages before the
 * others, each side in the plugin's order, a page's headings kept under its title with their tree marks set
 * again, and the Operate pages read from the docs plugin's global data.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { test } from 'node:test';
import { pageRoute, pagesFirst, sidebarRoutes, type SearchResultLike } from '../../../src/client/search-order';

interface Result extends SearchResultLike {
  readonly document: { readonly u: string; readonly t: string };
  readonly page?: { readonly u: string };
}

/** The plugin's own tree marks (its processTreeStatusOfSearchResults), for a result under an earlier title. */
function treeStatus(results: Result[]): void {
  results.forEach((item, i) => {
    if (i > 0 && item.page && results.slice(0, i).some((prev) => prev.document.u === item.page!.u)) {
      if (i < results.length - 1 && results[i + 1]!.page === item.page) item.isInterOfTree = true;
      else item.isLastOfTree = true;
    }
  });
}

const title = (u: string, t: string): Result => ({ document: { u, t } });
const heading = (parent: Result, t: string): Result => ({
  document: { u: parent.document.u, t },
  page: parent.document,
});

test('the Operate pages come first, each side in the order it had, headings under their titles', () => {
  const feature = title('/features/messaging-server/', 'Messaging server failure');
  const featureHeading = heading(feature, 'In an outage');
  const runbook = title('/runbooks/messaging-server/', 'The Messaging server failed');
  const runbookHeading1 = heading(runbook, 'What agents see');
  const runbookHeading2 = heading(runbook, 'When the servers are back');
  const claims = title('/claims/', 'Claims');
  const glance = title('/at-a-glance/', 'At a glance');
  const results = [feature, featureHeading, runbook, runbookHeading1, runbookHeading2, claims, glance];
  treeStatus(results);
  const ordered = pagesFirst(results, new Set(['/runbooks/messaging-server', '/at-a-glance']), treeStatus);
  deepStrictEqual(
    ordered.map((r) => r.document.t),
    [
      'The Messaging server failed',
      'What agents see',
      'When the servers are back',
      'At a glance',
      'Messaging server failure',
      'In an outage',
      'Claims',
    ],
  );
  deepStrictEqual(
    ordered.map((r) => [r.isInterOfTree ?? false, r.isLastOfTree ?? false]),
    [
      [false, false],
      [true, false],
      [false, true],
      [false, false],
      [false, false],
      [false, true],
      [false, false],
    ],
  );
});

test('no Operate result leaves the order as it was', () => {
  const results = [title('/claims/', 'Claims'), title('/laws/', 'Laws')];
  deepStrictEqual(
    pagesFirst(results, new Set(['/']), treeStatus).map((r) => r.document.u),
    ['/claims/', '/laws/'],
  );
});

test("the Operate pages are the docs the docs plugin's global data puts in the operate sidebar", () => {
  const globalData = {
    'docusaurus-plugin-content-docs': {
      default: {
        versions: [
          {
            docs: [
              { id: 'index', path: '/', sidebar: 'operate' },
              { id: 'generated/runbooks/web-server', path: '/runbooks/web-server', sidebar: 'operate' },
              { id: 'generated/claims', path: '/claims', sidebar: 'engineering' },
              { id: 'generated/self-test/x', path: '/self-test/x' },
            ],
          },
        ],
      },
    },
  };
  deepStrictEqual([...sidebarRoutes(globalData, 'operate')], ['/', '/runbooks/web-server']);
  deepStrictEqual([...sidebarRoutes({}, 'operate')], []);
  deepStrictEqual([pageRoute('/runbooks/x/'), pageRoute('/')], ['/runbooks/x', '/']);
});
