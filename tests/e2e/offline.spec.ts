import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { OfflineManifest } from '../../src/lib/build/offline-manifest';
import { useTranslations } from '../../src/i18n/ui';
import { BuiltSite } from '../../src/lib/build/built-site';
import { writeServiceWorker } from '../../src/lib/build/service-worker';
import { serveStatic } from '../../scripts/lib/static-server';
import { distDir, expect, test } from './fixtures';
import { locales, pagePath, pageSlugs } from './guide';

/** The manifest the build wrote at the top of a `sw.js`. */
async function manifestOf(dir: string): Promise<OfflineManifest> {
  const source = await readFile(join(dir, 'sw.js'), 'utf8');
  return JSON.parse(/^const MANIFEST = (.*);$/m.exec(source)![1]!) as OfflineManifest;
}

/** Every cache of the page's origin and the paths it holds. */
function cachesOf(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return out;
  });
}

/** Waits until the page's worker controls it and keeps every file of `locale` (and the shared ones) under `version`. */
async function expectKept(page: Page, manifest: OfflineManifest, locale: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state), { timeout: 15_000 }).toBe('activated');
  await expect
    .poll(async () => {
      const kept = await cachesOf(page);
      return {
        shared: kept[`guide-${manifest.version}-shared`] ?? [],
        [locale]: kept[`guide-${manifest.version}-${locale}`] ?? [],
      };
    }, { timeout: 15_000 })
    .toEqual({ shared: [...manifest.shared].sort(), [locale]: [...manifest.locales[locale]!].sort() });
}

/** Types in the header search and waits for results; returns the result links. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('#search-input-panel').fill(query);
  const panel = page.locator('#search-results-panel');
  await expect(panel).toHaveAttribute('data-query', query, { timeout: 15_000 });
  return panel.locator('.hit-page').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** The page's stylesheet (inline in every page) applies: the page has the guide's background, not the browser's. */
const styled = (page: Page) =>
  page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0) && getComputedStyle(document.body).backgroundColor !== 'rgba(0, 0, 0, 0)');

/** Records what the worker tells the page's pages, from the next page on; read with `heard`. */
async function listen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heard });
    navigator.serviceWorker.addEventListener('message', (e) => heard.push(e.data));
  });
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard?: unknown[] }).heard ?? []);

const note = (page: Page) => page.locator('.connection-note');

