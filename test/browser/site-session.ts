/**
 * What the site's browser tests share: the built site on a plain static server, the browser, opening a page
 * that records its errors, waiting for its diagrams, and the list of pages with their routes.
 */
import { ok, strictEqual } from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './static-server';

export const root = join(__dirname, '..', '..');
export const buildDir = join(root, 'build');
const docsDir = join(root, 'docs');

export interface SitePage {
  readonly source: string;
  readonly route: string;
  readonly mermaidBlocks: number;
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

/** The built site on a static server, and the browser; `page` is a built file the tests need (the home page). */
export async function startSite(page = 'index.html'): Promise<SiteSession> {
  ok(existsSync(join(buildDir, page)), `build/ has no ${page}: run npm run build first`);
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

/**
 * A browser page in a context of its own (axe-core's playwright binding needs one), closed with the page, that
 * records console errors, responses of 400 and more and uncaught exceptions from the moment it starts loading;
 * with `requestFailures`, also requests that failed outright (the playground's tests leave them out: they load
 * one page after another in the same tab, which aborts what the last one still had under way).
 */
export async function newSitePage(session: SiteSession, width = 1400, requestFailures = true): Promise<OpenPage> {
  const context = await session.browser.newContext({ viewport: { width, height: 900 } });
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
  if (requestFailures) page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  return { page, errors };
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
    { timeout: 60_000 },
  );
}
