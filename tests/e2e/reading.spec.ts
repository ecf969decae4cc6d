import { inflateSync } from 'node:zlib';
import { ui } from '../../src/i18n/ui';
import { allPages, localeCodes, localePages, rootPages } from './all-pages';
import { expect, test } from './fixtures';

// Reading: the theme the reader chose, checklist ticks kept on the device, a printed page, a
// 320 px screen, and where the reader is in the page's table of contents.

test.use({ serviceWorkers: 'block' });

const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(15, 23, 25)';

interface FirstPaint {
  /** What happened first, in order: the theme set (`theme`), a stylesheet or the body inserted. */
  order: string[];
  /** The theme and the body's background in the first frame the browser renders with a body. */
  frame?: { theme?: string; background: string };
}

/** Records, from the very start of each document, when the theme is set and what the first frame shows. */
function recordFirstPaint() {
  const w = window as unknown as { firstPaint: FirstPaint };
  w.firstPaint = { order: [] };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') w.firstPaint.order.push(`theme=${document.documentElement.dataset.theme}`);
      for (const n of r.addedNodes) {
        if (n instanceof HTMLLinkElement && n.rel === 'stylesheet') w.firstPaint.order.push('stylesheet');
        if (n instanceof HTMLStyleElement) w.firstPaint.order.push('style');
        if (n instanceof HTMLBodyElement) w.firstPaint.order.push('body');
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-theme'] });
  // Frames wait for render-blocking stylesheets: the first frame with a body is the first paint of the page.
  const frame = () => {
    if (!document.body) return requestAnimationFrame(frame);
    w.firstPaint.frame = { theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor };
  };
  requestAnimationFrame(frame);
}

/** The pages of a PDF that Chromium printed, in order, each with whether it draws any text. */
function pdfPages(pdf: Buffer): { text: boolean }[] {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  return [...objects.values()]
    .filter((body) => /\/Type\s*\/Page(?!s)/.test(body))
    .map((body) => {
      const stream = objects.get(/\/Contents\s+(\d+) 0 R/.exec(body)?.[1] ?? '') ?? '';
      const length = Number(/\/Length\s+(\d+)/.exec(stream)?.[1] ?? 0);
      const start = stream.indexOf('stream') + 'stream'.length;
      const data = Buffer.from(stream.slice(start).replace(/^\r?\n/, '').slice(0, length), 'latin1');
      const content = /\/FlateDecode/.test(stream) ? inflateSync(data).toString('latin1') : data.toString('latin1');
      return { text: /\bT[jJ]\b/.test(content) };
    });
}

test.describe('the theme toggle', () => {
  for (const [system, chosen, locale] of [['light', 'dark', 'vi'], ['dark', 'light', 'ja']] as const) {
    test(`on a ${system} system, switches to ${chosen}, and the choice survives a reload without a flash`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: system });
      await page.addInitScript(recordFirstPaint);
      await page.goto(`/${locale}/app/`);
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [systemBg, chosenBg] = system === 'light' ? [LIGHT_BG, DARK_BG] : [DARK_BG, LIGHT_BG];
      const toggle = page.locator('[data-theme-toggle]');
      const name = (theme: 'light' | 'dark') => ui[locale][theme === 'dark' ? 'theme.toLight' : 'theme.toDark'];
      expect(await background()).toBe(systemBg);
      // The name says what a press does, so it is no toggle with a state as well.
      await expect(toggle).toHaveAccessibleName(name(system));
      await expect(toggle).not.toHaveAttribute('aria-pressed');

      await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
      expect(await background()).toBe(chosenBg);
      await expect(toggle).toHaveAccessibleName(name(chosen));

      for (const path of [`/${locale}/app/`, `/${locale}/search/`, '/']) {
        await page.goto(path);
        await page.waitForFunction(() => (window as unknown as { firstPaint: FirstPaint }).firstPaint.frame);
        const paint = await page.evaluate(() => (window as unknown as { firstPaint: FirstPaint }).firstPaint);
        // The theme is set before any stylesheet or the body exists, so the first frame is already in it.
        expect(paint.order[0], `${path}: ${paint.order.join(', ')}`).toBe(`theme=${chosen}`);
        expect(paint.frame, path).toEqual({ theme: chosen, background: chosenBg });
        expect(await background()).toBe(chosenBg);
      }
    });
  }
});

