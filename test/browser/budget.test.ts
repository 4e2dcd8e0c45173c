/**
 * The weight budget: the JavaScript a page runs (every script it requests, as built, until the network is idle and
 * its diagrams have drawn) stays under the budget set after measuring (README, "Performance"), and mermaid is
 * loaded only on pages that have a diagram.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildDir,
  diagramsDrawn,
  eachAtOnce,
  newContext,
  sitePages,
  startSite,
  type SiteSession,
} from '../support/browser/site-session';

/** Kilobytes of JavaScript (decoded), measured then rounded up with about 10% to spare. */
export const BUDGET_KB = { home: 660, feature: 1780 };

let session: SiteSession;

before(async () => {
  session = await startSite();
});

after(async () => {
  await session?.close();
});

interface Weight {
  readonly kilobytes: number;
  readonly scripts: number;
  /** Scripts holding mermaid's sequence-diagram parser. */
  readonly mermaid: string[];
}

/** Whether a built script holds mermaid's sequence-diagram grammar (a string in no other library the site uses). */
function isMermaid(url: string): boolean {
  return readFileSync(fileOf(url), 'utf8').includes('participant_actor');
}

/** The built file a same-site script address serves. */
function fileOf(url: string): string {
  const file = join(buildDir, new URL(url).pathname);
  ok(existsSync(file), `the page ran ${url}, which is not in build/`);
  return file;
}

async function weigh(route: string, diagrams: number): Promise<Weight> {
  const context = await newContext(session);
  const page = await context.newPage();
  // Scripts the page runs: script tags and the chunks webpack loads (prefetches of other pages are not scripts).
  const requested = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.add(request.url());
  });
  try {
    await page.goto(session.site.url + route, { waitUntil: 'networkidle' });
    if (diagrams) {
      // Open the first diagram's fold, and the scenario's fold around it, so that a diagram is drawn: the budget
      // counts what a reader of the page runs.
      await page.evaluate(() => {
        for (let fold = document.querySelector('details.cf-fold-diagram'); fold; fold = fold.parentElement)
          if (fold instanceof HTMLDetailsElement) fold.open = true;
      });
      await diagramsDrawn(page, 1);
      await page.waitForLoadState('networkidle');
    }
    const scripts = [...requested].map((url) => ({ url, bytes: statSync(fileOf(url)).size }));
    return {
      kilobytes: Math.round(scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024),
      scripts: scripts.length,
      mermaid: scripts.filter((s) => isMermaid(s.url)).map((s) => s.url),
    };
  } finally {
    await context.close();
  }
}

describe('the weight budget', () => {
  const pages = sitePages();
  test(`the home page and the at-a-glance matrix: under ${BUDGET_KB.home} KB of JavaScript, no mermaid`, async () => {
    await eachAtOnce(['/', '/at-a-glance/'], async (route) => {
      const weight = await weigh(route, 0);
      process.stdout.write(`# ${route}: ${weight.kilobytes} KB in ${weight.scripts} scripts\n`);
      deepStrictEqual(weight.mermaid, [], `${route} loads mermaid`);
      ok(weight.kilobytes <= BUDGET_KB.home, `${route}: ${weight.kilobytes} KB, over the ${BUDGET_KB.home} KB budget`);
    });
  });

  test(`every feature page: under ${BUDGET_KB.feature} KB of JavaScript with a diagram drawn`, async (t) => {
    const features = pages.filter((p) => p.route.startsWith('/features/') && p.mermaidBlocks > 0);
    ok(features.length >= 5, `only ${features.length} feature pages with diagrams`);
    t.diagnostic(`${features.length} feature pages weighed`);
    await eachAtOnce(features, async (feature) => {
      const weight = await weigh(feature.route, feature.mermaidBlocks);
      process.stdout.write(`# ${feature.route}: ${weight.kilobytes} KB in ${weight.scripts} scripts\n`);
      ok(weight.mermaid.length > 0, `${feature.route} drew a diagram without loading mermaid?`);
      ok(
        weight.kilobytes <= BUDGET_KB.feature,
        `${feature.route}: ${weight.kilobytes} KB, over the ${BUDGET_KB.feature} KB budget`,
      );
    });
  });
});
