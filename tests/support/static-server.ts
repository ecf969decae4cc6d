import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/**
 * Serves a built site the way a static host does: `/dir/` → `dir/index.html`, `/dir` → redirect
 * to `/dir/`, anything else missing → the locale's `/<locale>/404/` or the root `404.html`, with
 * status 404. Listens on a free port.
 *
 * `root` may be a function, read on every request: a test can switch the site to another build.
 * `intercept` may answer a request itself (return true), say to fail the new build's worker.
 */
export async function serveStatic(
  root: string | (() => string),
  intercept?: (path: string, res: ServerResponse) => boolean,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(async (req, res) => {
    const base = resolve(typeof root === 'function' ? root() : root);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (intercept?.(path, res)) return;
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    let target = path.endsWith('/') ? join(file, 'index.html') : file;
    if (!path.endsWith('/') && !(await isFile(target)) && (await isFile(join(file, 'index.html')))) {
      res.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    let status = 200;
    if (!(await isFile(target))) {
      // A missing page under /<locale>/ gets that locale's 404 page, anything else the root one.
      const localized = join(base, path.split('/')[1] ?? '', '404', 'index.html');
      target = path.split('/').length > 2 && (await isFile(localized)) ? localized : join(base, '404.html');
      status = 404;
    }
    res.writeHead(status, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