test.describe('checklist ticks', () => {
  for (const locale of localeCodes) {
    test(`${locale}: are kept across reloads, and the clear button clears them`, async ({ page }) => {
      await page.goto(`/${locale}/preparation/`);
      const boxes = page.locator('.prose .contains-task-list input[type="checkbox"]');
      const count = await boxes.count();
      expect(count).toBeGreaterThanOrEqual(3);
      // Each box is ticked by its label, as a reader taps the text.
      await boxes.nth(0).locator('xpath=ancestor::label').click();
      await boxes.nth(2).check();
      const ticked = async () => boxes.evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).checked));
      // The ticks come back when the reading aids have run: the page script loads them on demand
      // (src/scripts/page.ts), after the page's own script. Importing the module they came in
      // waits for that very evaluation (a module runs once per page).
      const readingAidsRan = () =>
        page.evaluate(async () => {
          const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/run-reading-[\w-]+\.js$/.test(n));
          if (url) await import(url);
          return Boolean(url);
        });
      const expected = Array.from({ length: count }, (_, i) => i === 0 || i === 2);
      expect(await ticked()).toEqual(expected);

      await page.reload();
      await expect.poll(readingAidsRan).toBe(true);
      expect(await ticked(), 'after a reload').toEqual(expected);
      const note = page.locator('.checklist-note');
      await expect(note).toContainText(ui[locale]['checklist.saved']);

      await page.getByRole('button', { name: ui[locale]['checklist.reset'] }).click();
      expect(await ticked()).toEqual(expected.map(() => false));
      await expect(boxes.first()).toBeFocused();
      await page.reload();
      await expect.poll(readingAidsRan).toBe(true);
      expect(await ticked(), 'cleared, after a reload').toEqual(expected.map(() => false));
    });
  }
});

test.describe("the page's QR code", () => {
  test('opens on request beside the article on a wide screen, and only then is fetched; a phone never shows it', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/km/app/');
    await page.waitForLoadState('networkidle');
    const qr = page.locator('.page-qr');
    await expect(qr).toBeHidden();

    await page.setViewportSize({ width: 1280, height: 900 });
    const summary = qr.locator('summary');
    await expect(summary).toBeVisible();
    await expect(summary).toHaveText(ui.km['share.qrTitle']);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => p.endsWith('qr.png')), 'no QR code fetched before it is opened').toEqual([]);
    await summary.click();
    // The code of this very page, drawn at its size once loaded.
    const img = qr.locator('img');
    await expect(img).toHaveAttribute('src', '/km/app/qr.png');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => [i.complete, i.naturalWidth > 0, i.getBoundingClientRect().width])).toEqual([true, true, 132]);
    await expect(qr).toContainText(ui.km['share.qrHint']);
  });

  test('is printed, unopened, from a phone too', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/en/preparation/');
    const img = page.locator('.page-qr img');
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), 'not loaded before printing').toBe(false);
    // Printing loads the page's lazy images first (Chromium, as Firefox and Safari do).
    await page.pdf({ format: 'A4' });
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), 'loaded for printing').toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(img).toBeVisible();
    await expect(page.locator('.page-qr p')).toBeVisible();
  });
});

