/**
 * The crafted self-test pages (a real run with markup that would run script in every string field of every message
 * and attachment, test/fixtures/crafted/craft.ts) in a real browser: the payload shows as text, no element or
 * attribute of it exists in the page, and its script never ran. Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { newPage, start, type Session } from './playground-page';

let session: Session;

before(async () => {
  session = await start();
});

after(async () => {
  await session?.close();
});

const ROUTES = ['/self-test/crafted-services-server', '/self-test/crafted-invariants'];

describe('a hostile copy of a real run', () => {
  for (const route of ROUTES) {
    test(`${route}: every payload is text; nothing of it is live`, async () => {
      const { page, errors } = await newPage(session);
      try {
        const response = await page.goto(session.site.url + route, { waitUntil: 'load' });
        strictEqual(response?.status(), 200);
        await page.locator('article').first().waitFor();
        const blocks = await page.locator('.docusaurus-mermaid-container').count();
        await page.waitForFunction(
          (n) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= n,
          blocks,
          { timeout: 60_000 },
        );
        await page.waitForTimeout(500);
        const found = await page.evaluate(() => {
          const article = document.querySelector('article')!;
          const all = Array.from(document.querySelectorAll('*'));
          return {
            pwned: (window as unknown as { PWNED?: number }).PWNED ?? null,
            frames: document.querySelectorAll('iframe, script[src="x"], img[src="x"]').length,
            handlers: all.flatMap((el) =>
              Array.from(el.attributes)
                // Values hold the payload as text (a title, a meta description): only names and links can be live.
                .filter(
                  (a) =>
                    /^on/i.test(a.name) ||
                    a.name === 'srcdoc' ||
                    (/^(href|src)$/.test(a.name) && /^\s*javascript:/i.test(a.value)),
                )
                .map((a) => `${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}"`),
            ),
            shownAsText: (article.textContent ?? '').split('<iframe srcdoc="<script>top.PWNED=1</script>">').length - 1,
            inDiagrams: Array.from(document.querySelectorAll('.docusaurus-mermaid-container svg')).filter((svg) =>
              (svg.textContent ?? '').includes('top.PWNED=1'),
            ).length,
            broken: Array.from(document.querySelectorAll('.docusaurus-mermaid-container svg'))
              .filter((svg) => /Syntax error|Parse error|Maximum text size|Error:/i.test(svg.textContent ?? ''))
              .map((svg) => (svg.textContent ?? '').slice(0, 120)),
          };
        });
        strictEqual(found.pwned, null, 'the payload’s script ran');
        strictEqual(found.frames, 0, 'an iframe or the payload’s image exists');
        deepStrictEqual(found.handlers, [], 'attributes of the payload');
        ok(found.shownAsText >= 10, `the payload shows as text only ${found.shownAsText} times`);
        if (blocks > 0) ok(found.inDiagrams > 0, 'the payload shows as text in the diagrams');
        deepStrictEqual(found.broken, [], 'diagrams mermaid could not draw');
        deepStrictEqual(errors, [], 'console errors, failed requests');
      } finally {
        await page.close();
      }
    });
  }
});
