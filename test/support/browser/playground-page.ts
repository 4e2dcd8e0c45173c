/**
 * Driving the playground page (build/playground/index.html) in headless Chromium (browser.ts): opening it, staging steps by
 * clicking its controls, and reading back what its views show, in the shape of the model's DeploymentView so a
 * test can compare the page with a scenario's end state. Shared by the playground's browser tests.
 */
import { join } from 'node:path';
import { strictEqual } from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { newSitePage, root, startSite, type OpenPage, type SiteSession } from './site-session';

export { root, type OpenPage, type SiteSession as Session } from './site-session';
export const screenshots = join(root, 'reports', 'screenshots');

/** The built site and the browser, once the playground page has been built. */
export function start(): Promise<SiteSession> {
  return startSite(join('playground', 'index.html'));
}

/** A browser page that records console errors, failed responses and uncaught exceptions (`newSitePage`). */
export function newPage(session: SiteSession, width = 1400): Promise<OpenPage> {
  return newSitePage(session, width, false);
}

/** Loads the playground at `search` (a query string, or '') in `open`, and waits until it has read the link. */
export async function goTo(session: SiteSession, open: OpenPage, search: string): Promise<void> {
  open.errors.length = 0;
  const response = await open.page.goto(`${session.site.url}/playground/${search}`, { waitUntil: 'load' });
  strictEqual(response?.status(), 200);
  await open.page.locator('[data-ready="true"]').waitFor();
}

/** Opens the playground at `search` in a new page. */
export async function openPlayground(session: SiteSession, search = '', width = 1400): Promise<OpenPage> {
  const open = await newPage(session, width);
  await goTo(session, open, search);
  return open;
}

/** Unstages everything (the playground opens on the source's premise), for a test that stages from nothing. */
export async function startFromNothing(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.locator('[data-steps="0"]').waitFor();
}

/** Types `value` into the field labelled `label`, replacing what it held. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** Clicks the control named `name`, failing with the reason the page shows if it is disabled. */
export async function click(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  if (await button.isDisabled()) {
    const reason = await page.locator(`#${await button.getAttribute('aria-describedby')}`).textContent();
    throw new Error(`The control "${name}" is disabled: ${reason}`);
  }
  const steps = Number(await page.locator('[data-steps]').getAttribute('data-steps'));
  await button.click();
  await page.locator(`[data-steps="${steps + 1}"]`).waitFor();
}

export interface ShownRow {
  key: string;
  activityId: string;
  customerName: string;
  activityDuration: string;
  chatStatus: string;
  icon: string;
  iconText: string;
  queueName: string;
}

/** What the page's views show, read from the DOM only. */
export interface Shown {
  clock: string;
  customers: string[][];
  chatList: ShownRow[];
  chatPanes: string[][];
  popups: string[];
  titleBar: string;
  openChats: Record<string, string>[];
}

export async function shown(page: Page): Promise<Shown> {
  await page.locator('table[data-query="Chats still open"]').waitFor();
  return page.evaluate(() => {
    const text = (element: Element | null) => (element?.textContent ?? '').trim();
    const all = (scope: ParentNode, selector: string) => Array.from(scope.querySelectorAll(selector));
    const lines = (scope: Element) => all(scope, '.cf-line').map(text);
    const table = document.querySelector('table[data-query="Chats still open"]')!;
    const columns = all(table, 'thead th').map(text);
    return {
      clock: text(document.querySelector('.cf-clock')).replace(/^Scenario clock /, ''),
      customers: all(document, '[data-view="customer"] .cf-customer:not(.cf-empty)').map(lines),
      chatList: all(document, '[data-view="agent"] .cf-chat-row').map((row) => {
        const cells = all(row, 'td');
        return {
          key: text(cells[0]!),
          activityId: text(cells[1]!),
          customerName: text(cells[2]!),
          activityDuration: text(cells[3]!),
          chatStatus: text(row.querySelector('.cf-status-text')),
          icon: row.querySelector('.cf-icon')?.getAttribute('aria-label') ?? '',
          iconText: text(row.querySelector('.cf-icon-name')),
          queueName: text(cells[5]!),
        };
      }),
      chatPanes: all(document, '[data-view="agent"] .cf-pane').map(lines),
      popups: all(document, '[data-view="agent"] .cf-popup-text').map(text),
      titleBar: text(document.querySelector('[data-view="agent"] .cf-titlebar')),
      openChats: all(table, 'tbody tr')
        .filter((row) => !row.querySelector('.cf-empty'))
        .map((row) => Object.fromEntries(all(row, 'td').map((cell, i) => [columns[i]!, text(cell)]))),
    };
  });
}

/** Sends `text` as the customer or as the agent, through the message field and its button. */
export async function say(page: Page, who: 'customer' | 'agent', text: string): Promise<void> {
  await fill(page, who === 'customer' ? "Customer's message" : "Agent's message", text);
  await click(page, who === 'customer' ? 'Send as the customer' : 'Send as the agent');
}

/**
 * Stages the source's premise by clicking, from nothing: JDoe logs in, the customer starts a chat ("Help me!") and
 * JDoe answers ("Hello").
 */
export async function stagePremise(page: Page): Promise<void> {
  await startFromNothing(page);
  await fill(page, "Agent's user name", 'JDoe');
  await click(page, 'Log in');
  await fill(page, 'Question for a new chat', 'Help me!');
  await click(page, 'Start a new chat');
  await say(page, 'agent', 'Hello');
}
