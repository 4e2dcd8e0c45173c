/**
 * Where a page's browser checks spend their time, and whether two shortcuts the tests take give what the long way
 * gives: `node --require ts-node/register test/support/browser/profile-pages.ts [route …]` opens each page of
 * the site (or those named) one at a time, as accessibility.test.ts does, and times each phase: the load, opening
 * the folds and drawing the diagrams, axe at 1400 px the binding's default way and in the page itself (the way
 * `axeBuilder` takes on a page without frames), then axe at 390 px after resizing that same page, and again after a
 * fresh load at 390 px. Each phase in wall seconds and in CPU seconds of all the browser's processes
 * (`SystemInfo.getProcessInfo`; one page at a time, so it is that page's), so waiting shows as the difference. It
 * says whether the two ways of running axe saw the same (every violation of every impact, with its nodes, and each
 * rule's count of passing nodes), and whether the resized page and the fresh one saw the same and laid out alike.
 */
import type { Page } from 'playwright-core';
import { axeBuilder, laidOut, phoneLayout } from './page-checks';
import { diagramsDrawn, openAllFolds, openPage, sitePages, startSite, type SiteSession } from './site-session';

interface Phase {
  readonly wall: number;
  readonly cpu: number;
}

/** The CPU seconds the browser's processes (browser, renderers, GPU, utilities) have used so far. */
async function browserSeconds(session: SiteSession): Promise<() => Promise<number>> {
  const cdp = await session.browser.newBrowserCDPSession();
  return async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
    return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
  };
}

async function timed<T>(cpu: () => Promise<number>, work: () => Promise<T>): Promise<[Phase, T]> {
  const c0 = await cpu();
  const t0 = performance.now();
  const result = await work();
  return [{ wall: (performance.now() - t0) / 1000, cpu: (await cpu()) - c0 }, result];
}

/** What axe saw: every violation (any impact) with its nodes, and each rule's count of passing nodes. */
async function axeSeen(page: Page, inPage: boolean): Promise<string> {
  const results = await axeBuilder(page).setLegacyMode(inPage).analyze();
  return JSON.stringify({
    violations: results.violations.map((v) => [v.id, v.impact, v.nodes.map((n) => n.target.join(' '))]),
    passes: results.passes.map((p) => [p.id, p.nodes.length]),
  });
}

async function opened(session: SiteSession, route: string, width: number, diagrams: number): Promise<Page> {
  const { page } = await openPage(session, route, width);
  await openAllFolds(page);
  if (diagrams) await diagramsDrawn(page, diagrams);
  return page;
}

async function profile(session: SiteSession, route: string, diagrams: number): Promise<string> {
  const cpu = await browserSeconds(session);
  const [load, wide] = await timed(cpu, () => openPage(session, route, 1400));
  const [draw] = await timed(cpu, async () => {
    await openAllFolds(wide.page);
    if (diagrams) await diagramsDrawn(wide.page, diagrams);
  });
  const [axeDefault, seenDefault] = await timed(cpu, () => axeSeen(wide.page, false));
  const [axeInPage, seenInPage] = await timed(cpu, () => axeSeen(wide.page, true));
  const [axeResized, resized] = await timed(cpu, async () => {
    await wide.page.setViewportSize({ width: 390, height: 900 });
    await laidOut(wide.page);
    return JSON.stringify([await phoneLayout(wide.page), await axeSeen(wide.page, true)]);
  });
  await wide.page.close();
  const [freshLoad, narrow] = await timed(cpu, () => opened(session, route, 390, diagrams));
  const [axeFresh, fresh] = await timed(cpu, async () =>
    JSON.stringify([await phoneLayout(narrow), await axeSeen(narrow, true)]),
  );
  await narrow.close();
  const f = (p: Phase) => `${p.wall.toFixed(1)} / ${p.cpu.toFixed(1)}`;
  return [
    route,
    diagrams,
    f(load),
    f(draw),
    f(axeDefault),
    f(axeInPage),
    seenDefault === seenInPage ? 'same' : 'DIFFERENT',
    f(axeResized),
    f(freshLoad),
    f(axeFresh),
    resized === fresh ? 'same' : 'DIFFERENT',
  ].join(' | ');
}

async function main(): Promise<void> {
  const named = process.argv.slice(2);
  const pages = sitePages().filter((p) => !named.length || named.includes(p.route));
  const session = await startSite();
  try {
    console.log(
      '| page | diagrams | load | folds, diagrams | axe 1400 default | axe 1400 in page | alike | resize, axe 390 | fresh load 390 | axe 390 | alike |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const p of pages) console.log(`| ${await profile(session, p.route, p.mermaidBlocks)} |`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
