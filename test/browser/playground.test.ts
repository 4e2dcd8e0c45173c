/**
 * The failure playground in a real browser: the source's Messaging server failure and restoration staged by
 * clicking, the source's notices, statuses and icons on both sides, the database rows from the documented query
 * run by sql.js in the page; the shared link reopened in a fresh page (wide and 375 px) showing the same state; a
 * malformed link; keyboard use; and the exported Gherkin run by cucumber with the project's own steps.
 * Screenshots go to reports/screenshots/playground-*.png.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { planToSearch } from '../../plans/url';
import {
  click,
  fill,
  openPlayground,
  root,
  say,
  screenshots,
  stagePremise,
  shown,
  start,
  type Session,
  type Shown,
  startFromNothing,
} from '../support/browser/playground-page';

const NOT_DELIVERED = '[Some of the above messages may not have been delivered.]';
const COULD_NOT_BE_DELIVERED = '[The following message could not be delivered. Try to send it again.]';

/** The source's transcripts (section 5 and 6), less the screenshots' indentation. */
const SOURCE = {
  failedPane: [
    'Customer : Help me!',
    '[An agent will be with you shortly.]',
    '[You are now chatting with JDoe.]',
    'JDoe : Hello',
    'Customer : Hi',
    'JDoe : Are you there?',
    NOT_DELIVERED,
  ],
  failedWindow: [
    'Customer : Help me!',
    '[An agent will be with you shortly.]',
    '[You are now chatting with JDoe.]',
    'JDoe : Hello',
    'Customer : Hi',
    'Customer : Hello?',
    COULD_NOT_BE_DELIVERED,
    'Hello?',
  ],
  restoredPaneEnd: ['JDoe : Hello?', "Customer : Hi! Looks like we're connected again!"],
  restoredWindowEnd: ['JDoe : Hello?', "Customer : Hi! Looks like we're connected again!"],
};

let session: Session;
/** The address of the staged outage, once the first test has staged it. */
let sharedLink = '';
let finalState: Shown | undefined;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  session = await start();
});

after(async () => {
  await session?.close();
});

async function clockTo(page: Page, time: string): Promise<void> {
  await fill(page, 'Move the clock to (hh:mm:ss)', time);
  await click(page, 'Move the clock');
}

describe('the source’s Messaging server failure, staged by clicking', () => {
  test('fails, shows the source’s notices and the triangle, comes back, and shows the green circle', async () => {
    const { page, errors } = await openPlayground(session);
    await stagePremise(page);
    await say(page, 'customer', 'Hi');
    await clockTo(page, '00:03:00');
    await click(page, 'Fail the Messaging server');
    await say(page, 'agent', 'Are you there?');
    await say(page, 'customer', 'Hello?');
    await clockTo(page, '00:04:00');

    const during = await shown(page);
    deepStrictEqual(during.customers, [SOURCE.failedWindow]);
    deepStrictEqual(during.chatPanes, [SOURCE.failedPane]);
    const row = during.chatList[0]!;
    deepStrictEqual(
      [row.activityDuration, row.chatStatus, row.icon, row.iconText],
      ['00:04:00', 'Waiting for customer to reply', 'yellow triangle', '(yellow triangle)'],
    );
    // The triangle is drawn, not only named.
    const triangle = await page
      .locator('[data-view="agent"] .cf-icon-yellow-triangle')
      .evaluate((icon) => getComputedStyle(icon).clipPath);
    match(triangle, /polygon/);
    deepStrictEqual(
      during.openChats.map((r) => [r.activity_status, r.activity_sub_status, r.user_name, r.queue_name]),
      [['5000', '5900', 'JDoe', 'CIM_WIM']],
    );
    // A control the model would refuse says why, beside it.
    const logIn = page.getByRole('button', { name: 'Log in', exact: true });
    ok(await logIn.isDisabled());
    equal(await page.locator('#agent-logs-in-why').textContent(), 'Not now: JDoe is already logged in');
    equal(await page.getByRole('button', { name: 'Fail the Messaging server' }).count(), 0);
    await page.locator('[data-view="diagram"] svg').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'playground-messaging-down-wide.png'), fullPage: true });

    await click(page, 'Restore the Messaging server');
    await say(page, 'agent', 'Hello?');
    await say(page, 'customer', "Hi! Looks like we're connected again!");
    await clockTo(page, '00:05:00');
    const restored = await shown(page);
    deepStrictEqual(restored.customers[0]!.slice(-2), SOURCE.restoredWindowEnd);
    deepStrictEqual(restored.customers[0]!.slice(0, -2), SOURCE.failedWindow);
    deepStrictEqual(restored.chatPanes[0]!.slice(0, -2), SOURCE.failedPane);
    deepStrictEqual(restored.chatPanes[0]!.slice(-2), SOURCE.restoredPaneEnd);
    const back = restored.chatList[0]!;
    deepStrictEqual(
      [back.activityDuration, back.chatStatus, back.icon, back.iconText],
      ['00:05:00', 'Waiting for you to reply', 'green circle', '(green circle)'],
    );
    equal(restored.clock, '00:05:00');
    await page.locator('[data-view="diagram"] svg').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'playground-restored-wide.png'), fullPage: true });

    sharedLink = new URL(page.url()).search;
    equal(await page.getByLabel('Link to this exact outage').inputValue(), page.url());
    finalState = restored;
    deepStrictEqual(errors, []);
    await page.close();
  });
});

