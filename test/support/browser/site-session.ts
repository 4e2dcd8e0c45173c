/**
 * What the site's browser tests share: the built site on a plain static server, the browser, opening a page
 * that records its errors, waiting for its diagrams, the list of pages with their routes, and how many pages to
 * check at once.
 *
 * `npm run test:browser` (test/support/browser/run.ts) serves the site and launches the browser once for the whole suite
 * and runs the test files side by side; each file's `startSite()` then connects to them. A file run on its own
 * (`node --require ts-node/register --test test/browser/x.test.ts`) starts its own. A new browser test starts
 * the site with `startSite()`, opens pages with `openPage`/`newSitePage`, and checks a list of pages either as
 * tests under `describe(…, { concurrency: PAGES_AT_ONCE })` or inside one test with `eachAtOnce`: never one page
 * after another, and never a fixed sleep (wait for the event that matters: `diagramsDrawn`, a `data-` attribute).
 */
import { ok, strictEqual } from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { connectBrowser, launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './static-server';

export const root = join(__dirname, '..', '..', '..');
export const buildDir = join(root, 'build');
const docsDir = join(root, 'docs');

export interface SitePage {
  readonly source: string;
  readonly route: string;
  readonly mermaidBlocks: number;
}

/**
 * How long a test waits for what it waits on (a page's load, its diagrams, a landing) before it calls it a hang:
 * pages are checked several at once on a machine others share too, and a wait that is no hang can pass a minute.
 */
export const WAIT_MS = 180_000;

/** The environment through which the browser runner hands each test file the site's address and the browser. */
export const SHARED_SITE = { url: 'BROWSER_TESTS_SITE_URL', browser: 'BROWSER_TESTS_BROWSER_WS' } as const;

/**
 * How many pages a test keeps open at once (`BROWSER_PAGES`, 1 to 16; 3 by default): most of a page's time is
 * spent waiting (loading, fonts, a diagram's chunks), so a few at once keep the cores busy.
 */
export const PAGES_AT_ONCE = pagesAtOnce(process.env.BROWSER_PAGES);

function pagesAtOnce(value: string | undefined): number {
  if (value === undefined) return 3;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new Error(`BROWSER_PAGES is "${value}": a whole number from 1 to 16`);
  return n;
}

/**
 * Runs `check` on every item, at most `limit` at a time (`worker` says which of the `limit` lanes runs it, for a
 * page of its own per lane), and waits for all of them; then fails with the first failure, if any: every item is
 * still checked.
 */
export async function eachAtOnce<T>(
  items: readonly T[],
  check: (item: T, index: number, worker: number) => Promise<void>,
  limit = PAGES_AT_ONCE,
): Promise<void> {
  const failures: unknown[] = [];
  let next = 0;
  const lane = async (worker: number) => {
    while (next < items.length) {
      const index = next++;
      try {
        await check(items[index]!, index, worker);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, worker) => lane(worker)));
  if (failures.length) throw failures[0];
}

/**
 * Pages made by `make` when first needed and lent to one test at a time, so that tests run side by side (under
 * `describe(…, { concurrency: PAGES_AT_ONCE })`) each have a page, and a page used again keeps its cache, as one
 * reader's does.
 */
export function pagePool<P>(make: () => Promise<P>): { use<R>(test: (page: P) => Promise<R>): Promise<R> } {
  const idle: P[] = [];
  return {
    async use(test) {
      const page = idle.pop() ?? (await make());
      try {
        return await test(page);
      } finally {
        idle.push(page);
      }
    },
  };
}

/** The route as the site links to it: directory-style (`trailingSlash: true`), `/claims` → `/claims/`. */
export const directoryRoute = (route: string): string => (route.endsWith('/') ? route : `${route}/`);

/** Every page of docs/ with its route (from its `slug`, or its path) and how many mermaid blocks it holds. */
export function sitePages(): SitePage[] {
  const pages: SitePage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const text = readFileSync(path, 'utf8');
        const slug = /^---\n[\s\S]*?^slug:\s*"?([^"\n]+)"?\s*$[\s\S]*?^---$/m.exec(text)?.[1];
        const route = directoryRoute(slug ?? `/${relative(docsDir, path).replace(/\.md$/, '')}`);
        pages.push({ source: relative(root, path), route, mermaidBlocks: (text.match(/^```mermaid$/gm) ?? []).length });
      }
    }
  };
  walk(docsDir);
  return pages;
}

export interface SiteSession {
  readonly site: StaticSite;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * The contexts of closed pages still being closed (`newSitePage`). The session waits for them before it closes the
 * browser: a context closed while the browser shuts down is one the browser has already forgotten.
 */
const closingContexts = new Set<Promise<void>>();

/**
 * The built site on a static server, and the browser; `page` is a built file the tests need (the home page).
 * Under the browser runner, the ones it started (closing the session only disconnects); otherwise its own.
 */
export async function startSite(page = 'index.html'): Promise<SiteSession> {
  ok(existsSync(join(buildDir, page)), `build/ has no ${page}: run npm run build first`);
  const sharedUrl = process.env[SHARED_SITE.url];
  const sharedBrowser = process.env[SHARED_SITE.browser];
  if (sharedUrl && sharedBrowser) {
    const browser = await connectBrowser(sharedBrowser);
    return {
      site: { url: sharedUrl, close: async () => {} },
      browser,
      close: async () => {
        await Promise.all(closingContexts);
        await browser.close();
      },
    };
  }
  const site = await serveStatic(buildDir);
  const browser = await launchBrowser();
  return {
    site,
    browser,
    close: async () => {
      await Promise.all(closingContexts);
      await browser.close();
      await site.close();
    },
  };
}

export interface OpenPage {
  readonly page: Page;
  /** Console errors, failed requests and uncaught exceptions since the page started loading. */
  readonly errors: string[];
}

/** A browser context (its own cache and storage) with pages `width` px wide, waiting up to `WAIT_MS`. */
export async function newContext(session: SiteSession, width = 1400): Promise<BrowserContext> {
  const context = await session.browser.newContext({ viewport: { width, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  return context;
}

/**
 * A browser page in a context of its own (axe-core's playwright binding needs one), closed with the page, that
 * records console errors, responses of 400 and more and uncaught exceptions from the moment it starts loading;
 * with `requestFailures`, also requests that failed outright (the playground's tests leave them out: they load
 * one page after another in the same tab, which aborts what the last one still had under way).
 */
export async function newSitePage(session: SiteSession, width = 1400, requestFailures = true): Promise<OpenPage> {
  const context = await newContext(session, width);
  const page = await context.newPage();
  // A page still open when the session ends is closed with the browser, and its context with it: closing that
  // context again then fails with "has been closed" (or, from a newer Chromium, "Failed to find context"), which
  // is expected. Any other failure is left to surface.
  page.on('close', () => {
    const closing = context
      .close()
      .catch((error: Error) => {
        if (!/has been closed|Failed to find context/.test(error.message)) throw error;
      })
      .finally(() => closingContexts.delete(closing));
    closingContexts.add(closing);
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  if (requestFailures) recordRequestFailures(page, errors);
  return { page, errors };
}

/**
 * Records every request of `page` that failed outright, but one its document gave up by going to another page:
 * aborted (`net::ERR_ABORTED`) after the main frame had started a navigation issued later than the request (the
 * chunks Docusaurus prefetches for the links in view, still loading when a test goes to another address in the same
 * tab). Any other failure, and an abort of a request of the page being shown, is recorded.
 */
function recordRequestFailures(page: Page, errors: string[]): void {
  const issued = new WeakMap<Request, number>();
  let requests = 0;
  let lastNavigation = -1;
  page.on('request', (request) => {
    issued.set(request, ++requests);
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) lastNavigation = requests;
  });
  page.on('requestfailed', (request) => {
    const left = request.failure()?.errorText === 'net::ERR_ABORTED' && (issued.get(request) ?? 0) < lastNavigation;
    if (!left) errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason given'})`);
  });
}

