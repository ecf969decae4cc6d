import { join } from 'node:path';
import sharp from 'sharp';
import { ui } from '../../src/i18n/ui';
import { allPages, localeCodes, locales, type SitePage } from './all-pages';
import { distDir, expect, test } from './fixtures';
import { guidePages } from './guide';

// What a link preview, a search engine and a crawler read: share cards, structured data,
// the sitemap and robots.txt. Read from the built HTML as served, without running scripts.

test.use({ javaScriptEnabled: false, serviceWorkers: 'block' });

interface Head {
  meta: Record<string, string[]>;
  canonical: string | null;
  jsonLd: string[];
  title: string;
}

/**
 * Every page carries share metadata. The not-found pages (kept out of search engines by their
 * status) and the offline pages (by a noindex robots tag) have no canonical address.
 */
const shared = allPages;
const noindex = (kind: SitePage['kind']) => kind === 'not-found' || kind === 'offline';

test.describe('share metadata', () => {
  const groups = [...localeCodes.map((code) => shared.filter((p) => p.locale === code)), shared.filter((p) => !p.locale)];
  for (const pages of groups) {
    test(`${pages[0]!.locale ?? 'root'}: ${pages.map((p) => p.path).join(' ')}`, async ({ page }) => {
      for (const p of pages) await checkPage(page, p);
    });
  }

  async function checkPage(page: import('@playwright/test').Page, { path, locale, kind }: SitePage) {
    await page.goto(path);
    const head: Head = await page.evaluate(() => {
      const meta: Record<string, string[]> = {};
      for (const m of document.querySelectorAll('meta[property], meta[name]')) {
        const key = m.getAttribute('property') ?? m.getAttribute('name')!;
        (meta[key] ??= []).push(m.getAttribute('content') ?? '');
      }
      return {
        meta,
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
        title: document.title,
      };
    });
    const one = (key: string) => {
      expect(head.meta[key], `${path}: one ${key}`).toHaveLength(1);
      const value = head.meta[key]![0]!;
      expect(value, `${path}: ${key}`).toMatch(/\S/);
      return value;
    };
    one('og:title');
    one('og:description');
    const url = one('og:url');
    if (noindex(kind)) expect(head.canonical, `${path}: no canonical on a not-found or offline page`).toBeNull();
    else expect(url, `${path}: og:url is the canonical address`).toBe(head.canonical);
    expect(new URL(url).pathname).toBe(path);

    // The card image: absolute, built, 1200×630, and the locale's own for a guide page.
    const image = new URL(one('og:image'));
    expect(image.protocol, `${path}: og:image is absolute`).toBe('https:');
    expect(image.origin).toBe(new URL(url).origin);
    const file = join(distDir, image.pathname);
    const { format, width, height } = await sharp(file).metadata();
    expect({ format, width, height }, `${path}: ${image.pathname}`).toEqual({ format: 'png', width: 1200, height: 630 });
    expect([one('og:image:width'), one('og:image:height')]).toEqual(['1200', '630']);
    if (kind === 'guide') expect(image.pathname).toBe(`/og/${locale}/${path.split('/')[2] || 'index'}.png`);

    // The page's language, and the seven others it exists in.
    const own = locale ?? 'en';
    expect(one('og:locale')).toBe(locales[own].ogLocale);
    expect([...(head.meta['og:locale:alternate'] ?? [])].sort(), `${path}: og:locale:alternate`).toEqual(
      localeCodes.filter((c) => c !== own).map((c) => locales[c].ogLocale).sort(),
    );
    expect(one('twitter:card')).toBe('summary_large_image');
    if (locale) expect(one('og:site_name')).toBe(ui[locale]['site.name']);

    // Structured data: an Article and where it sits in the guide, on guide pages only.
    const data = head.jsonLd.map((text) => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`${path}: JSON-LD does not parse: ${(e as Error).message}\n${text}`);
      }
    });
    if (kind !== 'guide') {
      expect(data, `${path}: no article data`).toEqual([]);
      return;
    }
    expect(data.map((d) => d['@type']), path).toEqual(['Article', 'BreadcrumbList']);
    const [article, crumbs] = data as [Record<string, unknown>, { itemListElement: { '@type': string; position: number; name: string; item: string }[] }];
    expect(article['@context']).toBe('https://schema.org');
    expect(article.headline).toBe(head.meta['og:title']![0]);
    expect(article.url).toBe(url);
    expect(article.inLanguage).toBe(locales[locale!].lang);
    expect(article.image).toBe(image.href);
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const items = crumbs.itemListElement;
    expect(items.length).toBeGreaterThanOrEqual(1);
    items.forEach((item, i) => {
      expect(item['@type']).toBe('ListItem');
      expect(item.position).toBe(i + 1);
      expect(item.name).toMatch(/\S/);
      expect(new URL(item.item).origin).toBe(new URL(url).origin);
    });
    expect(items[0]!.item).toBe(new URL(`/${locale}/`, url).href);
    expect(items.at(-1)!.item).toBe(url);
  }
});

test.describe('for crawlers', () => {
  test('the sitemap lists every guide page with its eight languages, and nothing else', async ({ request }) => {
    const index = await (await request.get('/sitemap-index.xml')).text();
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(maps.length).toBeGreaterThan(0);
    const entries = new Map<string, [string, string][]>();
    for (const map of maps) {
      const res = await request.get(map);
      expect(res.status(), map).toBe(200);
      for (const [, body] of (await res.text()).matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = new URL(/<loc>([^<]+)<\/loc>/.exec(body!)![1]!).pathname;
        entries.set(loc, [...body!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, new URL(m[2]!).pathname]));
      }
    }
    // The guide's pages and the language chooser; never search, not-found or offline pages.
    expect([...entries.keys()].sort()).toEqual([...guidePages.map((p) => p.path), '/'].sort());
    for (const { path, locale } of guidePages) {
      const links = entries.get(path)!;
      const slug = path.slice(locale.length + 2);
      const expected = localeCodes.map((code) => [locales[code].lang, `/${code}/${slug}`]);
      const languages = links.filter(([lang]) => lang !== 'x-default');
      expect(languages.sort(), `${path}: one alternate per language`).toEqual(expected.sort());
      // x-default, as in the page's own head, is the language chooser.
      expect(links.filter(([lang]) => lang === 'x-default'), path).toEqual([['x-default', '/']]);
    }
  });

  test('the sitemap agrees with each page’s own hreflang links', async ({ page }) => {
    const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
    for (const path of ['/', '/en/', '/km/app/']) {
      await page.goto(path);
      const head = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`).sort());
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      const body = sitemap.split('<url>').find((u) => u.includes(`<loc>${canonical}</loc>`))!;
      const listed = [...body.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`).sort();
      expect(listed, path).toEqual(head);
    }
  });

  test('robots.txt allows crawling and names the sitemap', async ({ request }) => {
    const res = await request.get('/robots.txt');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
    expect(sitemap, 'Sitemap line').toBeDefined();
    expect(new URL(sitemap!).pathname).toBe('/sitemap-index.xml');
    expect((await request.get(new URL(sitemap!).pathname)).status()).toBe(200);
  });
});
