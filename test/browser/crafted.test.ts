/**
 * The crafted self-test pages in a real browser, at 1400 and 390 px: a hostile copy of a recorded run drawn with a
 * seed (generator/hostile-run.ts; the page says which, and this test prints it), every string of every message and
 * attachment holding drawn markup, controls and invisible characters. On each page nothing live ran: no script (the
 * markup's `top.PWNED`, a dialog), no navigation, no request leaving the site, no element or attribute of the
 * markup; the drawn markup shows as text and the diagrams draw. And the playground given a crafted link or a number
 * it could not survive: it says what was wrong and keeps working. Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, match, ok, rejects, strictEqual } from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MARKUP } from '../../generator/hostile-values';
import { click, fill, newPage, openPlayground, start, type Session } from '../support/browser/playground-page';
import { buildDir, mermaidResults, PAGES_AT_ONCE } from '../support/browser/site-session';

let session: Session;

before(async () => {
  session = await start();
});

after(async () => {
  await session?.close();
});

/** The crafted pages the build holds: their names come from the drawn copy's feature files, so they are listed. */
const SELF_TEST = join(buildDir, 'self-test');
const ROUTES = (existsSync(SELF_TEST) ? readdirSync(SELF_TEST) : [])
  .filter((name) => name.startsWith('crafted-'))
  .map((name) => `/self-test/${name}/`);

/** Markup pieces whose literal text must show on a page (not whitespace-only, not one character). */
const SHOWN = MARKUP.filter((piece) => /[<[(]/.test(piece));

describe('a drawn hostile copy of a real run', { concurrency: PAGES_AT_ONCE }, () => {
  test('the build holds crafted pages', () => {
    ok(ROUTES.length >= 2, `crafted pages built: ${ROUTES.join(', ') || 'none'} (run npm run build first)`);
  });
  for (const route of ROUTES) {
    for (const width of [1400, 390]) {
      test(`${route} at ${width} px: nothing live ran, the markup shows as text`, async () => {
        const { page, errors } = await newPage(session, width);
        const site = new URL(session.site.url);
        const outside: string[] = [];
        const navigations: string[] = [];
        const dialogs: string[] = [];
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (!['data:', 'blob:'].includes(url.protocol) && url.host !== site.host) outside.push(request.url());
        });
        page.on('framenavigated', (frame) => navigations.push(frame.url()));
        page.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
        try {
          const response = await page.goto(session.site.url + route, { waitUntil: 'load' });
          strictEqual(response?.status(), 200);
          await page.locator('article').first().waitFor();
          const blocks = await page.locator('.docusaurus-mermaid-container').count();
          const diagrams = await mermaidResults(page, blocks);
          // Every request has finished (an image of the markup would have failed by then, and its handler run).
          await page.waitForLoadState('networkidle');
          const found = await page.evaluate((shown) => {
            const article = document.querySelector('article')!;
            const text = article.textContent ?? '';
            const all = Array.from(document.querySelectorAll('*'));
            const here = window.location.origin;
            const leaves = (value: string) => {
              const url = new URL(value, window.location.href);
              return url.protocol === 'javascript:' || (/^https?:$/.test(url.protocol) && url.origin !== here);
            };
            return {
              seed: document.querySelector('#hostile-seed')?.getAttribute('data-seed') ?? null,
              pwned: (window as unknown as { PWNED?: number }).PWNED ?? null,
              frames: window.frames.length,
              elements: Array.from(
                article.querySelectorAll(
                  'script, iframe, object, embed, form, meta, base, style, link, [srcdoc], img[src="x"], #chosen-id',
                ),
              )
                // The page's own: mermaid's style sheet (the first child of each diagram it draws), and the
                // scenario filter the generator writes (generator/scenario-filter.ts).
                .filter((el) => !(el.tagName === 'style' && el.parentElement?.tagName === 'svg'))
                .filter((el) => !(el.tagName === 'FORM' && el.hasAttribute('data-cf-filter')))
                .map((el) => el.outerHTML.slice(0, 80)),
              // The site's own address (SITE_URL) in its canonical and alternate links, which no browser fetches.
              attributes: all
                .filter((el) => !el.matches('link[rel="canonical"], link[rel="alternate"]'))
                .flatMap((el) =>
                  Array.from(el.attributes)
                    .filter(
                      (a) =>
                        /^on/i.test(a.name) ||
                        (/^(href|src|action|formaction|xlink:href)$/.test(a.name) && leaves(a.value)),
                    )
                    .map((a) => `${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}"`),
                ),
              boxes: Array.from(article.querySelectorAll('.theme-admonition'))
                .map((box) => box.textContent ?? '')
                .filter((t) => t.includes('Pwned')),
              shown: shown.filter((piece) => text.includes(piece)),
            };
          }, SHOWN);
          console.log(
            `# ${route} at ${width} px: drawn with seed ${found.seed}; ${found.shown.length} markup pieces shown as text`,
          );
          ok(found.seed !== null && /^-?\d+$/.test(found.seed), 'the page does not say its seed');
          strictEqual(found.pwned, null, 'the markup’s script ran');
          deepStrictEqual(dialogs, [], 'dialogs the markup opened');
          strictEqual(found.frames, 0, 'frames on the page');
          deepStrictEqual(found.elements, [], 'elements of the markup in the article');
          deepStrictEqual(found.attributes, [], 'handlers, and links or sources leaving the site');
          deepStrictEqual(found.boxes, [], 'admonitions the markup opened');
          deepStrictEqual(outside, [], 'requests leaving the site');
          deepStrictEqual(navigations, [session.site.url + route], 'navigations');
          // Not vacuous: the drawn markup reached the page, as text.
          ok(
            found.shown.length >= 5,
            `only ${found.shown.length} markup pieces show as text: ${found.shown.join(' ')}`,
          );
          deepStrictEqual(diagrams.broken, [], 'diagrams mermaid could not draw');
          deepStrictEqual(errors, [], 'console errors, failed requests');
        } finally {
          await page.close();
        }
      });
    }
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
