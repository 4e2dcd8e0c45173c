/**
 * Which Chromium the browser tests drive, and launching it under playwright-core. In order:
 *
 * 1. `CHROMIUM_PATH`, if set (it must exist);
 * 2. a system Chromium or Chrome on the usual paths (Debian's `chromium`, a Mac's Google Chrome, ...);
 * 3. the Chromium build that ships inside the `@sparticuz/chromium` npm package, so `npm install` alone gives the
 *    tests a browser on Linux x64: its brotli files are unpacked once into `node_modules/.cache/` (no download),
 *    with the NSS and expat libraries it links against, so it runs on a machine with no browser packages at all.
 *
 * `BROWSER_FROM=npm` skips 1 and 2 (how the tests prove the npm browser works on a machine that also has a
 * system one); `BROWSER_FROM=system` refuses to fall back to the npm package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

const root = join(__dirname, '..', '..', '..');

const SYSTEM_BROWSERS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export interface ResolvedBrowser {
  readonly executablePath: string;
  /** Where it came from, for the test log: `CHROMIUM_PATH`, `system` or `npm (@sparticuz/chromium x.y.z)`. */
  readonly source: string;
  /** Extra environment the browser process needs (the npm build's libraries and fonts). */
  readonly env: Readonly<Record<string, string>>;
}

type From = 'any' | 'npm' | 'system';

function from(): From {
  const value = process.env.BROWSER_FROM ?? 'any';
  if (value !== 'any' && value !== 'npm' && value !== 'system') {
    throw new Error(`BROWSER_FROM is "${value}": use npm, system or leave it unset`);
  }
  return value;
}

/** Unpacks `<name>.tar.br` of the npm package into `dir` (system `tar`, which every Linux has). */
function untarBrotli(file: string, dir: string): void {
  const result = spawnSync('tar', ['-x', '-C', dir], { input: brotliDecompressSync(readFileSync(file)) });
  if (result.status !== 0) throw new Error(`could not unpack ${file}: ${String(result.stderr)}`);
}

/** The Chromium of `@sparticuz/chromium`, unpacked once per package version into node_modules/.cache/. */
function npmChromium(): ResolvedBrowser {
  let packageDir: string;
  try {
    // The package exports no package.json; its entry point is build/cjs/index.cjs.
    packageDir = join(require.resolve('@sparticuz/chromium'), '..', '..', '..');
  } catch {
    throw new Error('No system Chromium or Chrome and no @sparticuz/chromium package: run npm install');
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No system Chromium or Chrome found, and @sparticuz/chromium only ships a Linux x64 build (this is ${process.platform} ${process.arch}): install Chrome or set CHROMIUM_PATH`,
    );
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(root, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(join(dir, 'ready'))) {
    // Unpack beside the final place and rename, so a half-unpacked browser is never mistaken for a whole one.
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const bin = join(packageDir, 'bin');
    const chromiumBinary = brotliDecompressSync(readFileSync(join(bin, 'chromium.br')));
    writeFileSync(join(partial, 'chromium'), chromiumBinary, { mode: 0o755 });
    for (const pack of ['fonts', 'swiftshader', 'al2023']) untarBrotli(join(bin, `${pack}.tar.br`), partial);
    writeFileSync(join(partial, 'ready'), version);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  return {
    executablePath,
    source: `npm (@sparticuz/chromium ${version})`,
    env: {
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: join(dir, 'fonts'),
    },
  };
}

export function resolveBrowser(): ResolvedBrowser {
  const mode = from();
  if (mode !== 'npm') {
    const configured = process.env.CHROMIUM_PATH;
    if (configured) {
      if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist`);
      return { executablePath: configured, source: 'CHROMIUM_PATH', env: {} };
    }
    const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
    if (system) return { executablePath: system, source: 'system', env: {} };
    if (mode === 'system') throw new Error(`BROWSER_FROM=system but none of ${SYSTEM_BROWSERS.join(', ')} exists`);
  }
  return npmChromium();
}

let announced = false;

/** What every browser test needs from the browser, and nothing that changes a page. */
function launchOptions() {
  const resolved = resolveBrowser();
  if (!announced) {
    announced = true;
    process.stdout.write(`# browser: ${resolved.executablePath} (${resolved.source})\n`);
  }
  return {
    executablePath: resolved.executablePath,
    env: { ...process.env, ...resolved.env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-sync',
      '--disable-component-update',
    ],
  };
}

/** Launches the resolved browser headless, for this process alone. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/**
 * Launches the resolved browser headless behind a websocket, which the test files the browser runner starts
 * (test/support/browser/run.ts) connect to: one browser for the whole suite.
 */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}

/** Connects to the browser the runner launched (`launchBrowserServer`). */
export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
