import { defineConfig, devices } from '@playwright/test';
import type { ServerOptions } from './e2e/fixtures';
import { chromiumArgs, chromiumPath } from '../scripts/lib/browser';

// End-to-end tests drive Chromium against the built site (`dist/`), served on a free port by
// a fixture in `e2e/fixtures.ts`. Build first: `npm run build`.
export default defineConfig<{}, ServerOptions>({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: 'nginx.spec.ts' },
    // Most readers are on a phone: the interactive flows run again at phone size, with touch.
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], channel: undefined },
      testMatch: ['switcher.spec.ts', 'search.spec.ts'],
      grep: /switcher|search experience|click/,
    },
    // The same site served by nginx with deploy/nginx.conf, its headers and its
    // Content-Security-Policy: the nginx checks, search (Pagefind under the CSP) and the
    // localized not-found pages. Needs nginx (`bash .ci/run` installs it).
    {
      name: 'nginx',
      use: { ...devices['Desktop Chrome'], channel: undefined, server: 'nginx' },
      testMatch: ['nginx.spec.ts', 'search.spec.ts', 'pages.spec.ts'],
      grep: [/nginx\.spec\.ts/, /search experience/, /an unknown address shows a not-found page/],
    },
  ],
});
