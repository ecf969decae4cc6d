import { ui } from '../../src/i18n/ui';
import { fillTemplate } from '../../src/lib/browser/format';
import { expect, test } from './fixtures';
import { localeCodes } from './guide';

// Sharing one section: the copy-link and share buttons beside each section heading, and what a
// reader sees when they open a shared `#id` link.

test.use({ serviceWorkers: 'block' });

test.describe('the copy-link button', () => {
  for (const locale of localeCodes) {
    test(`${locale}: copies the section’s absolute address and says so`, async ({ page, context, site }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site });
      // A query in the address (from a campaign link, say) is not part of what is shared.
      await page.goto(`/${locale}/app/?from=test`);
      const head = page.locator('.section-head', { has: page.locator('#request-a-refund') });
      const title = (await head.locator('h2').textContent())!.trim();
      const copy = head.getByRole('button', { name: fillTemplate(ui[locale]['share.copy'], { section: title }) });
      await copy.click();
      const expected = `${new URL(site).origin}/${locale}/app/#request-a-refund`;
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      await expect(page.locator('#announcer')).toHaveText(ui[locale]['share.copied']);
      await expect(copy).toHaveAttribute('data-copied', ui[locale]['share.copied']);
      // Copying again says it again: the live region is cleared and refilled.
      await copy.click();
      await expect(page.locator('#announcer')).toHaveText(ui[locale]['share.copied']);
      await expect(page.locator('.copy-fallback')).toHaveCount(0);
    });
  }

  test('when the clipboard is refused, shows the address selected in a read-only field', async ({ page, site }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) } });
    });
    await page.goto('/ja/website/');
    const head = page.locator('.prose .section-head').nth(1);
    const id = await head.locator('h2, h3').first().getAttribute('id');
    await head.locator('.section-copy').click();
    const field = head.locator('.copy-fallback input');
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(`${new URL(site).origin}/ja/website/#${id}`);
    await expect(field).toHaveJSProperty('readOnly', true);
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleName(ui.ja['share.copyFailed']);
    const selected = await field.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0));
    expect(selected).toBe(await field.inputValue());
    await expect(page.locator('#announcer')).toHaveText(ui.ja['share.copyFailed']);
    // The field fits the screen, and a second failure reuses it.
    await head.locator('.section-copy').click();
    await expect(head.locator('.copy-fallback')).toHaveCount(1);
  });
});

test.describe('the share button', () => {
  test('is absent where the browser cannot share', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    await page.goto('/en/app/');
    await expect(page.locator('.section-copy').first()).toBeVisible();
    await expect(page.locator('.section-share')).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveClass(/can-share/);
  });

  test('shares the section’s title and address where it can', async ({ page, site }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shared: ShareData[] };
      w.shared = [];
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          w.shared.push(data);
          return Promise.resolve();
        },
      });
    });
    await page.goto('/ko/pitfalls/');
    await expect(page.locator('html')).toHaveClass(/can-share/);
    const heads = page.locator('.prose .section-head');
    await expect(heads.locator('.section-share')).toHaveCount(await heads.count());
    const head = heads.first();
    const heading = head.locator('h2, h3').first();
    const title = (await heading.textContent())!.trim();
    const share = head.locator('.section-share');
    await expect(share).toHaveAccessibleName(fillTemplate(ui.ko['share.share'], { section: title }));
    await share.click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.url).toBe(`${new URL(site).origin}/ko/pitfalls/#${await heading.getAttribute('id')}`);
    expect(shared[0]!.title).toContain(title);
  });

  test('a cancelled share is no error', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: () => Promise.reject(new DOMException('Cancelled', 'AbortError')) });
    });
    await page.goto('/en/app/');
    await page.locator('.section-share').first().click();
    await expect(page.locator('.copy-fallback')).toHaveCount(0);
  });
});

test.describe('opening a shared #link', () => {
  const path = '/en/app/#request-a-refund';

  test('shows the section below the top of the screen and marks it', async ({ page }) => {
    await page.goto(path);
    const heading = page.locator('#request-a-refund');
    const head = page.locator('.section-head', { has: heading });
    await expect(heading).toBeInViewport();
    // The whole marked block is on screen, its top edge not cut off.
    const box = (await head.boundingBox())!;
    expect(box.y, 'top of the marked section').toBeGreaterThanOrEqual(0);
    expect(box.y, 'top of the marked section').toBeLessThan(100);
    // The flash is an animation with a duration (2.4 s). Whether it is still running when the
    // check comes depends on how busy the machine is, so the check reads the style, not the clock.
    const style = await head.evaluate((h) => ({ name: getComputedStyle(h).animationName, duration: parseFloat(getComputedStyle(h).animationDuration) }));
    expect(style.name).toBe('target-flash');
    expect(style.duration).toBeGreaterThan(0);
  });

  test('marks it without motion when the reader asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(path);
    const head = page.locator('.section-head', { has: page.locator('#request-a-refund') });
    await expect(head).toBeInViewport();
    const style = await head.evaluate((h) => ({ animation: getComputedStyle(h).animationName, background: getComputedStyle(h).backgroundColor }));
    expect(style.animation).toBe('none');
    expect(style.background, 'a still mark instead of the flash').not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    test('in every language', async ({ page }) => {
      for (const locale of localeCodes) {
        await page.goto(`/${locale}/pitfalls/#fake-cancellation-support`);
        const head = page.locator('.section-head', { has: page.locator('#fake-cancellation-support') });
        const box = (await head.boundingBox())!;
        expect(box.y, `${locale}: top of the marked section`).toBeGreaterThanOrEqual(0);
        expect(box.y, `${locale}: top of the marked section`).toBeLessThan(100);
      }
    });
  });
});
