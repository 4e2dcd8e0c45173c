/**
 * The built site in a real browser (Debian's chromium, driven by playwright-core): every generated page and
 * every hand-written one loads without a console error, every mermaid block becomes an SVG without a syntax
 * error, search finds "Session in Progress", and the hostile-text self-test shows its text literally without
 * running or injecting anything. Screenshots of a few pages go to reports/screenshots/.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticSite } from './static-server';

const root = join(__dirname, '..', '..');
const buildDir = join(root, 'build');
const docsDir = join(root, 'docs');
const screenshots = join(root, 'reports', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface SitePage {
  readonly source: string;
  readonly route: string;
  readonly mermaidBlocks: number;
}

/** Every page of docs/ with its route (from its `slug`, or its path) and how many mermaid blocks it holds. */
function sitePages(): SitePage[] {
  const pages: SitePage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const text = readFileSync(path, 'utf8');
        const slug = /^---\n[\s\S]*?^slug:\s*"?([^"\n]+)"?\s*$[\s\S]*?^---$/m.exec(text)?.[1];
        const route = slug ?? `/${relative(docsDir, path).replace(/\.md$/, '')}`;
        pages.push({ source: relative(root, path), route, mermaidBlocks: (text.match(/^```mermaid$/gm) ?? []).length });
      }
    }
  };
  walk(docsDir);
  return pages;
}

let site: StaticSite;
let browser: Browser;

before(async () => {
  ok(existsSync(join(buildDir, 'index.html')), 'build/ has no site: run npm run build first');
  ok(existsSync(CHROMIUM), `No browser at ${CHROMIUM}: install Debian's chromium package (see .ci/run)`);
  mkdirSync(screenshots, { recursive: true });
  site = await serveStatic(buildDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-sync',
      '--disable-component-update',
    ],
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a page, collecting console errors and uncaught exceptions from the moment it starts loading. */
async function open(route: string, width = 1400): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const response = await page.goto(site.url + route, { waitUntil: 'load' });
  strictEqual(response?.status(), 200, `${route} answered ${response?.status()}`);
  await page.locator('article').first().waitFor();
  return { page, errors };
}

/** Waits until every mermaid block of the page has rendered (or failed), then describes what each became. */
async function mermaidResults(page: Page, expected: number): Promise<{ svgs: number; broken: string[] }> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= n,
    expected,
    { timeout: 60_000 },
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

const pages = sitePages();

describe('every page of the site', () => {
  test('the generated pages are there', () => {
    const generated = pages.filter((p) => p.source.startsWith('docs/generated/'));
    ok(generated.length >= 10, `only ${generated.length} generated pages`);
    ok(
      pages.some((p) => p.route === '/self-test/hostile-text'),
      'the hostile-text self-test page was not generated',
    );
  });

  for (const sitePage of pages) {
    test(`${sitePage.route} (${sitePage.source}) renders its ${sitePage.mermaidBlocks} diagrams with no error`, async () => {
      const { page, errors } = await open(sitePage.route);
      try {
        if (sitePage.mermaidBlocks > 0) {
          const { svgs, broken } = await mermaidResults(page, sitePage.mermaidBlocks);
          strictEqual(svgs, sitePage.mermaidBlocks, 'every mermaid block became exactly one SVG');
          deepStrictEqual(broken, [], 'diagrams with a syntax error');
        }
        deepStrictEqual(errors, [], 'console errors');
      } finally {
        await page.close();
      }
    });
  }
});

describe('search', () => {
  test('finds "Session in Progress" on the scenario pages', async () => {
    const { page, errors } = await open('/search?q=Session%20in%20Progress');
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
    const { page } = await open('/last-run');
    try {
      const links = await page
        .locator('article a[href^="/reports/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      deepStrictEqual([...links].sort(), ['/reports/cucumber.html', '/reports/junit.xml']);
      for (const link of links) strictEqual((await page.request.get(site.url + link!)).status(), 200, link!);
    } finally {
      await page.close();
    }
  });
});

describe('hostile text', () => {
  test('is shown literally and injects no markup', async () => {
    const { page, errors } = await open('/self-test/hostile-text');
    try {
      const expectedBlocks = pages.find((p) => p.route === '/self-test/hostile-text')!.mermaidBlocks;
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

describe('screenshots for a reader to look at', () => {
  const shots: readonly [string, string, string | null][] = [
    ['at-a-glance', '/at-a-glance', null],
    ['deployment', '/deployment', null],
    ['messaging-server-scenario', '/features/messaging-server', '#both-sides-carry-on-where-they-left-off'],
    ['all-three-servers-red-square', '/features/all-three-servers', '#four-minutes-later'],
    ['application-server-session-in-progress', '/features/application-server', '#the-agent-logs-back-in'],
    [
      'services-server-greyed-buttons',
      '/features/services-server',
      '#the-buttons-of-the-email-response-are-greyed-out',
    ],
    ['claims', '/claims', null],
    ['last-run', '/last-run', null],
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
