/**
 * The scenario filter in a real browser: a cucumber tag expression typed into a feature page's filter hides
 * exactly the scenarios whose tags (as the messages file's pickles carry them) do not match, in the index and
 * their sections; the status filter and the run summary's table work the same way; a malformed expression says
 * so and hides nothing. Needs `npm run build` first (npm test does it).
 */
import { after, before, test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cucumber/tag-expressions';
import type { Page } from 'playwright-core';
import { startSite, type SiteSession } from '../support/browser/site-session';

const root = join(__dirname, '..', '..');

/** Every pickle of the last run: its feature file, name and tags. */
function pickles(): { uri: string; name: string; tags: string[] }[] {
  return readFileSync(join(root, 'reports', 'messages.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{"pickle"'))
    .map((line) => JSON.parse(line).pickle as { uri: string; name: string; tags: { name: string }[] })
    .map((p) => ({ uri: p.uri, name: p.name, tags: p.tags.map((t) => t.name) }));
}

/** The names a tag expression selects, as the pages name them (an outline's example adds its values). */
function selected(expression: string, uri?: string): string[] {
  const node = parse(expression);
  return pickles()
    .filter((p) => (uri === undefined || p.uri === uri) && node.evaluate(p.tags))
    .map((p) => p.name)
    .sort();
}

let session: SiteSession;

before(async () => {
  session = await startSite();
});

after(async () => {
  await session?.close();
});

async function open(route: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.site.url + route, { waitUntil: 'load' });
  await page.locator('form[data-cf-filter] .cf-filter-count').first().filter({ hasText: 'scenarios' }).waitFor();
  return { page, errors };
}

/** The visible index rows' scenario names, and for a feature page whether each row's section is visible. */
async function visibleRows(page: Page): Promise<{ names: string[]; sections: [string, boolean][] }> {
  return page.evaluate(() => {
    const form = document.querySelector('form[data-cf-filter]')!;
    const rows = Array.from(form.nextElementSibling!.querySelectorAll<HTMLElement>('[data-cf-status]'));
    const shown = (el: Element | null) => !!el && (el as HTMLElement).offsetParent !== null;
    return {
      names: rows
        .filter(shown)
        .map((r) => r.querySelector('a')!.textContent!)
        .sort(),
      sections: rows
        .filter((r) => r.dataset.cfAnchor)
        .map((r) => [r.dataset.cfAnchor!, shown(document.getElementById(r.dataset.cfAnchor!))] as [string, boolean]),
    };
  });
}

const sameNames = (shown: string[], expected: string[]) => {
  strictEqual(shown.length, expected.length, `shown ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
  shown.forEach((name, i) => ok(name.startsWith(expected[i]!), `${name} is not ${expected[i]}`));
};

test('a tag expression on a feature page shows exactly the matching scenarios and their sections', async () => {
  const { page, errors } = await open('/features/application-server');
  try {
    const all = await visibleRows(page);
    const expression = '@inferred or @known-defect';
    const expected = selected(expression, 'features/application_server.feature');
    ok(expected.length > 0 && expected.length < all.names.length, 'the expression should select some, not all');
    await page.fill('form[data-cf-filter] input[name="tags"]', expression);
    const filtered = await visibleRows(page);
    sameNames(filtered.names, expected);
    const shownSections = filtered.sections.filter(([, visible]) => visible).length;
    strictEqual(shownSections, expected.length, 'each hidden scenario hides its section too');
    match(
      await page.locator('.cf-filter-count').first().innerText(),
      new RegExp(`^${expected.length} of ${all.names.length} scenarios$`),
    );

    await page.fill('form[data-cf-filter] input[name="tags"]', 'not (@inferred or @known-defect)');
    sameNames(
      (await visibleRows(page)).names,
      selected('not (@inferred or @known-defect)', 'features/application_server.feature'),
    );

    await page.fill('form[data-cf-filter] input[name="tags"]', '@inferred and (');
    match(await page.locator('.cf-filter-error').first().innerText(), /Not a tag expression/);
    strictEqual((await visibleRows(page)).names.length, all.names.length, 'a malformed expression hides nothing');

    await page.fill('form[data-cf-filter] input[name="tags"]', '');
    await page.selectOption('form[data-cf-filter] select[name="status"]', 'passed');
    strictEqual((await visibleRows(page)).names.length, all.names.length, 'every scenario passed');
    deepStrictEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the run summary filters every scenario by a tag expression given in the address', async () => {
  const { page, errors } = await open('/last-run?tags=%40known-defect');
  try {
    strictEqual(await page.inputValue('form[data-cf-filter] input[name="tags"]'), '@known-defect');
    sameNames((await visibleRows(page)).names, selected('@known-defect'));
    deepStrictEqual(errors, []);
  } finally {
    await page.close();
  }
});
