/**
 * The built site in a real browser (see browser.ts for which Chromium, driven by playwright-core): the generated
 * pages are there (each page's console errors and diagrams are checked in accessibility.test.ts, in the same
 * visit as its accessibility), search finds "Session in Progress", and the hostile-text self-test shows its text literally without
 * running or injecting anything. Screenshots of a few pages go to reports/screenshots/.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  PAGES_AT_ONCE,
  mermaidResults,
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
