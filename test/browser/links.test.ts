/**
 * Links that land: every link of the at-a-glance matrix (followed by clicking, as a reader does: click, read, go
 * back to the matrix, click the next) and every link of the claims page to a scenario (opened cold, as a shared
 * link is) ends with its heading at the top of the window once the page's diagrams have drawn, and the scenario's
 * folds open.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  WAIT_MS,
  eachAtOnce,
  newContext,
  openPage,
  startSite,
  type OpenPage,
  type SiteSession,
} from '../support/browser/site-session';

let session: SiteSession;

before(async () => {
  session = await startSite();
});

after(async () => {
  await session?.close();
});

/** Where the linked heading ended up, after the diagrams of the open folds have drawn and the page settled. */
async function landing(page: Page, id: string): Promise<{ top: number; folds: number; openFolds: number }> {
  await page.waitForFunction(
    (anchor) => {
      const target = document.getElementById(anchor);
      // The page has landed (src/client/anchor-landing.js) on this anchor: it is hydrated, its folds opened.
      if (!target || document.documentElement.getAttribute('data-landed') !== anchor) return false;
      // Every diagram in an open fold has drawn.
      const open = Array.from(document.querySelectorAll('details[open] .docusaurus-mermaid-container'));
      return open.every((container) => container.querySelector('svg'));
    },
    id,
    { timeout: WAIT_MS },
  );
  // Two frames with no movement: the layout has settled.
  await page.waitForFunction(
    (anchor) =>
      new Promise<boolean>((resolve) => {
        const first = document.getElementById(anchor)!.getBoundingClientRect().top;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(document.getElementById(anchor)!.getBoundingClientRect().top === first)),
        );
      }),
    id,
    { timeout: WAIT_MS },
  );
  return page.evaluate((anchor) => {
    const folds = Array.from(document.querySelectorAll('details[data-fold-for]')).filter(
      (fold) => fold.getAttribute('data-fold-for') === anchor,
    );
    return {
      top: Math.round(document.getElementById(anchor)!.getBoundingClientRect().top),
      folds: folds.length,
      openFolds: folds.filter((fold) => (fold as HTMLDetailsElement).open).length,
    };
  }, id);
}

/** The navbar is 60 px; a heading "at the top" sits just below it (Docusaurus's scroll margin). */
const TOP_MIN = 40;
const TOP_MAX = 130;

function anchorOf(href: string): string {
  return decodeURIComponent(new URL(href, 'http://x').hash.slice(1));
}

describe('the at-a-glance matrix', () => {
  test('every link, clicked, puts its scenario at the top of the window with its folds open', async (t) => {
    // Errors are accessibility.test.ts's job: here, leaving a page while its diagram chunks load aborts their requests.
    const first = await openPage(session, '/at-a-glance/');
    // One page per lane, each following its share of the links as a reader does: loads the matrix once, clicks a
    // link, reads the scenario, goes back to the matrix and clicks the next.
    const lanes: OpenPage[] = [first];
    try {
      const hrefs = await first.page
        .locator('.cf-matrix a[href*="#"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      ok(hrefs.length >= 40, `only ${hrefs.length} links in the matrix`);
      t.diagnostic(`${hrefs.length} links followed`);
      const missed: string[] = [];
      await eachAtOnce(hrefs, async (href, index, lane) => {
        const { page } = (lanes[lane] ??= await openPage(session, '/at-a-glance/'));
        if (new URL(page.url()).pathname !== '/at-a-glance/') {
          await page.goBack();
          await page.waitForURL((url) => url.pathname === '/at-a-glance/' && !url.hash);
        }
        // The landing mark is the last landing's until the page lands again: cleared, so this landing is awaited.
        await page.evaluate(() => document.documentElement.removeAttribute('data-landed'));
        const link = page.locator('.cf-matrix a[href*="#"]').nth(index);
        deepStrictEqual(await link.getAttribute('href'), href, `the matrix's link ${index}, back on the matrix`);
        await link.click();
        await page.waitForURL((url) => url.hash.length > 1);
        const id = anchorOf(href);
        const where = await landing(page, id);
        if (where.top < TOP_MIN || where.top > TOP_MAX) missed.push(`${href}: heading at ${where.top} px`);
        if (where.openFolds !== where.folds) missed.push(`${href}: ${where.openFolds} of ${where.folds} folds open`);
      });
      deepStrictEqual(missed.sort(), [], 'links that did not land');
    } finally {
      await Promise.all(lanes.map(({ page }) => page.close()));
    }
  });
});

describe('the claims page', () => {
  test('every link to a scenario, opened cold, lands on it', async (t) => {
    const { page } = await openPage(session, '/claims/');
    const hrefs = [
      ...new Set(
        await page
          .locator('article a[href^="/features/"][href*="#"]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')!)),
      ),
    ];
    await page.close();
    ok(hrefs.length >= 30, `only ${hrefs.length} scenario links on the claims page`);
    t.diagnostic(`${hrefs.length} links followed`);
    const missed: string[] = [];
    // One browser context (its cache shared, as one reader's is), a new page for each link, a few at once.
    const context = await newContext(session);
    try {
      await eachAtOnce(hrefs, async (href) => {
        const reader = await context.newPage();
        try {
          await reader.goto(session.site.url + href, { waitUntil: 'load' });
          const where = await landing(reader, anchorOf(href));
          if (where.top < TOP_MIN || where.top > TOP_MAX) missed.push(`${href}: heading at ${where.top} px`);
          if (where.openFolds !== where.folds) missed.push(`${href}: ${where.openFolds} of ${where.folds} folds open`);
        } finally {
          await reader.close();
        }
      });
    } finally {
      await context.close();
    }
    deepStrictEqual(missed.sort(), [], 'links that did not land');
  });
});
