import { expect, test } from './fixtures';
import { guidePages, localeCodes, locales, pagePath } from './guide';

test.describe('every guide page', () => {
  for (const { path, lang, locale } of guidePages) {
    test(`${path} renders in ${lang} with its head links`, async ({ page, site }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page).toHaveTitle(/\S/);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path}$`));
      for (const code of localeCodes) {
        await expect(page.locator(`link[rel="alternate"][hreflang="${locales[code].lang}"]`)).toHaveAttribute('href', new RegExp(`${pagePath(code, 'index').slice(0, -1)}`));
      }
      await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
      // Sections: at least two, each with an ASCII id and a link to itself.
      const ids = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) {
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        await expect(page.locator(`h2[id="${id}"] a[href="#${id}"]`)).toHaveCount(1);
      }
      // The switcher links to this page in every other locale.
      for (const code of localeCodes.filter((c) => c !== locale)) {
        await expect(page.locator(`.switcher a[hreflang="${locales[code].lang}"]`)).toHaveAttribute('href', new RegExp(`^/${code}/`));
      }
      void site;
    });
  }

  test('sections match across locales, so a shared #link works in any language', async ({ page }) => {
    // Opens every guide page in turn: more pages than one test's default time allows on a busy machine.
    test.slow();
    for (const slug of ['index', 'preparation', 'app', 'website', 'support', 'pitfalls'] as const) {
      const idsPer = [];
      for (const code of localeCodes) {
        await page.goto(pagePath(code, slug));
        idsPer.push(await page.locator('.prose :is(h2, h3)[id]').evaluateAll((hs) => hs.map((h) => h.id)));
      }
      for (const ids of idsPer) expect(ids).toEqual(idsPer[0]);
    }
  });

  test('every internal link on every page reaches a page and a section that exist', async ({ page, request }) => {
    test.slow();
    const checked = new Set<string>();
    for (const { path } of guidePages) {
      await page.goto(path);
      const hrefs = await page.locator('a[href^="/"], a[href^="#"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        const key = url.pathname + url.hash;
        if (checked.has(key)) continue;
        checked.add(key);
        const res = await request.get(url.pathname);
        expect(res.status(), `${key} linked from ${path}`).toBe(200);
        if (url.hash) {
          const html = await res.text();
          expect(html, `${key} linked from ${path}`).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
        }
      }
    }
  });
});

test.describe('the language chooser at /', () => {
  test('lists every language by its own name and works without JavaScript', async ({ browser, site }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site}/`);
    for (const code of localeCodes) {
      const link = page.locator(`a[hreflang="${locales[code].lang}"]`).first();
      await expect(link).toContainText(locales[code].endonym);
      await expect(link).toHaveAttribute('href', pagePath(code, 'index'));
    }
    await context.close();
  });

  test('suggests the reader’s language from the browser settings', async ({ browser, site }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${site}/`);
    await expect(page.locator('[data-suggest]')).toBeVisible();
    await expect(page.locator('[data-suggest-link]')).toHaveAttribute('href', /\/zh-hans\/$/);
    await context.close();
  });

  for (const [locale, suggested] of [['en-US', true], ['vi-VN', true], ['de-DE', false]] as const) {
    test(`fills in the suggestion without moving the page (${locale})`, async ({ browser, site }) => {
      // A phone-wide window, where a long label would wrap.
      const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: number[] = [];
        Object.assign(window, { shifts });
        new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as unknown as { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${site}/`);
      await page.waitForLoadState('load');
      await (suggested ? expect(page.locator('[data-suggest]')).toBeVisible() : expect(page.locator('[data-suggest]')).toBeHidden());
      // Two frames for the observer to report.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
      await context.close();
    });
  }
});

test.describe('an unknown address shows a not-found page with a way back', () => {
  for (const code of localeCodes) {
    test(`in ${code}, under /${code}/`, async ({ page }) => {
      const { ui } = await import('../../src/i18n/ui');
      const response = await page.goto(`/${code}/no-such-page/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', locales[code].lang);
      await expect(page.locator('h1')).toHaveText(ui[code]['notFound.title']);
      await expect(page.locator('main a[href="/' + code + '/"]')).toBeVisible();
      await expect(page.locator(`main a[href="/${code}/search/"]`)).toBeVisible();
      // Kept out of search engines by its status; no canonical address, as it stands for any missing one.
      await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
    });
  }

  test('in every language, outside any locale', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    for (const code of localeCodes) await expect(page.locator(`a[href="/${code}/"]`)).toBeVisible();
  });
});

test('no file of the built site links to Telegram', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { distDir } = await import('./fixtures');
  const files = (await readdir(distDir, { recursive: true })).filter((f) => /\.(html|js|css|json|xml|txt)$/.test(f));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = await readFile(join(distDir, file), 'utf8');
    expect(text, file).not.toMatch(/t\.me\/|telegram\.(me|dog)\/|tg:\/\//i);
  }
});

test('Pagefind built one index per locale, holding that locale’s guide pages', async ({ request }) => {
  const { localeCodes: codes, pageSlugs } = await import('./guide');
  const { pagefindIndex } = await import('../../src/i18n/locales');
  const entry = (await (await request.get('/pagefind/pagefind-entry.json')).json()) as { languages: Record<string, { page_count: number }> };
  expect(Object.keys(entry.languages).sort()).toEqual(codes.map(pagefindIndex).sort());
  for (const code of codes) expect(entry.languages[pagefindIndex(code)]?.page_count, code).toBe(pageSlugs.length);
});

test('the pages every suite walks are exactly the pages of the built site', async () => {
  const { readdir } = await import('node:fs/promises');
  const { distDir } = await import('./fixtures');
  const { allPages } = await import('./all-pages');
  // Every HTML file in dist/, as the address it is served at.
  const built = (await readdir(distDir, { recursive: true }))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replaceAll('\\', '/')}`.replace(/(^|\/)index\.html$/, '$1'));
  expect(allPages.map((p) => p.path).sort()).toEqual(built.sort());
});
