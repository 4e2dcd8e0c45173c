/**
 * The crafted self-test pages (a real run with markup that would run script in every string field of every message
 * and attachment, generator/crafted-run.ts) in a real browser: the payload shows as text, no element or
 * attribute of it exists in the page, and its script never ran. And the playground given a crafted link or a
 * number it could not survive: it says what was wrong and keeps working. Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, match, ok, rejects, strictEqual } from 'node:assert/strict';
import { click, fill, newPage, openPlayground, start, type Session } from '../support/browser/playground-page';
import { WAIT_MS } from '../support/browser/site-session';

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
          { timeout: WAIT_MS },
        );
        // Every request has finished (a payload's image would have failed by then, and its handler run).
        await page.waitForLoadState('networkidle');
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

describe('the playground, given what a crafted link or a careless reader gives it', () => {
  test('inherited names as action types and a wait of 10^13 seconds are refused by name; the page keeps working', async () => {
    const steps = [
      '{"type":"constructor"}',
      '{"type":"__proto__"}',
      '{"type":"toString"}',
      '{"type":"wait","seconds":10000000000000}',
    ];
    const search = `?${steps.map((step) => `step=${encodeURIComponent(step)}`).join('&')}`;
    const { page, errors } = await openPlayground(session, search);
    try {
      const text = (await page.getByRole('alert').textContent()) ?? '';
      for (const type of ['constructor', '__proto__', 'toString'])
        match(text, new RegExp(`"type" must be one of fail, .*; got "${type}"`));
      match(text, /link, step 4: "seconds" must be a whole number from 1 to 31,622,400 seconds, got 10000000000000/);
      strictEqual(await page.locator('[data-steps]').getAttribute('data-steps'), '0');
      await fill(page, 'Amount', '10000000000000');
      await page.getByLabel('Unit', { exact: true }).selectOption('seconds');
      await rejects(
        click(page, 'Let the time pass'),
        /disabled: .*"seconds" must be a whole number from 1 to 31,622,400 seconds/,
      );
      await fill(page, 'Amount', '90');
      await click(page, 'Let the time pass');
      deepStrictEqual(errors, [], 'console errors, uncaught exceptions');
    } finally {
      await page.close();
    }
  });

  test('a link longer than servers accept is not read, and says so', async () => {
    const long = `?${Array.from({ length: 300 }, () => `step=${encodeURIComponent('{"type":"wait","seconds":60}')}`).join('&')}`;
    const { page, errors } = await openPlayground(session, long.slice(0, 12_000));
    try {
      match(
        (await page.getByRole('alert').textContent()) ?? '',
        /the link is 12,000 characters long; servers refuse addresses much longer than 8,000/,
      );
      deepStrictEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