/** Opens a page at `route`, recording what goes wrong on it (`newSitePage`), once its article has been shown. */
export async function openPage(session: SiteSession, route: string, width = 1400): Promise<OpenPage> {
  const { page, errors } = await newSitePage(session, width);
  const response = await page.goto(session.site.url + route, { waitUntil: 'load' });
  strictEqual(response?.status(), 200, `${route} answered ${response?.status()}`);
  strictEqual(response.request().redirectedFrom(), null, `${route} was redirected: not the route the site links to`);
  // A doc page has its article; the playground (a page of its own, no article) its playground.
  await page.locator('article, [data-ready]').first().waitFor();
  return { page, errors };
}

/** Opens every fold of the page, so that its diagrams draw (src/theme/Mermaid draws only what can be seen). */
export async function openAllFolds(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const fold of Array.from(document.querySelectorAll('main details'))) (fold as HTMLDetailsElement).open = true;
  });
}

/** Waits until every mermaid block of the page has become an SVG (drawn or failed). */
export async function diagramsDrawn(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= n,
    expected,
    { timeout: WAIT_MS },
  );
}

/** Waits until every mermaid block of the page has rendered (or failed), then describes what each became. */
export async function mermaidResults(page: Page, expected: number): Promise<{ svgs: number; broken: string[] }> {
  // Diagrams draw when their fold opens (src/theme/Mermaid): open them all, as a reader may.
  await openAllFolds(page);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= n,
    expected,
    { timeout: WAIT_MS },
  );
  return page.evaluate(() => {
    const svgs = Array.from(document.querySelectorAll('.docusaurus-mermaid-container svg'));
    const broken = svgs
      .filter(
        (svg) =>
          svg.getAttribute('aria-roledescription') === 'error' ||
          // Mermaid's own failure texts, drawn in place of the diagram ("Maximum text size in diagram exceeded").
          /Syntax error|Parse error|Lexical error|Maximum text size|Error:/i.test(svg.textContent ?? ''),
      )
      .map((svg) => (svg.textContent ?? '').slice(0, 200));
    // The theme shows an error boundary's message where a diagram failed to render.
    for (const fallback of Array.from(
      document.querySelectorAll('article [class*="errorBoundary"], article .alert--danger'),
    )) {
      broken.push((fallback.textContent ?? '').slice(0, 200));
    }
    return { svgs: svgs.length, broken };
  });
}
