/**
 * Hosting anywhere: the built site served by a plain static file server (static-server.ts: no rewrites, no
 * added `.html`) answers every address the site links to, as written, with the page itself (200, no redirect):
 * every route of the sitemap, every link and asset of every built page, and a playground link shared from the
 * playground page, opened cold in a new browser page.
 *
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { get } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic, type StaticSite } from '../support/browser/static-server';
import { goTo, newPage, start, type Session } from '../support/browser/playground-page';

const buildDir = join(__dirname, '..', '..', 'build');

/** The status and redirect target of one GET, following nothing. */
function status(url: string): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null });
    }).on('error', reject);
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Every same-site address a built page links to or loads (href and src), without its fragment. */
function linkedAddresses(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of htmlFiles(buildDir)) {
    const html = readFileSync(file, 'utf8');
    // The minified pages leave out the quotes around attribute values that need none.
    for (const match of html.matchAll(/(?:href|src)=(?:"(\/(?!\/)[^"#]*)|(\/(?!\/)[^\s>"#]*))/g)) {
      const address = (match[1] ?? match[2]!).replace(/&amp;/g, '&');
      if (!found.has(address)) found.set(address, file.slice(buildDir.length));
    }
  }
  return found;
}

let site: StaticSite;

before(async () => {
  ok(existsSync(join(buildDir, 'index.html')), 'build/ has no site: run npm run build first');
  site = await serveStatic(buildDir);
});

after(async () => {
  await site?.close();
});

describe('a plain static file server', () => {
  test('serves every route of the sitemap as written, with no redirect', async (t) => {
    const sitemap = readFileSync(join(buildDir, 'sitemap.xml'), 'utf8');
    const routes = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
    ok(routes.length >= 15, `only ${routes.length} routes in the sitemap`);
    t.diagnostic(`${routes.length} routes`);
    const wrong: string[] = [];
    for (const route of routes) {
      const answer = await status(site.url + route);
      if (answer.status !== 200) wrong.push(`${route}: ${answer.status} ${answer.location ?? ''}`);
    }
    deepStrictEqual(wrong, [], 'routes a static host does not serve as written');
  });

  test('serves every address a built page links to or loads, with no redirect', async (t) => {
    const addresses = linkedAddresses();
    ok(addresses.size >= 50, `only ${addresses.size} addresses linked`);
    t.diagnostic(`${addresses.size} addresses`);
    ok(
      [...addresses.keys()].some((a) => a.startsWith('/playground/?step=')),
      'no "Open in playground" link found',
    );
    const wrong: string[] = [];
    for (const [address, from] of addresses) {
      const answer = await status(site.url + address);
      if (answer.status !== 200) wrong.push(`${address} (linked from ${from}): ${answer.status}`);
    }
    deepStrictEqual(wrong, [], 'links a static host does not serve');
  });

  test('a page reloaded without its trailing slash is redirected to it, as static hosts do', async () => {
    deepStrictEqual(await status(`${site.url}/claims?x=1`), { status: 301, location: '/claims/?x=1' });
    strictEqual((await status(`${site.url}/claims.html`)).status, 404);
  });
});

describe("the playground's share link", () => {
  let session: Session;
  before(async () => {
    session = await start();
  });
  after(async () => {
    await session?.close();
  });

  test('opens the same outage cold, from a plain static server', async () => {
    const open = await newPage(session);
    try {
      await goTo(session, open, '');
      await open.page.locator('#control-fail-Messaging').click();
      const shared = await open.page.locator('#pg-share').inputValue();
      ok(shared.includes('/playground/?step='), shared);
      const answer = await status(shared);
      strictEqual(answer.status, 200, `${shared} answered ${answer.status}`);
      const cold = await newPage(session);
      try {
        await goTo(session, cold, shared.slice(shared.indexOf('?')));
        strictEqual(
          await cold.page.locator('[data-steps]').getAttribute('data-steps'),
          await open.page.locator('[data-steps]').getAttribute('data-steps'),
        );
        deepStrictEqual(cold.errors, []);
      } finally {
        await cold.page.close();
      }
    } finally {
      await open.page.close();
    }
  });
});
