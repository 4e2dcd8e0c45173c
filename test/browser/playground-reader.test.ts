/**
 * The playground as a newcomer meets it: it opens on the source's premise (JDoe logged in, chatting with the
 * customer), so failing the Messaging server at once shows the source's story; each preset loads; focus stays
 * on the control just used; on a phone the views come straight after the servers and the clock. Screenshots of
 * the premise with the Messaging server failed, at 1400 and 390 px, go to reports/screenshots/.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PREMISE, PRESETS } from '../../src/components/Playground/presets';
import { newPage, goTo, screenshots, shown, start, type Session } from '../support/browser/playground-page';

let session: Session;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  session = await start();
});

after(async () => {
  await session?.close();
});

const activeId = (page: import('playwright-core').Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the playground opens on the premise', () => {
  for (const width of [1400, 390]) {
    test(`at ${width} px: the premise is staged, Messaging fails from it, focus stays on the button`, async () => {
      const open = await newPage(session, width);
      const { page, errors } = open;
      try {
        await goTo(session, open, '');
        equal(await page.locator('[data-steps]').getAttribute('data-steps'), String(PREMISE.length));
        equal(new URL(page.url()).searchParams.getAll('step').length, PREMISE.length, 'the address holds the premise');
        const premise = await shown(page);
        deepStrictEqual(premise.customers[0]!.slice(0, 1), ['Customer : Help me!']);
        equal(premise.chatList.length, 1);

        const fail = page.locator('#control-fail-Messaging');
        await fail.focus();
        await page.keyboard.press('Enter');
        await page.locator(`[data-steps="${PREMISE.length + 1}"]`).waitFor();
        equal(await activeId(page), 'control-restore-Messaging', 'focus left the button just used');
        const down = await shown(page);
        ok(
          !(await page.locator('[data-view="customer"]').innerText()).includes('No customer has opened a chat window'),
        );
        equal(await page.locator('[data-view="agent"] .cf-chat-row').count(), 1, 'the chat is still in the list');
        equal(await page.locator('.cf-server-strip .cf-server.cf-down').innerText(), 'Messaging down');
        deepStrictEqual(down.customers[0]!.slice(0, 1), ['Customer : Help me!']);

        // Views beside the controls on a laptop; on a phone straight after the servers and the clock.
        const box = (selector: string) => page.locator(selector).boundingBox();
        const controls = (await box('section[aria-labelledby="playground-controls"]'))!;
        const views = (await box('section[aria-labelledby="playground-views"]'))!;
        if (width === 1400) ok(views.x >= controls.x + controls.width, 'the views are not beside the controls');
        else ok(views.y - (controls.y + controls.height) < 40, 'the views are not directly below the controls');

        await page.locator('[data-view="diagram"] svg').first().waitFor();
        await page.screenshot({
          path: join(screenshots, `playground-premise-messaging-failed-${width}.png`),
          fullPage: true,
        });
        deepStrictEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});

describe('presets', () => {
  test('each of the source’s sections and the orderings loads, focus kept on the Load button', async () => {
    const open = await newPage(session);
    const { page, errors } = open;
    try {
      await goTo(session, open, '');
      for (const preset of PRESETS) {
        await page.getByLabel('A documented combination').selectOption(preset.id);
        const load = page.getByRole('button', { name: 'Load this combination' });
        await load.click();
        await page.locator(`[data-steps="${preset.plan.length}"]`).waitFor();
        equal(await activeId(page), 'control-load-preset', `${preset.id}: focus left the Load button`);
        equal(await page.getByTestId('link-problems').count(), 0, `${preset.id}: the preset's link had problems`);
      }
      deepStrictEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('starting a chat and sending a message are separate fields', async () => {
    const open = await newPage(session);
    try {
      await goTo(session, open, '');
      const question = open.page.getByLabel('Question for a new chat', { exact: true });
      const message = open.page.getByLabel("Customer's message", { exact: true });
      ok((await question.getAttribute('id')) !== (await message.getAttribute('id')));
    } finally {
      await open.page.close();
    }
  });
});
