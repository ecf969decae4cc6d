// @ts-check
/// <reference lib="webworker" />
/**
 * The guide's service worker, hand-written: after one visit, the reader's language works offline.
 *
 * The build prepends `const MANIFEST = {...}` (src/lib/build/service-worker.ts): a version hash of the
 * build, the shared files (styles, scripts, the Pagefind engine) and each locale's pages and
 * search index. Shared files are cached at install; a locale's files as soon as a page in that
 * language is opened. Pages are served from the cache at once; a new build arrives as a new
 * worker, which keeps them again. A page that was never cached, opened offline, gets the offline
 * page of a language that is.
 */
/** @typedef {{ version: string, shared: string[], locales: Record<string, string[]> }} Manifest */
/** @type {ServiceWorkerGlobalScope} */
// @ts-ignore -- `self` is the worker scope here.
const sw = self;
/** @type {Manifest} */
// @ts-ignore -- defined by the build, above this file's text.
const manifest = MANIFEST;
const PREFIX = 'guide-';
const cacheName = (/** @type {string} */ part) => `${PREFIX}${manifest.version}-${part}`;

/** Which locale a path belongs to, if any. */
const localeOf = (/** @type {string} */ path) => {
  const code = path.split('/')[1] ?? '';
  return Object.hasOwn(manifest.locales, code) ? code : undefined;
};

/** Caches one locale's pages and search files (once per build). */
async function cacheLocale(/** @type {string} */ locale) {
  const cache = await caches.open(cacheName(locale));
  const missing = [];
  for (const url of manifest.locales[locale] ?? []) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
  return missing.length;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(cacheName('shared'))).addAll(manifest.shared);
      // A new build: bring along every language the reader had offline with the old one.
      const before = new Set((await caches.keys()).filter((k) => k.startsWith(PREFIX)).map((k) => k.split('-').slice(2).join('-')));
      await Promise.all([...before].filter((l) => localeOf(`/${l}/`)).map(cacheLocale));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = `${PREFIX}${manifest.version}-`;
      await Promise.all((await caches.keys()).filter((k) => k.startsWith(PREFIX) && !k.startsWith(current)).map((k) => caches.delete(k)));
      await sw.clients.claim();
    })(),
  );
});

// A page asks for its language to be kept offline, and hears back when it is.
sw.addEventListener('message', (event) => {
  const locale = event.data?.type === 'cache-locale' ? localeOf(`/${event.data.locale}/`) : undefined;
  if (!locale) return;
  event.waitUntil(
    cacheLocale(locale).then(
      (added) => event.source?.postMessage({ type: 'locale-cached', locale, added }),
      () => undefined,
    ),
  );
});

/**
 * From the cache at once; from the network when not cached, and kept for next time.
 *
 * A kept page is not replaced by a fresh copy: within one build a page never changes (the version
 * hashes every page), and a copy from a newer build names styles and scripts that this build never
 * kept, so offline it would show unstyled and without search. The refresh in the background is
 * the browser's own: on every page it checks for a new worker, and a new build's worker keeps the
 * reader's pages again, with their files. (Asking for it here, with `registration.update()` in
 * `waitUntil`, keeps this worker busy and holds the new one back from taking over.)
 */
async function cacheFirst(/** @type {FetchEvent} */ event, /** @type {string} */ key) {
  const cached = await caches.match(key);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') {
    const locale = localeOf(new URL(key, sw.location.origin).pathname);
    // A full disk must not turn a page that arrived into the offline page.
    await (await caches.open(cacheName(locale ?? 'shared'))).put(key, response.clone()).catch(() => undefined);
  }
  return response;
}

/**
 * The offline page for a page never kept, opened without a connection. Its links must lead to
 * pages that are kept, so it is the offline page of a language that is: the page's own, else the
 * one the reader came from, else any. (The offline page of a language never kept would list
 * pages that lead back to it.)
 */
async function offlinePage(/** @type {Request} */ request) {
  const from = URL.canParse(request.referrer) ? new URL(request.referrer) : undefined;
  const languages = [localeOf(new URL(request.url).pathname), from?.origin === sw.location.origin ? localeOf(from.pathname) : undefined, ...Object.keys(manifest.locales)];
  for (const locale of languages) {
    const page = locale && (await caches.match(`/${locale}/offline/`, { cacheName: cacheName(locale) }));
    if (page) return page;
  }
  return Response.error();
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages are cached by path: `/en/search/?q=…` is the search page, whatever the query.
    const key = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    event.respondWith(cacheFirst(event, key).catch(() => offlinePage(request)));
    return;
  }
  // Hashed assets and Pagefind's files never change under one name: the cache is enough.
  event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
});
