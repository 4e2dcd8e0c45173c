/**
 * Every page of the site with every fold open: its diagrams all drawn without a syntax error, no console error or
 * failed request, and, by axe-core (through @axe-core/playwright, WCAG 2 A and AA rules, colour contrast
 * included), no serious or critical violation; none on the playground either,
 * and none at 390 px on the pages a reader opens first and a feature page of each kind; every diagram has an
 * accessible name and description; at 390 px those pages are no wider than the window, the at-a-glance matrix
 * shows as cards and the agent console's chat status is in view.
 *
 * Each page is loaded once: checked at 1400 px, then, for the phone pages, resized to 390 px and checked again in
 * the same load (axe and the layout find there what they find after a fresh load at 390 px:
 * test/support/browser/profile-pages.ts compares the two, docs/engineering/testing.md has its figures).
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { laidOut, phoneLayout, seriousViolations as violations } from '../support/browser/page-checks';
import {
  PAGES_AT_ONCE,
  mermaidResults,
  openPage,
  sitePages,
  startSite,
  type SiteSession,
} from '../support/browser/site-session';

let session: SiteSession;

before(async () => {
  session = await startSite();
});

after(async () => {
  await session?.close();
});

const pages = sitePages();

/** At phone width: the pages a reader opens first, and a feature page of each kind. */
const PHONE_ROUTES = [
  '/',
  '/at-a-glance/',
  '/deployment/',
  '/claims/',
  '/features/messaging-server/',
  '/features/all-three-servers/',
  '/features/services-server/',
  '/last-run/',
  '/performance/',
];

describe('every page of the site, folds open', { concurrency: PAGES_AT_ONCE }, () => {
  for (const sitePage of pages) {
    const phone = PHONE_ROUTES.includes(sitePage.route);
    test(`${sitePage.route} (${sitePage.source}): its ${sitePage.mermaidBlocks} diagrams drawn, no console error, no serious or critical axe violation${phone ? '; at 390 px no wider than the window, chat statuses in view, no serious or critical axe violation' : ''}`, async () => {
      const { page, errors } = await openPage(session, sitePage.route);
      try {
        const { svgs, broken } = await mermaidResults(page, sitePage.mermaidBlocks);
        strictEqual(svgs, sitePage.mermaidBlocks, 'every mermaid block became exactly one SVG');
        deepStrictEqual(broken, [], 'diagrams with a syntax error');
        deepStrictEqual(await violations(page), []);
        const unnamed = await page.evaluate(() =>
          Array.from(document.querySelectorAll('.docusaurus-mermaid-container svg'))
            .filter((svg) => !svg.querySelector('title')?.textContent || !svg.querySelector('desc')?.textContent)
            .map((svg) => svg.id),
        );
        deepStrictEqual(unnamed, [], 'diagrams without an accessible title and description');
        if (phone) {
          // At phone width, in the same load: the page as a reader's phone shows it, every fold still open.
          await page.setViewportSize({ width: 390, height: 900 });
          await laidOut(page);
          const { overflow, hiddenStatuses } = await phoneLayout(page);
          ok(overflow <= 0, `${sitePage.route} is ${overflow} px wider than the 390 px window`);
          // Every chat status (with its icon) is inside the window, not scrolled off to the right.
          deepStrictEqual(hiddenStatuses, 0, 'chat statuses outside the 390 px window');
          deepStrictEqual(await violations(page), [], 'at 390 px');
        }
        deepStrictEqual(errors, [], 'console errors');
      } finally {
        await page.close();
      }
    });
  }
});

describe('the playground', { concurrency: PAGES_AT_ONCE }, () => {
  for (const width of [1400, 390]) {
    test(`no serious or critical violation at ${width} px, premise and Messaging failed`, async () => {
      const { page } = await openPage(session, '/playground/', width);
      try {
        await page.locator('[data-ready="true"]').waitFor();
        await page.locator('#control-fail-Messaging').click();
        await page.locator('[data-view="diagram"] svg').first().waitFor();
        await page.locator('table[data-query="Chats still open"]').waitFor();
        deepStrictEqual(await violations(page), []);
      } finally {
        await page.close();
      }
    });
  }
});

