/**
 * A plain static file server for the built site (build/), on a free localhost port, doing only what every
 * static host does (a plain file server, GitHub Pages, nginx without rewrites): a path names a file, a path
 * ending in `/` names its directory's `index.html`, and a directory asked for without the slash is redirected
 * to it. No `.html` is ever added and no route is rewritten, so a page that loads here loads on any static host.
 * Files carry a `last-modified` date and ten minutes' `cache-control`, as GitHub Pages sends them.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** When the file at `path` was last modified, or null if there is no file there. */
async function modifiedAt(path: string): Promise<Date | null> {
  try {
    const found = await stat(path);
    return found.isFile() ? found.mtime : null;
  } catch {
    return null;
  }
}

const isFile = async (path: string): Promise<boolean> => (await modifiedAt(path)) !== null;

export interface StaticSite {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const safe = normalize(join(root, pathname));
      if (!safe.startsWith(root + sep) && safe !== root) {
        response.writeHead(403).end();
        return;
      }
      const file = pathname.endsWith('/') ? join(safe, 'index.html') : safe;
      const modified = await modifiedAt(file);
      if (modified) {
        // As GitHub Pages answers: a validator and ten minutes' freshness, so a page loaded again in the same
        // browser context reuses its scripts and WebAssembly as a reader's browser does.
        const headers = { 'last-modified': modified.toUTCString(), 'cache-control': 'max-age=600' };
        const since = Date.parse(request.headers['if-modified-since'] ?? '');
        if (!Number.isNaN(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000)) {
          response.writeHead(304, headers).end();
          return;
        }
        const body = await readFile(file);
        response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
        return;
      }
      if (!pathname.endsWith('/') && (await isFile(join(safe, 'index.html')))) {
        const url = new URL(request.url ?? '/', 'http://localhost');
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const notFound = join(root, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      response.end((await isFile(notFound)) ? await readFile(notFound) : 'Not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
