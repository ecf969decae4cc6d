import { expect, test } from './fixtures';
import { localeCodes, locales } from './guide';

test.describe('the language switcher keeps the section', () => {
  test('after following a #link', async ({ page }) => {
    await page.goto('/en/app/#turn-off-auto-top-up');
    await page.locator(`.switcher a[hreflang="${locales['zh-hans'].lang}"]`).click();
    await expect(page).toHaveURL(/\/zh-hans\/app\/#turn-off-auto-top-up$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.locator('#turn-off-auto-top-up')).toBeInViewport();
  });

  test('after scrolling to a section without clicking', async ({ page }) => {
    await page.goto('/zh-hans/pitfalls/');
    await page.evaluate(() => document.getElementById('fake-cancellation-support')!.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, 40));
    // The reader pauses to read (the links take the section once the page has been still for a
    // moment; a fixed wait flakes when the offline-ready note shifts the page and restarts that
    // moment), then scrolls back up to the switcher at the top of the page.
    const english = page.locator(`.switcher a[hreflang="${locales.en.lang}"]`);
    await expect(english).toHaveAttribute('href', '/en/pitfalls/#fake-cancellation-support');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(800);
    await expect(english).toHaveAttribute('href', '/en/pitfalls/#fake-cancellation-support');
    await english.click();
    await expect(page).toHaveURL(/\/en\/pitfalls\/#fake-cancellation-support$/);
    await expect(page.locator('#fake-cancellation-support')).toBeInViewport();
  });

  test('for a section near the end of the page', async ({ page }) => {
    await page.goto('/en/app/#switch-mobile-data-back');
    await expect(page.locator(`.switcher a[hreflang="${locales['zh-hans'].lang}"]`)).toHaveAttribute('href', '/zh-hans/app/#switch-mobile-data-back');
  });

  test('and links to the page top when no section is reached yet', async ({ page }) => {
    await page.goto('/en/preparation/');
    await expect(page.locator(`.switcher a[hreflang="${locales['zh-hans'].lang}"]`)).toHaveAttribute('href', '/zh-hans/preparation/');
  });

  for (const [i, from] of localeCodes.entries()) {
    const to = localeCodes[(i + 1) % localeCodes.length]!;
    test(`from ${from} to every other language, and on to ${to}`, async ({ page }) => {
      await page.goto(`/${from}/app/#request-a-refund`);
      for (const code of localeCodes.filter((c) => c !== from)) {
        await expect(page.locator(`.switcher a[hreflang="${locales[code].lang}"]`)).toHaveAttribute('href', `/${code}/app/#request-a-refund`);
      }
      await page.locator(`.switcher a[hreflang="${locales[to].lang}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/${to}/app/#request-a-refund$`));
      await expect(page.locator('html')).toHaveAttribute('lang', locales[to].lang);
      await expect(page.locator('#request-a-refund')).toBeInViewport();
    });
  }
});
