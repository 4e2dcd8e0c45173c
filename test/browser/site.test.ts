/**
 * The built site in a real browser (see browser.ts for which Chromium, driven by playwright-core): the generated
 * pages are there (each page's console errors and diagrams are checked in accessibility.test.ts, in the same
 * visit as its accessibility), search finds "Session in Progress", and the hostile-text self-test shows its text literally without
 * running or injecting anything; every feature page, 390 px wide, is at most PHONE_PAGE_LIMIT px tall as it opens
 * and hides nothing a reader can open. Screenshots of a few pages go to reports/screenshots/, the Application
 * server page whole at 1400 and 390 px among them.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  PAGES_AT_ONCE,
  eachAtOnce,
  mermaidResults,
  openAllFolds,
  openPage,
  root,
  sitePages,
  startSite,
  type SiteSession,
} from '../support/browser/site-session';

const screenshots = join(root, 'reports', 'screenshots');

let session: SiteSession;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  session = await startSite();
});

after(async () => {
  await session?.close();
});

const open = (route: string, width = 1400) => openPage(session, route, width);

const pages = sitePages();

describe('every page of the site', () => {
  test('the generated pages are there', () => {
    const generated = pages.filter((p) => p.source.startsWith('docs/generated/'));
    ok(generated.length >= 10, `only ${generated.length} generated pages`);
    ok(
      pages.some((p) => p.route === '/self-test/hostile-text/'),
      'the hostile-text self-test page was not generated',
    );
  });

  // Each page's diagrams and console errors are checked in the same visit as its accessibility, with every fold
  // open: accessibility.test.ts, "every page of the site, folds open".
});

describe('search', () => {
  test('finds "Session in Progress" on the scenario pages', async () => {
    const { page, errors } = await open('/search/?q=Session%20in%20Progress');
    try {
      const results = page.locator('article a[href*="/features/"]');
      await results.first().waitFor({ timeout: 30_000 });
      ok((await results.count()) >= 1);
      ok((await page.locator('#__docusaurus').innerText()).includes('Session in Progress'));
      await page.screenshot({ path: join(screenshots, 'search-session-in-progress.png') });
      deepStrictEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

describe('the run summary', () => {
  test("links to cucumber's HTML and JUnit reports, copied into the site", async () => {
    const { page } = await open('/last-run/');
    try {
      const links = await page
        .locator('article a[href^="/reports/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      deepStrictEqual([...links].sort(), ['/reports/cucumber.html', '/reports/junit.xml']);
      for (const link of links) strictEqual((await page.request.get(session.site.url + link!)).status(), 200, link!);
    } finally {
      await page.close();
    }
  });
});

describe('hostile text', () => {
  test('is shown literally and injects no markup', async () => {
    const { page, errors } = await open('/self-test/hostile-text/');
    try {
      const expectedBlocks = pages.find((p) => p.route === '/self-test/hostile-text/')!.mermaidBlocks;
      await mermaidResults(page, expectedBlocks);
      const text = await page.locator('article').innerText();
      for (const literal of [
        'Hostile text <script>window.__pwned = 1</script> {curly} #hash; "double" \'single\' `tick` --> &amp;',
        '<img src=x onerror="window.__pwned=2"> {{mustache}} {#id}',
        ':::danger [link](javascript:alert(1)) *stars* _under_ %% comment ; semi; #35; --> arrow <!-- comment -->',
        'Rule: A rule with <em>markup</em>, :colon: directives and a heading id {#custom-id}',
        'Messages with <script>window.__pwned=4</script>, {braces}, #hash; semi; colon: "double" \'single\' `back` --> arrows',
        "Customer : <img src=x onerror='window.__pwned=3'> {x} #35; ; : ` --> %% end",
        'JDoe : <marquee>{agent}</marquee> #59; -->> B: ; end',
        '<b>this line is not there</b> {on purpose}',
        'an email "<i>subject</i> {x} #35; `y`" sent',
        ']]> | pipe --> ; "q" & &amp; \'a\'',
      ]) {
        ok(text.includes(literal), `the page does not show literally: ${literal}`);
      }
      const injected = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        elements: Array.from(
          document.querySelectorAll('article b, article em, article i, article marquee, article img, article script'),
        ).map((e) => e.outerHTML.slice(0, 120)),
        handlers: Array.from(document.querySelectorAll('[onerror], [onclick], [onload]')).length,
        javascriptLinks: Array.from(document.querySelectorAll('a[href^="javascript:"]')).length,
      }));
      deepStrictEqual(injected, { pwned: null, elements: [], handlers: 0, javascriptLinks: 0 });
      // Mermaid shows the chat messages literally too; the generator wraps long labels, one <text> a line.
      const diagramText = (await page.locator('.docusaurus-mermaid-container svg text').allTextContents()).join(' ');
      for (const message of [
        "Customer : <img src=x onerror='window.__pwned=3'> {x} #35; ; : ` --> %% end",
        '<marquee>{agent}</marquee> #59; -->> B: ; end',
      ]) {
        ok(diagramText.includes(message), `no diagram shows literally: ${message}`);
      }
      await page.screenshot({ path: join(screenshots, 'hostile-text.png'), fullPage: false });
      deepStrictEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

describe('screenshots for a reader to look at', { concurrency: PAGES_AT_ONCE }, () => {
  const shots: readonly [string, string, string | null][] = [
    ['at-a-glance', '/at-a-glance/', null],
    ['deployment', '/deployment/', null],
    ['messaging-server-scenario', '/features/messaging-server/', '#both-sides-carry-on-where-they-left-off'],
    ['all-three-servers-red-square', '/features/all-three-servers/', '#four-minutes-later'],
    ['application-server-session-in-progress', '/features/application-server/', '#the-agent-logs-back-in'],
    [
      'services-server-greyed-buttons',
      '/features/services-server/',
      '#the-buttons-of-the-email-response-are-greyed-out',
    ],
    ['claims', '/claims/', null],
    ['last-run', '/last-run/', null],
  ];
  for (const [name, route, anchor] of shots) {
    test(name, async () => {
      const { page } = await open(route + (anchor ?? ''));
      try {
        const blocks = pages.find((p) => p.route === route)?.mermaidBlocks ?? 0;
        if (blocks) await mermaidResults(page, blocks);
        if (anchor) await page.locator(anchor).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: !anchor });
      } finally {
        await page.close();
      }
    });
  }
});

/** Half the height of the longest feature page at 390 px when issue 22 was filed (30,078 px). */
export const PHONE_PAGE_LIMIT = 15_039;

