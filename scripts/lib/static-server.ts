import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip, constants } from 'node:zlib';

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

/** What the server answers for a path: a file with its status, or a redirect. */
export type Resolution = { status: 200 | 404; file: string } | { status: 301; location: string } | { status: 403 };

/**
 * How a static host maps a request path to a file of the built site in `root`: `/dir/` →
 * `dir/index.html`, `/dir` → redirect to `/dir/`, anything else missing → the locale's
 * `/<locale>/404/` or the root `404.html`, with status 404. Shared by the server and by
 * `page-weight.ts`, which weighs the very file that was served.
 */
export async function resolveRequest(root: string, pathname: string): Promise<Resolution> {
  const base = resolve(root);
  const path = decodeURIComponent(pathname);
  const file = normalize(join(base, path));
  if (!file.startsWith(base)) return { status: 403 };
  const target = path.endsWith('/') ? join(file, 'index.html') : file;
  if (!path.endsWith('/') && !(await isFile(target)) && (await isFile(join(file, 'index.html')))) {
    return { status: 301, location: `${path}/` };
  }
  if (await isFile(target)) return { status: 200, file: target };
  // A missing page under /<locale>/ gets that locale's 404 page, anything else the root one.
  const localized = join(base, path.split('/')[1] ?? '', '404', 'index.html');
  return { status: 404, file: path.split('/').length > 2 && (await isFile(localized)) ? localized : join(base, '404.html') };
}

/**
 * Serves a built site the way a static host does (see `resolveRequest`). Listens on a free port.
 *
 * `root` may be a function, read on every request: a test can switch the site to another build.
 * `intercept` may answer a request itself (return true), say to fail the new build's worker.
 */
export async function serveStatic(
  root: string | (() => string),
  intercept?: (path: string, res: ServerResponse) => boolean,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (intercept?.(decodeURIComponent(pathname), res)) return;
    const found = await resolveRequest(typeof root === 'function' ? root() : root, pathname);
    if (found.status === 403) {
      res.writeHead(403).end();
      return;
    }
    if (found.status === 301) {
      res.writeHead(301, { location: found.location }).end();
      return;
    }
    const type = TYPES[extname(found.file)] ?? 'application/octet-stream';
    // Text is compressed, as every real host does: what a browser, or Lighthouse's model of a
    // slow phone, receives is the compressed size. Like nginx with `gzip_static` (deploy/nginx.conf),
    // a file's Zopfli twin `<file>.gz` goes when the build made one, else gzip -9 on the fly.
    // Pagefind's own files are gzip already and go as they are.
    const compress = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const twin = compress && (await isFile(found.file + '.gz')) ? found.file + '.gz' : undefined;
    res.writeHead(found.status, { 'content-type': type, vary: 'accept-encoding', ...(compress ? { 'content-encoding': 'gzip' } : {}) });
    if (twin) createReadStream(twin).pipe(res);
    else if (compress) createReadStream(found.file).pipe(createGzip({ level: constants.Z_BEST_COMPRESSION })).pipe(res);
    else createReadStream(found.file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
