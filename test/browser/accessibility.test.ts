/**
 * Every page of the site with every fold open: its diagrams all drawn without a syntax error, no console error or
 * failed request, and, by axe-core (through @axe-core/playwright, WCAG 2 A and AA rules, colour contrast
 * included), no serious or critical violation; none on the playground either,
 * and none at 390 px on the pages a reader opens first and a feature page of each kind; every diagram has an
 * accessible name and description; at 390 px those pages are no wider than the window, the at-a-glance matrix
 * shows as cards and the agent console's chat status is in view.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import {
  PAGES_AT_ONCE,
  diagramsDrawn,
  mermaidResults,
  openAllFolds,
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

/** Serious and critical violations, one line each with where they are. */
async function violations(page: Page): Promise<string[]> {
  // Mermaid's SVG internals (thousands of text nodes in mermaid's own theme) are left to mermaid; what this project
  // adds to each diagram, its accessible name and description, is checked below.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('.docusaurus-mermaid-container svg')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}; ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

const pages = sitePages();

describe('every page of the site, folds open', { concurrency: PAGES_AT_ONCE }, () => {
  for (const sitePage of pages) {
    test(`${sitePage.route} (${sitePage.source}): its ${sitePage.mermaidBlocks} diagrams drawn, no console error, no serious or critical axe violation`, async () => {
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

describe('at 390 px', { concurrency: PAGES_AT_ONCE }, () => {
  const phonePages = pages.filter((p) => PHONE_ROUTES.includes(p.route));
  test('the phone pages are all there', () => deepStrictEqual(phonePages.length, PHONE_ROUTES.length));
  for (const sitePage of phonePages) {
    test(`${sitePage.route} is no wider than the window, and passes axe`, async () => {
      const { page } = await openPage(session, sitePage.route, 390);
      try {
        await openAllFolds(page);
        if (sitePage.mermaidBlocks) await diagramsDrawn(page, sitePage.mermaidBlocks);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        ok(overflow <= 0, `${sitePage.route} is ${overflow} px wider than the window`);
        deepStrictEqual(await violations(page), []);
        // Every chat status (with its icon) is inside the window, not scrolled off to the right.
        const hidden = await page.evaluate(
          () =>
            Array.from(document.querySelectorAll('.cf-chat-status'))
              .map((cell) => cell.getBoundingClientRect())
              .filter((box) => box.width > 0 && (box.left < 0 || box.right > window.innerWidth)).length,
        );
        deepStrictEqual(hidden, 0, 'chat statuses outside the window');
      } finally {
        await page.close();
      }
    });
  }

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
