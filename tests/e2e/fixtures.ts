import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { serveNginx } from '../support/nginx';
import { serveStatic } from '../support/static-server';

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