describe('at 390 px', { concurrency: PAGES_AT_ONCE }, () => {
  test('the phone pages are all there', () =>
    deepStrictEqual(
      pages
        .filter((p) => PHONE_ROUTES.includes(p.route))
        .map((p) => p.route)
        .sort(),
      [...PHONE_ROUTES].sort(),
      'checked at 390 px with every page above',
    ));

  test('the at-a-glance matrix shows one card per failure, each cell under its column name', async () => {
    const { page } = await openPage(session, '/at-a-glance/', 390);
    try {
      const cards = await cardsOf(page, '.cf-matrix');
      ok(cards.length >= 8, `only ${cards.length} rows`);
      for (const card of cards) {
        deepStrictEqual(card.display, 'block');
        ok(card.fits, 'a card is wider than the window');
        // Each cell is labelled with its own table's column heading (the orderings table has no database column).
        deepStrictEqual(card.labels, card.headings);
        ok(card.labels.length >= 3, `a card has only ${card.labels.length} labelled cells`);
      }
    } finally {
      await page.close();
    }
  });

  test("a feature page's outage summary shows one card per rule, each cell as wide as its card", async () => {
    const { page } = await openPage(session, '/features/two-application-servers/', 390);
    try {
      const cards = await cardsOf(page, '.cf-outage');
      ok(cards.length >= 3, `only ${cards.length} rows`);
      for (const card of cards) {
        ok(card.fits, 'a card is wider than the window');
        // Each cell under the one before it, the whole width of the card, not squeezed into a column.
        deepStrictEqual(card.narrow, []);
        deepStrictEqual(card.labels, card.headings);
        ok(card.labels.length === 3, `a card has ${card.labels.length} labelled cells`);
      }
    } finally {
      await page.close();
    }
  });

  test("the Performance page's tables show one card per comparison, every cell inside the window", async () => {
    const { page } = await openPage(session, '/performance/', 390);
    try {
      const tables = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.cf-cards table')).map((table) => {
          const headings = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
          const groups = Array.from(table.querySelectorAll('tbody'));
          const cells = Array.from(table.querySelectorAll('tbody td'));
          const outside = (cell: Element) => {
            const box = cell.getBoundingClientRect();
            return box.left < 0 || box.right > window.innerWidth;
          };
          return {
            groups: groups.length,
            notCards: groups.filter((g) => getComputedStyle(g).display !== 'block').length,
            cells: cells.length,
            outside: cells.filter(outside).map((cell) => cell.textContent!.slice(0, 40)),
            // Each cell shows the name of its own column above it.
            mislabelled: cells
              .filter((cell) => {
                const label = cell.getAttribute('data-label') ?? '';
                return (
                  !headings.includes(label) || getComputedStyle(cell, '::before').content !== JSON.stringify(label)
                );
              })
              .map((cell) => cell.textContent!.slice(0, 40)),
          };
        }),
      );
      deepStrictEqual(tables.length, 2, 'the targets and the measurements tables');
      for (const table of tables) {
        ok(table.groups >= 3, `only ${table.groups} comparisons`);
        ok(table.cells > table.groups, `only ${table.cells} cells`);
        deepStrictEqual(table.notCards, 0, 'row groups not shown as cards');
        deepStrictEqual(table.outside, [], 'cells outside the window');
        deepStrictEqual(table.mislabelled, [], 'cells without their column name');
      }
    } finally {
      await page.close();
    }
  });
});

/**
 * Each body row of the tables in `selector` as the phone layout shows it: its display, whether it fits the
 * window, its cells narrower than the card, and the label each cell after the first shows beside its column's
 * heading.
 */
function cardsOf(page: Page, selector: string) {
  return page.evaluate(
    (tables) =>
      Array.from(document.querySelectorAll(`${tables} tbody tr`)).map((row) => {
        const inner = row.clientWidth;
        const cells = Array.from(row.querySelectorAll('th, td'));
        return {
          display: getComputedStyle(row).display,
          fits: row.getBoundingClientRect().right <= window.innerWidth,
          narrow: cells
            .filter((cell) => cell.getBoundingClientRect().width < inner * 0.95)
            .map(
              (cell) =>
                `${cell.getAttribute('data-label') ?? 'rule'}: ${Math.round(cell.getBoundingClientRect().width)} of ${inner} px`,
            ),
          labels: cells.slice(1).map((cell) => getComputedStyle(cell, '::before').content),
          headings: Array.from(row.closest('table')!.querySelectorAll('thead th'))
            .slice(1)
            .map((th) => JSON.stringify(th.textContent!.trim())),
        };
      }),
    selector,
  );
}
