/**
 * Every documented scenario opens in the playground and reaches the end state its page shows: for each scenario
 * of the last run (reports/messages.ndjson), the plan it attached, loaded as a playground link (plans/url.ts, as
 * the pages' "open in playground" links write it), makes the page show the customer windows, chat list rows,
 * chat panes, pop-ups, title bar and open-chats rows that its end-state attachment records. The open-chats rows
 * come from sql.js in the page, so this also compares the browser's SQL with the model's rows.
 *
 * Needs `npm run spec` and `npm run build` first (npm test does both).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Action } from '../../model/actions';
import type { DeploymentView } from '../../model/views';
import { END_STATE_MEDIA_TYPE, PLAN_MEDIA_TYPE } from '../../model/media-types';
import { planToSearch, playgroundHref } from '../../plans/url';
import {
  goTo,
  newPage,
  root,
  shown,
  start,
  startFromNothing,
  type Session,
  type Shown,
} from '../support/browser/playground-page';
import { PAGES_AT_ONCE, pagePool } from '../support/browser/site-session';

const messagesFile = join(root, 'reports', 'messages.ndjson');
const featurePages = join(root, 'docs', 'generated', 'features');

/** Every playground link of the generated scenario pages, as the browser reads the href. */
function playgroundLinks(): Set<string> {
  const links = new Set<string>();
  for (const file of readdirSync(featurePages).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(join(featurePages, file), 'utf8');
    for (const match of text.matchAll(/href="(\/playground[^"]*)"/g)) links.add(match[1]!.replace(/&amp;/g, '&'));
  }
  return links;
}

interface Documented {
  readonly name: string;
  readonly uri: string;
  readonly plan: Action[];
  readonly endState: DeploymentView;
}

/** Each scenario run of the messages file with its plan and end state. */
function documentedScenarios(): Documented[] {
  const pickles = new Map<string, { name: string; uri: string }>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const attached = new Map<string, { plan?: Action[]; endState?: DeploymentView }>();
  for (const line of readFileSync(messagesFile, 'utf8').split('\n')) {
    if (!line) continue;
    const envelope = JSON.parse(line) as Record<string, Record<string, unknown>>;
    if (envelope.pickle) pickles.set(envelope.pickle.id as string, envelope.pickle as { name: string; uri: string });
    if (envelope.testCase) testCases.set(envelope.testCase.id as string, envelope.testCase.pickleId as string);
    if (envelope.testCaseStarted) {
      started.set(envelope.testCaseStarted.id as string, envelope.testCaseStarted.testCaseId as string);
    }
    const attachment = envelope.attachment;
    if (attachment && typeof attachment.testCaseStartedId === 'string') {
      const entry = attached.get(attachment.testCaseStartedId) ?? {};
      if (attachment.mediaType === PLAN_MEDIA_TYPE) entry.plan = JSON.parse(attachment.body as string) as Action[];
      if (attachment.mediaType === END_STATE_MEDIA_TYPE) {
        entry.endState = JSON.parse(attachment.body as string) as DeploymentView;
      }
      attached.set(attachment.testCaseStartedId, entry);
    }
  }
  const found: Documented[] = [];
  for (const [id, entry] of attached) {
    if (!entry.plan || !entry.endState) continue;
    const pickle = pickles.get(testCases.get(started.get(id)!)!)!;
    found.push({ name: pickle.name, uri: pickle.uri, plan: entry.plan, endState: entry.endState });
  }
  return found;
}

/** The end state in the shape the page is read in (text as the page shows it). */
function expected(
  view: DeploymentView,
): Omit<Shown, 'chatList'> & { chatList: Omit<Shown['chatList'][number], 'iconText'>[] } {
  return {
    clock: view.clock,
    customers: view.customers.map((c) => c.lines.map((line) => line.trim())),
    chatList: view.console.chatList.map((row) => ({
      key: String(row.key),
      activityId: String(row.activityId),
      customerName: row.customerName,
      activityDuration: row.activityDuration,
      chatStatus: row.chatStatus,
      icon: row.icon,
      queueName: row.queueName,
    })),
    chatPanes: view.console.chatList.map((row) => (view.console.chatPanes[row.activityId] ?? []).map((l) => l.trim())),
    popups: [...view.console.popups],
    titleBar: view.console.titleBar ?? 'Agent Console - Windows Internet Explorer',
    openChats: view.database.openChats.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [column, value === null ? 'NULL' : String(value)]),
      ),
    ),
  };
}

let session: Session;
/** A few pages, each lent to one scenario at a time: each scenario is a fresh load of the playground. */
const pages = pagePool(() => newPage(session));

before(async () => {
  session = await start();
});

after(async () => {
  await session?.close();
});

describe('every documented scenario, opened in the playground', { concurrency: PAGES_AT_ONCE }, () => {
  ok(existsSync(messagesFile), 'reports/messages.ndjson is missing: run npm run spec first');
  const scenarios = documentedScenarios();

  test('the last run documents scenarios with plans', (t) => {
    ok(scenarios.length >= 40, `only ${scenarios.length} scenarios carry a plan and an end state`);
    t.diagnostic(`${scenarios.length} scenarios replayed`);
  });

  test('each scenario page\'s "open in playground" link carries the plan tested here', () => {
    const links = playgroundLinks();
    const missing = scenarios
      .filter((scenario) => scenario.plan.length > 0 && !links.has(playgroundHref(scenario.plan)))
      .map((scenario) => `${scenario.uri}: ${scenario.name}`);
    deepStrictEqual(missing, []);
  });

  test("a scenario page's link opens the playground", () =>
    pages.use(async ({ page, errors }) => {
      errors.length = 0;
      await page.goto(`${session.site.url}/features/messaging-server`, { waitUntil: 'load' });
      await page
        .getByRole('link', { name: /Open in playground/ })
        .first()
        .click();
      await page.locator('[data-ready="true"]').waitFor();
      ok(Number(await page.locator('[data-steps]').getAttribute('data-steps')) > 0);
      equal(await page.getByTestId('link-problems').count(), 0);
      await shown(page);
      deepStrictEqual(errors, []);
    }));

  for (const scenario of scenarios) {
    test(`${scenario.uri}: ${scenario.name}`, () =>
      pages.use(async (open) => {
        await goTo(session, open, planToSearch(scenario.plan));
        const { page, errors } = open;
        // A bare address opens on the source's premise; a scenario that stages nothing starts from nothing.
        if (scenario.plan.length === 0) await startFromNothing(page);
        const problems = page.getByTestId('link-problems');
        if (await problems.count())
          throw new Error(`The playground did not load the plan: ${await problems.textContent()}`);
        equal(await page.locator('[data-steps]').getAttribute('data-steps'), String(scenario.plan.length));
        const { chatList, ...rest } = await shown(page);
        const want = expected(scenario.endState);
        deepStrictEqual({ ...rest, chatList: chatList.map(({ iconText: _iconText, ...row }) => row) }, want);
        // The icon's text equivalent is shown beside it, not only in its label.
        deepStrictEqual(
          chatList.map((row) => row.iconText),
          want.chatList.map((row) => `(${row.icon})`),
        );
        // No sentence of the page is made of a value that is missing (the situation of a plan in which no server failed
        // once read "undefined server was down").
        const text = await page.locator('main').innerText();
        deepStrictEqual(
          text.split('\n').filter((line) => /\b(undefined|NaN)\b|\[object Object\]/.test(line)),
          [],
          'lines of the page made of a missing value',
        );
        deepStrictEqual(errors, []);
      }));
  }
});