test.describe('offline reading', () => {
  let manifest: OfflineManifest;
  test.beforeAll(async () => {
    manifest = await manifestOf(distDir);
  });

  for (const [locale, query] of [['en', 'refund'], ['km', 'សងប្រាក់វិញ']] as const) {
    test(`${locale}: after one visit, every page and search work offline`, async ({ page, context }) => {
      const t = useTranslations(locale);
      await page.goto(pagePath(locale, 'app'));
      // The first visit says, once and quietly, that the guide is now kept.
      await expect(note(page)).toHaveText(t('offline.ready'), { timeout: 15_000 });
      await expectKept(page, manifest, locale);

      await context.setOffline(true);
      for (const slug of pageSlugs) {
        const response = await page.goto(pagePath(locale, slug));
        expect(response?.ok(), slug).toBe(true);
        expect(response?.fromServiceWorker(), slug).toBe(true);
        await expect(page.locator('html')).toHaveAttribute('lang', locales[locale].lang);
        await expect(page.locator('main h1')).toBeVisible();
        await expect(page.locator('main')).not.toContainText(t('offline.title'));
        await expect(note(page)).toHaveText(t('offline.notice'));
        expect(await styled(page), `${slug} styled`).toBe(true);
      }
      const hits = await search(page, query);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((href) => href.startsWith(`/${locale}/`))).toBe(true);
      // A result opens offline, too.
      await page.locator('#search-results-panel .hit-page').first().click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/`));
      await expect(note(page)).toHaveText(t('offline.notice'));
    });
  }

  test('search works offline without Pagefind’s worker too (as with noWorker: true)', async ({ page, context }) => {
    // Without `Worker`, Pagefind loads its wasm and index on the page's own thread.
    await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
    await page.goto('/en/');
    await expectKept(page, manifest, 'en');
    await context.setOffline(true);
    await page.goto('/en/preparation/');
    const served: string[] = [];
    page.on('response', (r) => served.push(`${r.fromServiceWorker() ? 'cache' : 'network'} ${new URL(r.url()).pathname}`));
    page.on('worker', (w) => served.push(`worker ${w.url()}`));
    expect((await search(page, 'refund')).length).toBeGreaterThan(0);
    expect(served).toEqual(expect.arrayContaining(['cache /pagefind/pagefind.js', 'cache /pagefind/wasm.en.pagefind']));
    expect(served.filter((r) => !r.startsWith('cache '))).toEqual([]);
  });

  test('search runs offline in Khmer on files from the cache, with no worker of Pagefind’s', async ({ page, context }) => {
    await page.goto('/km/');
    await expectKept(page, manifest, 'km');
    await context.setOffline(true);
    await page.goto('/km/support/');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const served: string[] = [];
    page.on('response', (r) => served.push(`${r.fromServiceWorker() ? 'cache' : 'network'} ${new URL(r.url()).pathname}`));
    expect((await search(page, 'ទូរស័ព្ទ')).length).toBeGreaterThan(0);
    // The guide runs Pagefind on the page's thread (noWorker): its worker file is never fetched.
    expect(workers).toEqual([]);
    const pagefind = served.filter((r) => r.includes(' /pagefind/'));
    const meta = manifest.locales.km!.find((u) => u.endsWith('.pf_meta'))!;
    expect(pagefind).toEqual(expect.arrayContaining([`cache /pagefind/wasm.unknown.pagefind`, `cache ${meta}`, 'cache /pagefind/outline/km.json']));
    expect(pagefind.some((r) => r.startsWith('cache /pagefind/index/km_'))).toBe(true);
    expect(pagefind.filter((r) => !r.startsWith('cache '))).toEqual([]);
  });

  test('the note that the guide is kept is said once, not on later pages', async ({ page }) => {
    const t = useTranslations('en');
    await page.goto('/en/');
    await expect(note(page)).toHaveText(t('offline.ready'), { timeout: 15_000 });
    await expectKept(page, manifest, 'en');
    await listen(page);
    await page.goto('/en/app/');
    // The worker answers (nothing was missing), and the page stays quiet.
    await expect.poll(() => heard(page)).toEqual([{ type: 'locale-cached', locale: 'en', added: 0 }]);
    await expect(note(page)).toBeHidden();
  });

  test('the note does not move the text being read when it appears', async ({ page }) => {
    await page.goto('/zh-hans/pitfalls/');
    const heading = page.locator('#fake-cancellation-support');
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    const before = await page.evaluate(() => ({ y: scrollY, top: document.getElementById('fake-cancellation-support')!.getBoundingClientRect().top }));
    await expect(note(page)).toHaveText(useTranslations('zh-hans')('offline.ready'), { timeout: 15_000 });
    await expect(note(page)).toBeInViewport();
    expect(await page.evaluate(() => ({ y: scrollY, top: document.getElementById('fake-cancellation-support')!.getBoundingClientRect().top }))).toEqual(before);
  });

  test('offline, a page never kept shows the offline page in the reader’s language, with links that work', async ({ page, context }) => {
    const en = useTranslations('en');
    await page.goto('/en/');
    await expectKept(page, manifest, 'en');
    await context.setOffline(true);
    await listen(page);

    // A page of a language the reader never opened: its own offline page would list pages that
    // are not kept either, so the reader gets the one of the language they read, which works.
    const response = await page.goto('/km/app/');
    expect(response?.ok()).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('main h1')).toHaveText(en('offline.title'));
    await expect(note(page)).toHaveText(en('offline.notice'));
    // The page asks to keep its own language, which is kept, and nothing of the other is kept on the way.
    await expect.poll(() => heard(page)).toEqual([{ type: 'locale-cached', locale: 'en', added: 0 }]);
    expect(Object.keys(await cachesOf(page)).sort()).toEqual([`guide-${manifest.version}-en`, `guide-${manifest.version}-shared`]);
    const links = await page.locator('main ol a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBe(pageSlugs.length + 1);
    for (const href of links) {
      expect(manifest.locales.en).toContain(href);
      expect((await page.goto(href))?.ok(), href).toBe(true);
      await expect(page.locator('main h1')).not.toHaveText(en('offline.title'));
    }

    // The language chooser, never kept, offline: the same.
    await page.goto('/');
    await expect(page.locator('main h1')).toHaveText(en('offline.title'));
  });

  test('offline, the offline page follows the language the reader came from', async ({ page, context }) => {
    const km = useTranslations('km');
    await page.goto('/en/');
    await expectKept(page, manifest, 'en');
    await page.goto('/km/');
    await expectKept(page, manifest, 'km');
    await context.setOffline(true);
    await page.goto('/km/website/');
    // A link the reader follows (say, from a message) to a language never kept.
    await page.evaluate(() => document.querySelector('main')!.prepend(Object.assign(document.createElement('a'), { href: '/ja/app/', id: 'away', textContent: 'ja' })));
    await page.locator('#away').click();
    await page.waitForURL('**/ja/app/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'km');
    await expect(page.locator('main h1')).toHaveText(km('offline.title'));
  });

  test('offline, addresses inside a kept language behave', async ({ page, context }) => {
    const en = useTranslations('en');
    // Online, a missing page is the site's not-found page, not the offline page.
    await page.goto('/en/');
    await expectKept(page, manifest, 'en');
    expect((await page.goto('/en/nope/'))?.status()).toBe(404);
    await expect(page.locator('main h1')).not.toHaveText(en('offline.title'));

    await context.setOffline(true);
    // The search page with a query is the kept search page, and it searches.
    await page.goto('/en/search/?q=refund');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('[data-search-results]').first()).toHaveAttribute('data-query', 'refund', { timeout: 15_000 });
    await expect(page.locator('[data-search-results] .hit-page').first()).toBeVisible();
    // A page that does not exist: offline, the worker cannot tell, and shows the offline page.
    expect((await page.goto('/en/nope/'))?.ok()).toBe(true);
    await expect(page.locator('main h1')).toHaveText(en('offline.title'));
    // Without the trailing slash, the kept page.
    expect((await page.goto('/en/app'))?.ok()).toBe(true);
    await expect(page.locator('main h1')).not.toHaveText(en('offline.title'));
  });
});

/**
 * A second build of the site, as a deploy would bring: every page changed (a marker in its head)
 * and its styles (inline in each page) too, with its own worker and version.
 */
async function nextBuild(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'guide-next-build-'));
  // Without the gzip twins, which would still hold the first build's pages and worker: the test
  // server compresses what has none (a real build writes new twins).
  await cp(from, dir, { recursive: true, filter: (src) => !src.includes('/og/') && !src.endsWith('.gz') });
  const pages = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const html = await readFile(join(dir, file), 'utf8');
    await writeFile(join(dir, file), html.replace('</style>', ':root{--next-build:1}</style>').replace('<head>', '<head><meta name="build" content="next">'));
  }
  await writeServiceWorker(await BuiltSite.list(dir));
  return dir;
}

test.describe('a new build', () => {
  let next: string;
  let before: OfflineManifest;
  let after: OfflineManifest;
  test.beforeAll(async () => {
    next = await nextBuild(distDir);
    before = await manifestOf(distDir);
    after = await manifestOf(next);
  });
  test.afterAll(async () => {
    await rm(next, { recursive: true, force: true });
  });

  /** A site of its own that can switch to the next build, and fail its worker if asked. */
  async function deploy(failWorker = false) {
    let root = distDir;
    const served: string[] = [];
    const server = await serveStatic(
      () => root,
      (path, res) => {
        served.push(`${root === next ? 'next' : 'first'} ${path}`);
        if (!(failWorker && root === next && path === '/sw.js')) return false;
        res.writeHead(503).end();
        return true;
      },
    );
    return { url: server.url, served, switchToNext: () => void (root = next), server };
  }
  let running: Awaited<ReturnType<typeof deploy>> | undefined;
  test.afterEach(async ({ page }) => {
    await page.close();
    await running?.server.close();
    running = undefined;
  });

  test('is picked up online: the new worker keeps the reader’s language under its version, old caches go', async ({ page, context }) => {
    expect(after.version).not.toBe(before.version);
    const site = (running = await deploy());
    await page.goto(`${site.url}/km/app/`);
    await expectKept(page, before, 'km');

    site.switchToNext();
    await page.reload();
    await expect
      .poll(async () => Object.keys(await cachesOf(page)).sort(), { timeout: 20_000 })
      .toEqual([`guide-${after.version}-km`, `guide-${after.version}-shared`]);
    await expectKept(page, after, 'km');

    await page.reload();
    await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'next');
    // Re-kept silently: the reader was told once, with the first build.
    await expect(note(page)).toBeHidden();

    await context.setOffline(true);
    for (const slug of pageSlugs) {
      await page.goto(`${site.url}${pagePath('km', slug)}`);
      await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'next');
      expect(await styled(page), `${slug} styled`).toBe(true);
    }
    expect((await search(page, 'គណនី')).length).toBeGreaterThan(0);
  });

  test('that fails to install leaves the kept guide whole: pages still match their styles offline', async ({ page, context }) => {
    const site = (running = await deploy(true));
    await page.goto(`${site.url}/en/app/`);
    await expectKept(page, before, 'en');

    // The next build is out, but its worker cannot be fetched (a flaky connection, say).
    site.switchToNext();
    await page.reload();
    expect(await styled(page)).toBe(true);
    // The page came from the cache, and the new build's worker was asked for and failed.
    await expect(page.locator('meta[name="build"]')).toHaveCount(0);
    await expect.poll(() => site.served.filter((s) => s === 'next /sw.js').length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Give a background request time to land in the cache, if the worker kept one.
    await page.waitForTimeout(1000);

    await context.setOffline(true);
    await page.reload();
    expect(await styled(page), 'the kept page names the styles that were kept with it').toBe(true);
    await expect(page.locator('meta[name="build"]')).toHaveCount(0);
    await expect(page.locator('main h1')).toBeVisible();
    expect(Object.keys(await cachesOf(page)).sort()).toEqual([`guide-${before.version}-en`, `guide-${before.version}-shared`]);
  });
});
