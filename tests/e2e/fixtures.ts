import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type Response } from '@playwright/test';
import { AFTER_PAINT_TYPE } from '../../src/lib/build/after-paint';
import { serveNginx } from '../support/nginx';
import { serveStatic } from '../../scripts/lib/static-server';

export const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/** What serves `dist/`: the Node static server, or nginx with deploy/nginx.conf (the `nginx` project). */
export type ServerKind = 'static' | 'nginx';
export interface ServerOptions {
  server: ServerKind;
}

/**
 * Each worker serves `dist/` on its own free port; every test fails on an uncaught page error
 * or a console error, so a broken script (or, under nginx, a Content-Security-Policy violation)
 * cannot pass unnoticed.
 */
export const test = base.extend<{ pageErrors: string[] }, ServerOptions & { site: string }>({
  server: ['static', { option: true, scope: 'worker' }],
  site: [
    async ({ server: kind }, use) => {
      const server = kind === 'nginx' ? await serveNginx(distDir) : await serveStatic(distDir);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site),
  // The page's scripts start after the page has loaded and painted (src/lib/build/after-paint.ts), so
  // after the `load` event that goto() and reload() wait for: wait for them too, as a reader's
  // hand would be slower. Without JavaScript there is nothing to wait for.
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      for (const method of ['goto', 'reload', 'goBack', 'goForward'] as const) {
        const navigate = page[method].bind(page) as (...args: unknown[]) => Promise<Response | null>;
        (page[method] as (...args: unknown[]) => Promise<Response | null>) = async (...args) => {
          const response = await navigate(...args);
          await scriptsReady(page);
          return response;
        };
      }
    }
    await use(page);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits until the page's scripts have run. The head script imports them once the page has loaded
 * and painted a frame (src/lib/browser/head-script.ts); after that same frame, importing them again here
 * waits for that very evaluation (a module runs once per page) without starting it any earlier.
 */
export async function scriptsReady(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(async (type) => {
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    await Promise.all([...document.querySelectorAll<HTMLScriptElement>(`script[type="${type}"]`)].map((s) => import(s.src)));
  }, AFTER_PAINT_TYPE);
}

export { expect };
