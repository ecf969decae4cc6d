import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SearchEngine } from '../../src/lib/browser/search-core.ts';

/**
 * The built site's own Pagefind (`dist/pagefind/pagefind.js` and its WebAssembly and index
 * files), run in Node: the same engine and index a reader's browser gets, without a browser, so
 * the bench and the search-quality report can run thousands of queries in seconds.
 *
 * Pagefind fetches its files next to its script; Node's fetch cannot read `file:` URLs, so those
 * are read from disk. The language comes from `<html lang>`, which a stand-in
 * document gives while the instance is made.
 */

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => SearchEngine & { options: (o: Record<string, unknown>) => Promise<void>; init: () => Promise<void> };
}

let fetchInstalled = false;

function installFileFetch(): void {
  if (fetchInstalled) return;
  fetchInstalled = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'file:///');
    if (url.protocol !== 'file:') return networkFetch(input, init);
    const path = fileURLToPath(url);
    try {
      return new Response(await readFile(path), { status: 200 });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

/** A search engine for one language of the site built in `dist` (Pagefind's language key, e.g. `zh-hans`). */
export async function nodePagefind(dist: string, language: string): Promise<SearchEngine> {
  installFileFetch();
  const { createInstance } = (await import(pathToFileURL(`${dist}/pagefind/pagefind.js`).href)) as PagefindModule;
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = { querySelector: () => ({ getAttribute: () => language }) };
  try {
    const instance = createInstance({ basePath: `${pathToFileURL(dist).href}/pagefind/`, baseUrl: '/', noWorker: true, excerptLength: 18 });
    await instance.init();
    return { search: (query) => instance.search(query) };
  } finally {
    g.document = before;
  }
}
