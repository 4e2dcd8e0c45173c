/**
 * The Operate section as its readers use it: four journeys from the home page, each finding within two clicks
 * the answer, its mark (from the source, or assumed) and, for a failure, what agents should do; the rendering
 * self-test pages out of the search index and every sidebar; runbook sections that each fit a phone's screen;
 * and screenshots of the home page, a runbook and the playground at 1400 and 390 px for a reader to look at.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runbookRoute } from '../../generator/runbook-page';
import { RUNBOOKS } from '../../generator/runbooks';
import { buildDir, eachAtOnce, openPage, root, startSite, type SiteSession } from '../support/browser/site-session';

const screenshots = join(root, 'reports', 'screenshots');
let session: SiteSession;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  session = await startSite();
});

after(async () => {
  await session?.close();
});

/** Follows a link by its visible name, as a reader does, and waits for the next page's article. */
async function click(page: Page, name: string | RegExp): Promise<void> {
  const before = new URL(page.url()).pathname;
  await page.getByRole('main').getByRole('link', { name }).first().click();
  // The site navigates in the page: wait for the new route, not the old page's article.
  await page.waitForURL((url) => url.pathname !== before);
  await page.locator('article').first().waitFor();
}

/** The statement of the runbook's section that holds `text`, with the text of its marks. */
async function statement(page: Page, section: string, text: string): Promise<{ text: string; marks: string[] }> {
  const item = page.locator(`h2#${section} ~ ul.cf-rb li.cf-rb-statement`).filter({ hasText: text }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error(`no statement "${text}" under #${section} on ${page.url()}`);
  });
  return {
    text: (await item.innerText()).trim(),
    // The statement's own mark (generator/statement-marks.ts), not the marks of its folded reasons.
    marks: await item.locator(':scope > [data-cf-statements] > .cf-statement > .cf-mark').allInnerTexts(),
  };
}

interface Journey {
  readonly question: string;
  /** The links a reader clicks from the home page, at most two. */
  readonly clicks: readonly (string | RegExp)[];
  readonly answer: { readonly section: string; readonly text: string; readonly mark: RegExp };
  readonly agentsShould?: { readonly text: string; readonly mark: RegExp };
}

const JOURNEYS: readonly Journey[] = [
  {
    question: 'Our Messaging server was down for about five minutes: what happens when it is back?',
    clicks: ['The Messaging server'],
    answer: {
      section: 'restoration',
      text: 'The chat session is re-established and can continue',
      mark: /^source: MSG-R2$/,
    },
    agentsShould: { text: 'Keep the chat open', mark: /^source: MSG-R2$/ },
  },
  {
    question: 'The Application server came back after ten minutes: what do agents see?',
    clicks: ['The Application server'],
    answer: { section: 'restoration', text: 'Session in Progress', mark: /^source: APP-R1$/ },
    agentsShould: { text: 'Complete the lost chat', mark: /^assumed: lost-chat-blocks-agent$/ },
  },
  {
    question: 'The Services server is down: what should agents do?',
    clicks: ['The Services server'],
    answer: { section: 'customers', text: 'agent and customer can still chat', mark: /^source: SVC-F1$/ },
    agentsShould: { text: 'Log out.', mark: /^source: SVC-F6$/ },
  },
  {
    question: 'An agent is told a lost chat is still active: is this a known defect?',
    clicks: ['known defects'],
    answer: {
      section: 'in-the-source',
      text: 'incorrectly told that the session is still active',
      mark: /^source: APP-R3$/,
    },
  },
];

