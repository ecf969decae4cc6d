/**
 * What a reader's browser downloads: every request of a first page load, or of a first search,
 * weighed as the bytes a compressing host would send for the file it served from `dist/`.
 *
 * - Each file is weighed as gzip and as brotli (quality 11). Gzip is the file's Zopfli twin
 *   (`<file>.gz`, which the build writes for nginx's `gzip_static` and the test server sends too)
 *   where there is one, else `gzip -9` (zlib level 9). Pagefind's index files (`*.pf_meta`,
 *   `*.pf_index`, `*.pf_fragment`, `*.pagefind`) are gzip streams already: they count at their
 *   file size in both columns, as a host sends them unchanged.
 * - The file is found the way the test server finds it (`resolveRequest`), so a missing page is
 *   weighed as the 404 page it got. A request to another origin (none today) is weighed from its
 *   response body.
 * - Requests the service worker makes for itself (the offline copy it keeps) are reported apart,
 *   in `serviceWorker`: they do not block the page, and a budget for the page should not include
 *   them. Use a context with `serviceWorkers: 'block'` to leave them out altogether; where a
 *   worker controls the page, a request it answers from its cache still counts for the page.
 *
 * Used by `scripts/bench.ts`; written so that a budget test can call it too.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { resolveRequest } from './static-server.ts';

/** One request and what it costs on the wire. */
export interface Fetched {
  /** Path and query on the site's origin (the full URL for another origin). */
  path: string;
  bytesGzip: number;
  bytesBrotli: number;
  /** Playwright's resource type: `document`, `script`, `stylesheet`, `fetch`, `image`, … */
  type: string;
}

export interface Weight {
  requests: Fetched[];
  totalGzip: number;
  totalBrotli: number;
  /** Gzip bytes of JavaScript: script requests, and `.js`/`.mjs` files fetched otherwise (workers). */
  scriptGzip: number;
  count: number;
}

export interface LoadWeight extends Weight {
  /** What the service worker fetched for itself meanwhile (its offline copy); not in the totals. */
  serviceWorker: Weight;
}

export interface SearchWeight extends LoadWeight {
  /** From focusing the field to the results of the query on screen. */
  ms: number;
}

export interface WeighOptions {
  /** The built site the server serves; `dist/` by default. */
  root?: string;
  /** How long the network must stay quiet (page and service worker) before counting ends. */
  quietMs?: number;
  /** The longest wait for that quiet. */
  timeoutMs?: number;
}

export interface LoadOptions extends WeighOptions {
  /**
   * Something more to wait for after the load, while requests are still recorded: for example
   * the service worker's offline copy, which starts after `load` and may begin after a quiet spell.
   */
  until?: (page: Page) => Promise<unknown>;
}

const defaultRoot = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Files that are gzip streams already (Pagefind writes its index and wasm that way). */
const PRECOMPRESSED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

const sizes = new Map<string, Promise<{ gzip: number; brotli: number }>>();

/** The brotli q11 size of some bytes. */
function brotliSize(bytes: Uint8Array): number {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/** The gzip -9 and brotli q11 sizes of some bytes. */
function compressedSizes(bytes: Uint8Array): { gzip: number; brotli: number } {
  return { gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliSize(bytes) };
}

/** The wire sizes of one built file, computed once per version of the file. */
export async function servedSizes(file: string): Promise<{ gzip: number; brotli: number }> {
  const { mtimeMs, size } = await stat(file);
  const key = `${file}:${mtimeMs}:${size}`;
  let known = sizes.get(key);
  if (!known) {
    known = readFile(file).then(async (bytes) => {
      if (PRECOMPRESSED.test(file)) return { gzip: bytes.length, brotli: bytes.length };
      const twin = await stat(`${file}.gz`).catch(() => undefined);
      return twin?.isFile() ? { gzip: twin.size, brotli: brotliSize(bytes) } : compressedSizes(bytes);
    });
    sizes.set(key, known);
  }
  return known;
}

async function weigh(request: Request, root: string, origin: string): Promise<Fetched> {
  const url = new URL(request.url());
  const type = request.resourceType();
  if (url.origin === origin) {
    const path = url.pathname + url.search;
    const found = await resolveRequest(root, url.pathname);
    if (found.status === 200 || found.status === 404) {
      const { gzip, brotli } = await servedSizes(found.file);
      return { path, bytesGzip: gzip, bytesBrotli: brotli, type };
    }
    // A redirect or a refusal: headers only.
    return { path, bytesGzip: 0, bytesBrotli: 0, type };
  }
  const response = await request.response().catch(() => null);
  const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
  const { gzip, brotli } = compressedSizes(body);
  return { path: url.href, bytesGzip: gzip, bytesBrotli: brotli, type };
}

function total(requests: Fetched[]): Weight {
  const isScript = (r: Fetched) => r.type === 'script' || /\.m?js(\?|$)/.test(r.path);
  return {
    requests,
    totalGzip: requests.reduce((n, r) => n + r.bytesGzip, 0),
    totalBrotli: requests.reduce((n, r) => n + r.bytesBrotli, 0),
    scriptGzip: requests.filter(isScript).reduce((n, r) => n + r.bytesGzip, 0),
    count: requests.length,
  };
}

/**
 * Records every request of a browser context from now on, the page's and its service worker's,
 * and tells when the network has been quiet for a while.
 */
function record(context: BrowserContext) {
  const seen: Request[] = [];
  const open = new Set<Request>();
  let last = Date.now();
  const onRequest = (r: Request) => {
    // data: and blob: addresses are no downloads.
    if (!/^https?:/.test(r.url())) return;
    seen.push(r);
    open.add(r);
    last = Date.now();
  };
  const onDone = (r: Request) => {
    open.delete(r);
    last = Date.now();
  };
  context.on('request', onRequest);
  context.on('requestfinished', onDone);
  context.on('requestfailed', onDone);
  return {
    seen,
    /** Waits until a request for one of `urls` has been seen, for at most `timeoutMs`. */
    async requested(urls: string[], timeoutMs: number): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end && !seen.some((r) => urls.includes(r.url()))) await new Promise((ok) => setTimeout(ok, 50));
    },
    /** Waits until no request is open and none has started or ended for `quietMs`. */
    async quiet(quietMs: number, timeoutMs: number): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (open.size === 0 && Date.now() - last >= quietMs) return;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error(`the network was still busy after ${timeoutMs} ms: ${[...open].map((r) => r.url()).join(', ')}`);
    },
    stop() {
      context.off('request', onRequest);
      context.off('requestfinished', onDone);
      context.off('requestfailed', onDone);
    },
  };
}

