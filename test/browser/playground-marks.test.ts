/**
 * The playground's outcomes, marked: after a plan staged by clicking, every line of what the customer, the agent
 * and the database show is a marked statement (the checker the generated pages' tests run), a line the run's
 * scenarios checked in that situation carries the claim's link, and after a plan no scenario ends in, every line
 * is the model's answer, never the source's. Full-page screenshots at 1400 and 390 px go to
 * reports/screenshots/playground-marks-*.png.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { unmarkedStatements } from '../../generator/statement-marks';
import {
  click,
  fill,
  openPlayground,
  say,
  screenshots,
  stagePremise,
  start,
  type Session,
} from '../support/browser/playground-page';

let session: Session;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  session = await start();
});

after(async () => {
  await session?.close();
});

interface MarkedLine {
  readonly person: string;
  readonly text: string;
  readonly kind: string;
  readonly links: string[];
}

/** The outcome lines as the page shows them, once the marks have loaded; and the checker's unmarked lines. */
async function outcomes(page: Page): Promise<{ lines: MarkedLine[]; unmarked: string[]; situation: string }> {
  const view = page.locator('[data-view="outcomes"][data-marks="ready"]');
  await view.waitFor();
  const html = await view.evaluate((element) => element.outerHTML);
  const lines = await view.locator('[data-person] li').evaluateAll((items) =>
    items.map((item) => {
      const statement = item.querySelector('.cf-statement')!;
      return {
        person: item.closest('[data-person]')!.getAttribute('data-person')!,
        text: statement.firstChild?.textContent?.trim() ?? '',
        kind: statement.classList.contains('cf-statement-source') ? 'source' : 'assumed',
        links: Array.from(statement.querySelectorAll('.cf-mark a')).map((a) => a.getAttribute('href')!),
      };
    }),
  );
  return { lines, unmarked: unmarkedStatements(html), situation: (await view.getAttribute('data-situation')) ?? '' };
}

test('after the source’s Messaging failure, every outcome line is marked and the triangle is the source’s', async () => {
  for (const width of [1400, 390]) {
    const { page, errors } = await openPlayground(session, '', width);
    await stagePremise(page);
    await fill(page, 'Move the clock to (hh:mm:ss)', '00:03:00');
    await click(page, 'Move the clock');
    await click(page, 'Fail the Messaging server');
    await say(page, 'customer', 'Hello?');
    await fill(page, 'Move the clock to (hh:mm:ss)', '00:04:00');
    await click(page, 'Move the clock');
    const { lines, unmarked, situation } = await outcomes(page);
    equal(situation, 'Messaging:d1');
    deepStrictEqual(unmarked, []);
    ok(lines.length >= 3, `only ${lines.length} outcome lines`);
    const triangle = lines.find((line) => line.text === 'chat list: “Waiting for customer to reply”, yellow triangle');
    deepStrictEqual(triangle && [triangle.kind, triangle.links], ['source', ['/claims/#claim-msg-f3']]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    ok(overflow <= 0, `at ${width} px the page is ${overflow} px wider than the window`);
    await page.locator('[data-view="diagram"] svg').first().waitFor();
    await page.screenshot({ path: join(screenshots, `playground-marks-${width}.png`), fullPage: true });
    deepStrictEqual(errors, []);
    await page.close();
  }
});

test('after a plan no scenario ends in, every outcome line is the model’s answer, never the source’s', async () => {
  const { page, errors } = await openPlayground(session);
  await stagePremise(page);
  await click(page, 'Fail the Web server');
  await click(page, 'Fail the Services server');
  await fill(page, 'Amount', '5');
  await page.getByLabel('Unit', { exact: true }).selectOption('minutes');
  await click(page, 'Let the time pass');
  const { lines, unmarked, situation } = await outcomes(page);
  equal(situation, 'Web:d3,Services:d3');
  deepStrictEqual(unmarked, []);
  ok(lines.length >= 2, `only ${lines.length} outcome lines`);
  deepStrictEqual(
    lines.filter((line) => line.kind !== 'assumed' || line.links.join() !== '/assumptions/'),
    [],
  );
  deepStrictEqual(errors, []);
  await page.close();
});