describe('reader journeys from the home page', () => {
  for (const journey of JOURNEYS) {
    test(journey.question, async () => {
      const { page, errors } = await openPage(session, '/');
      try {
        ok(journey.clicks.length <= 2, 'more than two clicks');
        for (const name of journey.clicks) await click(page, name);
        const answer = await statement(page, journey.answer.section, journey.answer.text);
        ok(
          answer.marks.some((m) => journey.answer.mark.test(m)),
          `"${answer.text}" is marked ${JSON.stringify(answer.marks)}`,
        );
        if (journey.agentsShould) {
          const advice = await statement(page, 'agents', journey.agentsShould.text);
          ok(
            advice.marks.some((m) => journey.agentsShould!.mark.test(m)),
            `"${advice.text}" is marked ${JSON.stringify(advice.marks)}`,
          );
        }
        deepStrictEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});

/** The Operate sidebar's pages, as the home page's sidebar links to them (directory-style routes). */
async function operatePages(page: Page): Promise<Set<string>> {
  const hrefs = await page
    .locator('nav[aria-label="Docs sidebar"] a[href^="/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return new Set(hrefs.map((h) => h.split('#')[0]!));
}

describe('search puts Operate first', () => {
  // "Messaging server" matches runbooks, the at-a-glance page and the specification's feature pages alike.
  const query = 'Messaging server';

  test(`the search page lists Operate's pages before the others for "${query}"`, async () => {
    const { page, errors } = await openPage(session, '/');
    try {
      const operate = await operatePages(page);
      ok(operate.has('/runbooks/messaging-server/'), `the Operate sidebar: ${[...operate].join(' ')}`);
      await page.goto(`${session.site.url}/search/?q=${encodeURIComponent(query)}`);
      const links = page.locator('article h2 a[href^="/"]');
      await links.first().waitFor({ timeout: 30_000 });
      const pages = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map(
        (h) => h.split(/[?#]/)[0]!,
      );
      const isOperate = pages.map((p) => operate.has(p));
      ok(isOperate.includes(true) && isOperate.includes(false), `results from both sections: ${pages.join(' ')}`);
      const firstOther = isOperate.indexOf(false);
      deepStrictEqual(
        pages.slice(firstOther).filter((p) => operate.has(p)),
        [],
        `Operate results after an Engineering one: ${pages.join(' ')}`,
      );
      deepStrictEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test(`the search bar's first suggestion for "${query}" is an Operate page`, async () => {
    const { page, errors } = await openPage(session, '/');
    try {
      const operate = await operatePages(page);
      const input = page.locator('input.navbar__search-input');
      await input.click();
      await input.fill(query);
      await page.getByRole('option').first().waitFor({ timeout: 30_000 });
      const before = new URL(page.url()).pathname;
      await input.press('Enter');
      await page.waitForURL((url) => url.pathname !== before);
      const landed = new URL(page.url()).pathname;
      ok(operate.has(landed), `the first suggestion opened ${landed}, not an Operate page`);
      deepStrictEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

/** Every built HTML file under build/, as paths relative to it. */
function builtPages(dir = buildDir, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return builtPages(dir, path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

describe('the rendering self-test pages stay out of the reader’s way', () => {
  test('they are built, but in no search index', () => {
    ok(
      builtPages().some((p) => p.startsWith('self-test/')),
      'the self-test pages were not built',
    );
    const indexes = readdirSync(buildDir).filter((f) => /^search-index.*\.json$/.test(f));
    ok(indexes.length > 0, 'no search index in build/');
    for (const file of indexes) {
      const urls = (readFileSync(join(buildDir, file), 'utf8').match(/"u":"[^"]*"/g) ?? []).map((u) => u.slice(5, -1));
      ok(urls.length > 20, `${file} indexes only ${urls.length} pages`);
      deepStrictEqual(
        urls.filter((u) => u.includes('self-test')),
        [],
        `${file} indexes self-test pages`,
      );
    }
  });

  test('no sidebar of any page links to them', () => {
    const linking = builtPages().filter((p) => {
      const html = readFileSync(join(buildDir, p), 'utf8');
      const sidebars = html.match(/<nav[^>]*aria-label="Docs sidebar"[\s\S]*?<\/nav>/g) ?? [];
      return sidebars.some((nav) => nav.includes('/self-test/'));
    });
    deepStrictEqual(linking, []);
  });
});

describe('runbooks on a phone', () => {
  test('each section of every runbook fits one screen at 390 px, but the impact table', async () => {
    const screen = 844 - 60;
    const over: string[] = [];
    const measured: string[] = [];
    await eachAtOnce(RUNBOOKS, async (runbook) => {
      const { page } = await openPage(session, `${runbookRoute(runbook)}/`, 390);
      try {
        const heights = await page.evaluate(() => {
          const headings = Array.from(document.querySelectorAll('article h2'));
          return headings.map((h, i) => {
            const next = headings[i + 1];
            const end = next ? next.getBoundingClientRect().top : h.parentElement!.getBoundingClientRect().bottom;
            return { id: h.id, height: Math.round(end - h.getBoundingClientRect().top) };
          });
        });
        ok(heights.length >= 6, `${runbook.slug}: ${heights.length} sections`);
        measured.push(`${runbook.slug} ${heights.map((h) => `${h.id} ${h.height}`).join(', ')}`);
        for (const h of heights)
          if (h.id !== 'impact-by-phase' && h.height > screen) over.push(`${runbook.slug}#${h.id} ${h.height} px`);
      } finally {
        await page.close();
      }
    });
    console.log(`# runbook sections at 390 px: ${measured.sort().join(' | ')}`);
    deepStrictEqual(over, [], `sections taller than a ${screen} px screen`);
  });
});

describe('screenshots for a reader to look at', () => {
  for (const [name, route] of [
    ['home', '/'],
    ['runbook-messaging-server', '/runbooks/messaging-server/'],
    ['playground', '/playground/'],
  ] as const) {
    for (const width of [1400, 390]) {
      test(`${name} at ${width} px`, async () => {
        const { page } = await openPage(session, route, width);
        try {
          await page.screenshot({ path: join(screenshots, `operate-${name}-${width}.png`), fullPage: width === 390 });
        } finally {
          await page.close();
        }
      });
    }
  }
});
