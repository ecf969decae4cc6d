import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ui } from '../../src/i18n/ui';
import { fillTemplate } from '../../src/lib/browser/format';
import { allPages, localeCodes, localePages, rootPages, type SitePage } from './all-pages';
import { expect, test } from './fixtures';

// axe-core, injected into each page as it is: the same engine browser extensions and audits use.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now and returns its violations, one readable line per element. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.map((t) => JSON.stringify(t)).join(' > ')}: ${v.help}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n\s*/g, ' ')}` : ''}`),
  );
}

// The service worker would download a locale's every page behind each test; these tests read pages, not the cache.
test.use({ serviceWorkers: 'block' });

const groups: { name: string; pages: SitePage[] }[] = [...localeCodes.map((code) => ({ name: code, pages: localePages(code) })), { name: 'root', pages: rootPages }];

/** Loads each page once and runs axe in every colour scheme asked for, switching the emulated `prefers-color-scheme` in place. */
async function auditPages(page: Page, pages: SitePage[], schemes: ('light' | 'dark')[], theme?: 'light' | 'dark'): Promise<string[]> {
  const report: string[] = [];
  for (const { path } of pages) {
    await page.emulateMedia({ colorScheme: schemes[0] });
    await page.goto(path);
    if (theme) await expect(page.locator('html'), path).toHaveAttribute('data-theme', theme);
    await page.evaluate(() => document.fonts.ready);
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      const found = await axeViolations(page);
      const label = theme ? `${theme} chosen with the toggle, system ${scheme}` : scheme;
      if (found.length > 0) report.push(`${path} [${label}]`, ...found.map((f) => `  ${f}`));
    }
  }
  return report;
}

test.describe('axe finds no violation', () => {
  for (const group of groups) {
    test(`${group.name}: ${group.pages.length} pages, light and dark`, async ({ page }) => {
      const report = await auditPages(page, group.pages, ['light', 'dark']);
      expect(report, `axe violations:\n${report.join('\n')}`).toEqual([]);
    });
  }

  // The toggle's choice (`data-theme`) wins over the system setting, either way round.
  for (const [system, chosen, locale] of [['light', 'dark', 'en'], ['dark', 'light', 'zh-hans']] as const) {
    test(`${locale}: every kind of page in the ${chosen} theme chosen with the toggle on a ${system} system`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: system });
      await page.goto(`/${locale}/`);
      await page.locator('[data-theme-toggle]').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
      const report = await auditPages(page, [...localePages(locale), ...rootPages], [system], chosen);
      expect(report, `axe violations:\n${report.join('\n')}`).toEqual([]);
    });
  }
});

test.describe('axe finds no violation in the states the reader brings about', () => {
  test.use({ reducedMotion: 'reduce' });
  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: a marked #section, the copy fallback, the current section, ticks, the offline notice`, async ({ page, context }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) } });
      });
      await page.goto('/th/preparation/#checklist');
      await page.locator('.prose .contains-task-list input').first().check();
      const head = page.locator('.section-head', { has: page.locator('#checklist') });
      await head.locator('.section-copy').click();
      await expect(head.locator('.copy-fallback input')).toBeFocused();
      await expect(page.locator('.toc a[aria-current="true"]')).toHaveCount(1);
      await context.setOffline(true);
      await expect(page.locator('.connection-note')).toBeVisible();
      const found = await axeViolations(page);
      expect(found, `axe violations:\n${found.join('\n')}`).toEqual([]);
      await context.setOffline(false);
    });
  }
});

/** Matches a UI string with its `{slots}` filled by anything. */
const templatePattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '(.+)')}$`, 's');

test.describe('structure and names', () => {
  for (const group of groups) {
    test(`${group.name}: landmarks, headings, skip link, button names`, async ({ page }) => {
      const problems: string[] = [];
      for (const { path, locale, kind } of group.pages) {
        await page.goto(path);
        const fail = (message: string) => problems.push(`${path}: ${message}`);

        // Landmarks: one main; the locale's pages also have one banner and one contentinfo.
        const count = async (role: 'main' | 'banner' | 'contentinfo') => page.getByRole(role).count();
        if ((await count('main')) !== 1) fail(`${await count('main')} main landmarks`);
        if (locale) {
          if ((await count('banner')) !== 1) fail(`${await count('banner')} banner landmarks (header)`);
          if ((await count('contentinfo')) !== 1) fail(`${await count('contentinfo')} contentinfo landmarks (footer)`);
        }

        // Headings: one h1, first in main, and no level skipped on the way down.
        const levels = await page.locator('main').locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
        if ((await page.locator('h1').count()) !== 1) fail(`${await page.locator('h1').count()} h1 elements`);
        if (levels[0] !== 1) fail(`main starts with h${levels[0]}, not h1`);
        levels.forEach((level, i) => {
          if (i > 0 && level > levels[i - 1]! + 1) fail(`heading h${level} follows h${levels[i - 1]} (heading ${i + 1} in main)`);
        });

        if (!locale) continue;
        const strings = ui[locale];

        // The skip link is the first stop of the keyboard, shows itself, and moves focus to main.
        await page.keyboard.press('Tab');
        const skip = page.locator('.skip-link');
        if (!(await skip.evaluate((a) => a === document.activeElement))) fail('the first Tab does not reach the skip link');
        await expect(skip, path).toHaveText(strings['nav.skip']);
        await expect(skip, path).toBeInViewport();
        await page.keyboard.press('Enter');
        if ((await page.evaluate(() => document.activeElement?.id)) !== 'main') fail('the skip link does not move focus to main');

        // Every button is named, in the page's own language.
        const patterns = Object.values(strings).map(templatePattern);
        const names = await page.locator('button').evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
        for (const name of names) {
          if (!name) fail('a button without a name');
          else if (!patterns.some((p) => p.test(name))) fail(`button “${name}” is not one of the ${locale} UI strings`);
        }

        // The copy-link buttons name their section, in the page's language.
        if (kind === 'guide') {
          const heads = page.locator('.prose .section-head');
          const n = await heads.count();
          if (n < 2) fail(`${n} section heads`);
          const english = ui.en['share.copy'].split('{section}')[0]!.replace(/[“"]/g, '').trim();
          const copies = await heads.evaluateAll((hs) =>
            hs.map((h) => ({ title: h.querySelector('h2, h3')?.textContent?.trim() ?? '', name: h.querySelector('.section-copy')?.getAttribute('aria-label') ?? '' })),
          );
          for (const { title, name } of copies) {
            if (name !== fillTemplate(strings['share.copy'], { section: title })) fail(`copy button “${name}” does not name its section “${title}”`);
            if (!title || !name.includes(title)) fail(`copy button “${name}” lacks the section title “${title}”`);
            if (locale !== 'en' && name.includes(english)) fail(`copy button “${name}” is in English`);
          }
          // What assistive technology computes, for the first one.
          await expect(heads.first().locator('.section-copy'), path).toHaveAccessibleName(fillTemplate(strings['share.copy'], { section: copies[0]!.title }));
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