const featurePages = pages.filter((p) => p.source.startsWith('docs/generated/features/'));

/** The page's height as the reader scrolls it. */
const pageHeight = (page: Page) => page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));

describe('feature pages on a phone', () => {
  test(`every feature page is at most ${PHONE_PAGE_LIMIT} px tall at 390 px, and hides nothing`, async () => {
    ok(featurePages.length >= 10, `only ${featurePages.length} feature pages found under docs/generated/features/`);
    const heights: { route: string; height: number; opened: number }[] = [];
    const missing: string[] = [];
    await eachAtOnce(featurePages, async (sitePage) => {
      const { page } = await openPage(session, sitePage.route, 390);
      try {
        const height = await pageHeight(page);
        // Every scenario's steps, as the generated Markdown lists them, are on the page once its folds are open.
        await openAllFolds(page);
        const opened = await pageHeight(page);
        const steps = await page.locator('article .cf-step-text').allInnerTexts();
        const source = readFileSync(join(root, sitePage.source), 'utf8');
        const written = [...source.matchAll(/<span class="cf-step-text">([^<]*)<\/span>/g)].length;
        if (steps.length !== written) missing.push(`${sitePage.route}: ${steps.length} steps shown of ${written}`);
        heights.push({ route: sitePage.route, height, opened });
      } finally {
        await page.close();
      }
    });
    heights.sort((a, b) => b.height - a.height);
    console.log(
      `# heights at 390 px (closed / every fold open): ${heights.map((h) => `${h.route} ${h.height} / ${h.opened}`).join(', ')}`,
    );
    deepStrictEqual(missing, []);
    deepStrictEqual(
      heights.filter((h) => h.height > PHONE_PAGE_LIMIT),
      [],
      `feature pages taller than ${PHONE_PAGE_LIMIT} px at 390 px`,
    );
  });

  for (const width of [1400, 390]) {
    test(`the Application server page, whole, at ${width} px`, async () => {
      const { page } = await openPage(session, '/features/application-server/', width);
      try {
        await page.screenshot({ path: join(screenshots, `phone-application-server-${width}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
