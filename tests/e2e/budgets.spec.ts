import { devices } from '@playwright/test';
import { firstLoad, firstSearch } from '../../scripts/lib/page-weight';
import { readSearchCases } from '../../scripts/lib/search-cases';
import { allPages, localeCodes, type SitePage } from './all-pages';
import { distDir, expect, test } from './fixtures';

/**
 * The page-weight budgets, on every page of the built site: what a reader fetches before touching
 * anything, on a phone and, for the guide's pages (which add their QR code there), on a laptop.
 * Bytes are counted from the built files (the gzip twins the server sends), so they are stable
 * from run to run; no timing is asserted here (`npm run bench` reports times).
 */
const KB = 1024;
const MAX_REQUESTS = 3;
const MAX_SCRIPT = 3 * KB;
const MAX_TOTAL = 15 * KB;
/** The first search (script, engine, index, results), in every language. */
const MAX_SEARCH = 110 * KB;
const searchCases = readSearchCases('search-cases.json');

const byLocale = new Map<string, SitePage[]>();
for (const p of allPages) byLocale.set(p.locale ?? 'root', [...(byLocale.get(p.locale ?? 'root') ?? []), p]);

test.describe('first load of every page', () => {
  const screens = { phone: devices['Pixel 7'], laptop: { viewport: { width: 1280, height: 800 } } };
  for (const [group, pages] of byLocale) {
    test(`${group}: at most ${MAX_REQUESTS} requests, ${MAX_SCRIPT / KB} KB of script and ${MAX_TOTAL / KB} KB in all, nothing from another origin, no web fonts`, async ({ browser, site }) => {
      const rows: string[] = [];
      for (const [screen, options] of Object.entries(screens)) {
        const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
        const page = await context.newPage();
        for (const p of screen === 'phone' ? pages : pages.filter((q) => q.kind === 'guide')) {
          const weight = await firstLoad(page, site + p.path, { root: distDir, quietMs: 300 });
          const where = `${p.path} (${screen}): ${weight.requests.map((r) => `${r.path} ${r.bytesGzip} B`).join(', ')}`;
          rows.push(`${p.path} ${screen} ${(weight.totalGzip / KB).toFixed(2)} KB, ${weight.count} requests, script ${(weight.scriptGzip / KB).toFixed(2)} KB`);
          expect(weight.count, where).toBeLessThanOrEqual(MAX_REQUESTS);
          expect(weight.scriptGzip, where).toBeLessThanOrEqual(MAX_SCRIPT);
          expect(weight.requests.filter((r) => !r.path.startsWith('/')), where).toEqual([]);
          expect(weight.requests.filter((r) => r.type === 'font' || /\.(woff2?|ttf|otf)$/.test(r.path)), where).toEqual([]);
          expect(weight.totalGzip, where).toBeLessThanOrEqual(MAX_TOTAL);
        }
        await context.close();
      }
      test.info().annotations.push({ type: 'first load', description: rows.join('\n') });
    });
  }
});

test.describe('first search', () => {
  // A keyword, and the longest query of the language's search cases: the more words a query
  // has (each widened by its synonyms), the more pieces of the index it loads.
  const keywords: Record<string, string> = { 'zh-hans': '退款', 'zh-hant': '退款', en: 'refund', ja: '返金', ko: '환불', th: 'คืนเงิน', vi: 'hoàn tiền', km: 'សងប្រាក់វិញ' };
  const longest = (locale: string) => searchCases[locale]!.map(([query]) => query).reduce((a, b) => ([...b].length > [...a].length ? b : a));
  for (const locale of localeCodes) {
    for (const query of [keywords[locale]!, longest(locale)]) {
      test(`${locale}: a first search for "${query}" costs at most ${MAX_SEARCH / KB} KB gzip`, async ({ browser, site }) => {
        const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
        const page = await context.newPage();
        await firstLoad(page, `${site}/${locale}/`, { root: distDir, quietMs: 300 });
        const weight = await firstSearch(page, query, { root: distDir, quietMs: 300 });
        const where = weight.requests.map((r) => `${r.path} ${r.bytesGzip} B`).join('\n');
        test.info().annotations.push({ type: 'first search', description: `${locale} "${query}": ${(weight.totalGzip / KB).toFixed(1)} KB over ${weight.count} requests` });
        expect(weight.requests.filter((r) => !r.path.startsWith('/')), where).toEqual([]);
        expect(weight.totalGzip, where).toBeLessThanOrEqual(MAX_SEARCH);
        await context.close();
      });
    }
  }
});

test.describe('the first paint waits for no script', () => {
  // Only the head script runs before the first paint. The page's script (src/lib/build/after-paint.ts)
  // is fetched once the page has loaded and painted a frame: a slow phone shows the text first.
  // (The frame is not asserted: the paint timing entry is stamped when the frame reaches the
  // screen, which headless Chromium reports later than the frame's end, where the script starts.)
  for (const path of ['/km/app/', '/en/preparation/', '/en/search/', '/']) {
    test(`${path}: the page's script is fetched after the load event`, async ({ page }) => {
      await page.goto(path);
      const timing = await page.evaluate(() => {
        const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          parserScripts: scripts.filter((s) => s.type === '' || s.type === 'module').map((s) => s.src),
          loaded: nav.loadEventEnd,
          fetched: scripts.map((s) => performance.getEntriesByName(s.src)[0]?.startTime ?? -1),
        };
      });
      expect(timing.parserScripts, 'no script the parser would fetch').toEqual([]);
      expect(timing.fetched.length).toBeGreaterThan(0);
      for (const start of timing.fetched) expect(start).toBeGreaterThanOrEqual(timing.loaded);
    });
  }
});