test.describe('printing', () => {
  test('shows the article only, with the address of every external link written out', async ({ page }) => {
    await page.goto('/en/website/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', 'nav', 'button', 'form[role="search"]', '.switcher', '.skip-link', '.section-tools', '.checklist-note']) {
      const elements = page.locator(selector);
      for (let i = 0; i < (await elements.count()); i++) await expect(elements.nth(i), `${selector} in print`).toBeHidden();
    }
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('.page-qr')).toBeVisible();
    // Links out (in the article and in its sources) print their address after their text; links within the guide do not.
    const links = await page.locator('article a[href]').evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content, visible: (a as HTMLElement).offsetParent !== null })),
    );
    const external = links.filter((l) => /^https?:/.test(l.href) && l.visible);
    expect(external.length).toBeGreaterThan(5);
    for (const { href, after } of external) expect(after, href).toBe(`" (${href})"`);
    for (const { href, after } of links.filter((l) => l.href.startsWith('/'))) expect(after, href).not.toContain(href);
  });

  test('prints the preparation checklist on one A4 page (two at most), in every language', async ({ page }, info) => {
    test.slow();
    const totals: string[] = [];
    for (const locale of localeCodes) {
      await page.goto(`/${locale}/preparation/`);
      // Browser-default margins, as a reader would print it.
      const print = () => page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
      const whole = pdfPages(await print());
      expect(whole.every((p) => p.text), `${locale}: no blank page`).toBe(true);
      totals.push(`${locale} ${whole.length}`);
      // The same print with everything but the checklist section made invisible (the layout is
      // unchanged): the pages that still carry text are the pages the checklist is printed on.
      await page.evaluate(() => {
        const head = document.getElementById('checklist')!.closest('.section-head')!;
        const nodes = [head];
        for (let n = head.nextElementSibling; n && !n.matches('.section-head-h2'); n = n.nextElementSibling) nodes.push(n);
        nodes.forEach((n) => n.setAttribute('data-measure', ''));
      });
      await page.addStyleTag({ content: 'body * { visibility: hidden !important; } [data-measure], [data-measure] * { visibility: visible !important; }' });
      const checklist = pdfPages(await print());
      expect(checklist.length, `${locale}: same layout`).toBe(whole.length);
      const on = checklist.flatMap((p, i) => (p.text ? [i + 1] : []));
      // Two pages at most; in fact one, its heading and introduction kept with its items.
      expect(on, `${locale}: the pages of ${whole.length} the checklist is printed on`).toHaveLength(1);
    }
    info.annotations.push({ type: 'A4 pages of the whole preparation page', description: totals.join(', ') });
  });
});

test.describe('a 320 px wide screen', () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  for (const group of [...localeCodes.map((code) => localePages(code)), rootPages]) {
    test(`never scrolls sideways: ${group[0]!.locale ?? 'root'}, ${group.length} pages`, async ({ page }) => {
      const wide: string[] = [];
      for (const { path } of group) {
        await page.goto(path);
        const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
          const root = document.scrollingElement!;
          const culprits = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !e.closest('.visually-hidden, .table-wrap, .topics, pre'))
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} (right ${Math.round(e.getBoundingClientRect().right)})`);
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
        });
        if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} > ${clientWidth}; ${culprits.join(', ')}`);
      }
      expect(wide, wide.join('\n')).toEqual([]);
    });
  }
});

test.describe('"On this page"', () => {
  test('marks the section being read as the reader scrolls', async ({ page }) => {
    await page.goto('/en/app/');
    const toc = page.locator('.toc');
    const current = toc.locator('a[aria-current="true"]');
    // At the top, before the first section, nothing is marked.
    await expect(current).toHaveCount(0);
    const ids = await toc.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of [ids[1]!, ids[2]!, ids[0]!]) {
      await page.evaluate((id) => {
        document.getElementById(id)!.scrollIntoView({ block: 'start' });
        scrollBy(0, 60);
      }, id);
      await expect(current).toHaveCount(1);
      await expect(current).toHaveAttribute('href', `#${id}`);
    }
  });

  test('marks the section a link opens, even at the end of the page', async ({ page }) => {
    await page.goto('/en/app/');
    const links = page.locator('.toc a');
    const last = links.last();
    const id = (await last.getAttribute('href'))!;
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${id}$`));
    await expect(page.locator('.toc a[aria-current="true"]')).toHaveAttribute('href', id);
    await expect(page.locator('.toc a[aria-current="true"]')).toHaveCount(1);
  });

  test('keeps working on an address with a malformed escape (#%), with no error logged', async ({ page }) => {
    // The pageErrors fixture fails this test on any uncaught error, such as a URIError on scroll.
    for (const hash of ['#%', '#%E0%A4', '#%zz']) {
      await page.goto(`/en/app/${hash}`);
      const ids = await page.locator('.toc a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
      await page.evaluate((id) => {
        document.getElementById(id)!.scrollIntoView({ block: 'start' });
        scrollBy(0, 60);
      }, ids[1]!);
      await expect(page.locator('.toc a[aria-current="true"]')).toHaveAttribute('href', `#${ids[1]}`);
      // The switcher still carries the section being read.
      await expect(page.locator('a[hreflang="ja"]').first()).toHaveAttribute('href', new RegExp(`#${ids[1]}$`), { timeout: 5000 });
    }
  });
});