async function split(seen: Request[], root: string, origin: string): Promise<LoadWeight> {
  const fromWorker = (r: Request) => r.serviceWorker() !== null;
  const page = await Promise.all(seen.filter((r) => !fromWorker(r)).map((r) => weigh(r, root, origin)));
  const worker = await Promise.all(seen.filter(fromWorker).map((r) => weigh(r, root, origin)));
  return { ...total(page), serviceWorker: total(worker) };
}

/**
 * Loads `url` in `page` (best in a fresh context, so nothing is cached) and weighs everything
 * fetched until the network is idle: the page's requests in the totals, the service worker's
 * own apart. The page's icon counts too: Chromium asks for it after `load`, sometimes after a
 * quiet spell on a busy machine, so the icon request is waited for (5 s at most).
 */
export async function firstLoad(page: Page, url: string, options: LoadOptions = {}): Promise<LoadWeight> {
  const { root = defaultRoot, quietMs = 500, timeoutMs = 60_000, until } = options;
  const recorder = record(page.context());
  let origin: string;
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: timeoutMs });
    if (!response) throw new Error(`no response for ${url}`);
    origin = new URL(response.url()).origin;
    // An icon inside the page (a data: URL) is no request: only files are waited for.
    const icons = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href).filter((href) => /^https?:/.test(href)));
    if (icons.length > 0) await recorder.requested(icons, 5_000);
    if (until) await until(page);
    await recorder.quiet(quietMs, timeoutMs);
  } finally {
    recorder.stop();
  }
  return split(recorder.seen, root, origin);
}

/**
 * Searches from the header field of a loaded page: focuses `#search-input-panel`, types `query`,
 * waits until `#search-results-panel` shows that query (`data-query`), then until the network is
 * idle. Weighs everything fetched from the focus on; `ms` is the time to the results.
 *
 * The query arrives as one input, as an input method commits a word (or a paste does): typed key
 * by key, how many intermediate searches start would depend on the machine's speed against the
 * 120 ms debounce, and so would the bytes. A reader typing slower than that starts more searches
 * and fetches more; this is the least a first search costs.
 */
export async function firstSearch(page: Page, query: string, options: WeighOptions = {}): Promise<SearchWeight> {
  const { root = defaultRoot, quietMs = 500, timeoutMs = 60_000 } = options;
  const origin = new URL(page.url()).origin;
  const recorder = record(page.context());
  let ms: number;
  try {
    const start = performance.now();
    const input = page.locator('#search-input-panel');
    await input.focus();
    await page.keyboard.insertText(query);
    await page.waitForFunction(
      (q) => document.querySelector<HTMLElement>('#search-results-panel')?.dataset.query === q,
      query,
      { timeout: timeoutMs, polling: 10 },
    );
    ms = performance.now() - start;
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
    await recorder.quiet(quietMs, timeoutMs);
  } finally {
    recorder.stop();
  }
  return { ...(await split(recorder.seen, root, origin)), ms: Math.round(ms) };
}
