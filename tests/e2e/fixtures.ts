import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { serveStatic } from '../support/static-server';

export const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Each worker serves `dist/` on its own free port; every test fails on an uncaught page error
 * or a console error, so a broken script cannot pass unnoticed.
 */
export const test = base.extend<{ pageErrors: string[] }, { site: string }>({
  site: [
    async ({}, use) => {
      const server = await serveStatic(distDir);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site),
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

export { expect };