describe('a shared link', () => {
  test('reopens the same outage in a fresh page, wide and at 375 px', async () => {
    ok(sharedLink && finalState, 'the staging test did not finish');
    for (const width of [1400, 375]) {
      const { page, errors } = await openPlayground(session, sharedLink, width);
      equal(await page.locator('[data-steps]').getAttribute('data-steps'), '13');
      deepStrictEqual(await shown(page), finalState);
      await page.locator('[data-view="diagram"] svg').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      ok(overflow <= 0, `at ${width} px the page is ${overflow} px wider than the window`);
      if (width === 375) {
        await page.screenshot({ path: join(screenshots, 'playground-375-top.png') });
        await page.screenshot({ path: join(screenshots, 'playground-375.png'), fullPage: true });
      }
      deepStrictEqual(errors, []);
      await page.close();
    }
  });

  test('a malformed link keeps what it could read, and stops at the first step the model refuses', async () => {
    const good = planToSearch([
      { type: 'agent-logs-in', agent: 'JDoe' },
      { type: 'customer-starts-chat', question: 'Help me!' },
    ]);
    const refused = planToSearch([
      { type: 'restore', server: 'Messaging' },
      { type: 'wait', seconds: 60 },
    ]).slice(1);
    const { page, errors } = await openPlayground(session, `${good}&step=%7Bbroken&${refused}`);
    const alert = page.getByRole('alert');
    const text = (await alert.textContent()) ?? '';
    match(text, /kept the 2 steps it could read and run/);
    match(text, /link, step 3: not valid JSON/);
    match(text, /"the Messaging server is restored"\) was refused by the model: the Messaging server is already up/);
    match(text, /the step after it was not loaded/);
    equal(await page.locator('[data-steps]').getAttribute('data-steps'), '2');
    deepStrictEqual((await shown(page)).customers[0]!.slice(0, 1), ['Customer : Help me!']);
    await page.screenshot({ path: join(screenshots, 'playground-broken-link.png') });
    deepStrictEqual(errors, []);
    await page.close();
  });
});

describe('keyboard, undo and reset', () => {
  test('every field is labelled; controls work from the keyboard; undo and reset rewrite the link', async () => {
    const { page, errors } = await openPlayground(session);
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main input, main select'))
        .filter((field) => !field.id || !document.querySelector(`label[for="${field.id}"]`))
        .map((field) => field.outerHTML),
    );
    deepStrictEqual(unlabelled, []);
    await startFromNothing(page);
    // Tab from the agent's name field to the Log in button, then press Enter and Space.
    await page.getByLabel("Agent's user name", { exact: true }).focus();
    for (let i = 0; i < 8; i++) {
      if (await page.evaluate(() => document.activeElement?.textContent === 'Log in')) break;
      await page.keyboard.press('Tab');
    }
    equal(await page.evaluate(() => document.activeElement?.textContent), 'Log in');
    await page.keyboard.press('Enter');
    await page.locator('[data-steps="1"]').waitFor();
    await page.getByRole('button', { name: 'Fail the Services server' }).focus();
    await page.keyboard.press('Space');
    await page.locator('[data-steps="2"]').waitFor();
    match(page.url(), /\?step=.*&step=/);
    await page.getByRole('button', { name: 'Undo last step' }).click();
    await page.locator('[data-steps="1"]').waitFor();
    equal(new URL(page.url()).searchParams.getAll('step').length, 1);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.locator('[data-steps="0"]').waitFor();
    equal(new URL(page.url()).search, '');
    deepStrictEqual(errors, []);
    await page.close();
  });
});

describe('Export as Gherkin', () => {
  test('gives a scenario the project’s own step definitions run and pass', async () => {
    ok(sharedLink, 'the staging test did not finish');
    const { page } = await openPlayground(session, sharedLink);
    await page.getByRole('button', { name: 'Export as Gherkin' }).click();
    const gherkin = (await page.getByTestId('gherkin').textContent()) ?? '';
    match(gherkin, /^Feature: /);
    match(gherkin, /When 1 minute pass/);
    // Tables aligned by cucumber's pretty printer (numbers to the right).
    ok(
      gherkin.includes(
        '      |   1 |        1000 | Customer      |          00:05:00 | Waiting for you to reply | green circle | CIM_WIM    |',
      ),
      gherkin,
    );
    await page.close();

    const dir = mkdtempSync(join(tmpdir(), 'playground-'));
    try {
      const file = join(dir, 'staged.feature');
      writeFileSync(file, gherkin);
      const run = spawnSync(join(root, 'node_modules', '.bin', 'cucumber-js'), ['--profile', 'bare', file], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      equal(run.status, 0, `cucumber-js failed on the exported scenario:\n${run.stdout}\n${run.stderr}\n${gherkin}`);
      match(run.stdout + run.stderr, /1 scenario \(1 passed\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a control an action module gives, with no change to the page', () => {
  test('the agent transfers the chat back to the queue, and routing gives it to the free agent again', async () => {
    const { page, errors } = await openPlayground(session);
    await startFromNothing(page);
    await fill(page, "Agent's user name", 'JDoe');
    await click(page, 'Log in');
    await fill(page, 'Question for a new chat', 'Help me!');
    await click(page, 'Start a new chat');
    await click(page, 'Transfer the chat back to the queue');
    const seen = await shown(page);
    deepStrictEqual(
      seen.customers[0]!.filter((line) => line === '[You are now chatting with JDoe.]').length,
      2,
      'routed to JDoe, transferred back, routed to JDoe again',
    );
    deepStrictEqual(
      seen.chatList.map((row) => row.activityId),
      ['1000'],
    );
    match(
      (await page.locator('ol[aria-labelledby="playground-steps"]').textContent()) ?? '',
      /transfers the chat back to the queue/,
    );
    deepStrictEqual(errors, []);
    await page.close();
  });
});
