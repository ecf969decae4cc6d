import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { parseHeadersFile, parseNginxHeaders } from '../../src/lib/build/security-headers';
import { HEAD_SCRIPT } from '../../src/lib/browser/head-script';
import { deployDir } from '../support/nginx';
import { distDir, expect, test } from './fixtures';
import { localeCodes, locales } from './guide';

// The site as deploy/nginx.conf serves it: run in the `nginx` project only (tests/playwright.config.ts).

const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).map((f) => `/${f.split('\\').join('/')}`);
/** The first file of the build whose path matches, as a URL path. */
const first = (pattern: RegExp) => {
  const file = files.find((f) => pattern.test(f));
  if (!file) throw new Error(`no file in dist/ matches ${pattern}`);
  return file;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const hash = sha256(HEAD_SCRIPT);
/** The hashes of the stylesheets the built pages carry inline, and the pages that carry each. */
const styleHashes = new Map<string, string[]>();
/** How many inline stylesheets each page carries. */
const stylesPerPage = new Map<string, number>();
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const sheets = [...readFileSync(join(distDir, file), 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)];
  stylesPerPage.set(file, sheets.length);
  for (const [, css] of sheets) {
    const key = sha256(css!);
    styleHashes.set(key, [...(styleHashes.get(key) ?? []), file]);
  }
}
/** style-src's hashes: the guide pages' stylesheet first, then the chooser's (the most pages first). */
const styleSources = [...styleHashes].sort(([, a], [, b]) => b.length - a.length).map(([key]) => `'sha256-${key}'`).join(' ');
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    `default-src 'self'; script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; ` +
    `img-src 'self' data:; style-src 'self' ${styleSources}; font-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; ` +
    "frame-ancestors 'none'; manifest-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET without following redirects; `gzip` says whether the client accepts it. */
const get = (request: APIRequestContext, path: string, gzip = true) =>
  request.get(path, { maxRedirects: 0, headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' } });

/**
 * Records every Content-Security-Policy violation the page reports, from its first script on,
 * and the browser's console messages about the policies; each call returns what is new.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  let messages: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Permissions-Policy/i.test(m.text())) messages.push(m.text());
  });
  return async () => {
    const inPage = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations?.splice(0) ?? []);
    const said = messages;
    messages = [];
    return [...said, ...inPage];
  };
}

test.describe('served by nginx with deploy/nginx.conf', () => {
  test.skip(({ server }) => server !== 'nginx', 'runs in the nginx project');

  test('every page carries one inline stylesheet, of two kinds, and the policy allows both by their hashes', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => stylesPerPage.get(f) !== 1), 'pages without exactly one <style>').toEqual([]);
    // The guide's pages share one; the language chooser and the root not-found page add the chooser's rules to it.
    expect([...styleHashes.values()].map((list) => list.length).sort((a, b) => b - a)).toEqual([pages.length - 2, 2]);
    expect([...styleHashes.values()].find((list) => list.length === 2)?.sort(), 'the chooser’s stylesheet').toEqual(['/404.html', '/index.html']);
    const csp = readFileSync(join(deployDir, 'security-headers.conf'), 'utf8');
    expect(csp, `a stylesheet changed: put these in deploy/security-headers.conf's style-src: 'self' ${styleSources}`).toContain(`style-src 'self' ${styleSources};`);
  });

  test('dist/_headers carries exactly the headers nginx sends, for other hosts', () => {
    const conf = parseNginxHeaders(readFileSync(join(deployDir, 'security-headers.conf'), 'utf8'));
    const written = readFileSync(join(distDir, '_headers'), 'utf8');
    expect(written.split('\n')[0]).toBe('/*');
    expect(parseHeadersFile(written)).toEqual(conf);
    expect(conf.map(([name]) => name.toLowerCase())).toEqual(expect.arrayContaining(Object.keys(SECURITY_HEADERS)));
  });

  test('no page logs a policy warning, on the console or as a violation', async ({ page }) => {
    const violations = await watchViolations(page);
    for (const path of ['/en/app/', '/km/', '/']) {
      await page.goto(path);
      expect(await violations(), path).toEqual([]);
    }
  });

  test('every kind of response carries every security header', async ({ request }) => {
    const paths = ['/en/app/', '/', first(/^\/_astro\/.+\.js$/), '/pagefind/pagefind.js', first(/\.pf_meta$/), first(/\.pf_fragment$/), '/sw.js', '/og/en/app.png', '/en/no-such-page/', '/no-such-page', '/en/app'];
    for (const path of paths) {
      const headers = (await get(request, path)).headers();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${name} on ${path}`).toBe(value);
      const permissions = headers['permissions-policy'] ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort']) expect(permissions, `${path}`).toContain(`${feature}=()`);
      expect(permissions).toContain('clipboard-write=(self)');
      // Allowed for the site by default; naming it made Chromium without Web Share warn on every page.
      expect(permissions).not.toContain('web-share');
      expect(headers['strict-transport-security'], 'HSTS waits for HTTPS').toBeUndefined();
      expect(headers.server, 'no version in Server').toBe('nginx');
    }
  });

  test('caches hashed files for a year and makes everything else revalidate', async ({ request }) => {
    const classes: [string, string[]][] = [
      [IMMUTABLE, [first(/^\/_astro\/.+\.js$/), first(/^\/pagefind\/index\/.+\.pf_index$/), first(/^\/pagefind\/fragment\/.+\.pf_fragment$/), first(/^\/pagefind\/.+\.pf_meta$/)]],
      ['no-cache', ['/', '/en/', '/en/app/', '/en/search/', '/en/offline/', '/404.html', '/sw.js', '/robots.txt', '/sitemap-index.xml', first(/^\/sitemap-\d+\.xml$/)]],
      // Pagefind's files that keep their names from build to build.
      ['no-cache', ['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/pagefind-entry.json', first(/^\/pagefind\/wasm\..+\.pagefind$/)]],
      // Not-found pages are never kept as if they were the page.
      ['no-cache', ['/en/no-such-page/', '/no-such-page', '/_astro/no-such-file.js', '/pagefind/fragment/no-such.pf_fragment']],
      ['public, max-age=86400', ['/og/en/app.png', '/favicon.svg']],
    ];
    for (const [policy, paths] of classes) {
      for (const path of paths) expect((await get(request, path)).headers()['cache-control'], path).toBe(policy);
    }
  });

  test('sends each kind of file with its content type', async ({ request }) => {
    const types: [string, string][] = [
      [first(/\.pf_meta$/), 'application/octet-stream'],
      [first(/\.pf_index$/), 'application/octet-stream'],
      [first(/\.pf_fragment$/), 'application/octet-stream'],
      [first(/\.pagefind$/), 'application/octet-stream'],
      [first(/^\/_astro\/.+\.js$/), 'text/javascript; charset=utf-8'],
      ['/pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
      ['/sw.js', 'text/javascript; charset=utf-8'],
      ['/pagefind/pagefind-ui.css', 'text/css; charset=utf-8'],
      ['/en/app/', 'text/html; charset=utf-8'],
      ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml; charset=utf-8'],
      ['/sitemap-index.xml', 'application/xml; charset=utf-8'],
      ['/robots.txt', 'text/plain; charset=utf-8'],
      ['/og/en/app.png', 'image/png'],
      // Pagefind ships its WebAssembly inside wasm.*.pagefind today; a plain .wasm must still be right.
      ...files.filter((f) => /\.wasm$/.test(f)).map((f): [string, string] => [f, 'application/wasm']),
      ...files.filter((f) => /\.webmanifest$/.test(f)).map((f): [string, string] => [f, 'application/manifest+json; charset=utf-8']),
    ];
    for (const [path, type] of types) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toBe(type);
    }
  });

  test('compresses text when the browser accepts gzip, and leaves Pagefind’s gzip files alone', async ({ request }) => {
    for (const path of ['/en/app/', first(/^\/_astro\/.+\.js$/), '/pagefind/pagefind.js', '/sw.js', '/sitemap-0.xml', '/en/no-such-page/']) {
      const response = await get(request, path);
      expect(response.headers()['content-encoding'], path).toBe('gzip');
      expect(response.headers().vary, path).toMatch(/Accept-Encoding/i);
      expect((await get(request, path, false)).headers()['content-encoding'], `${path} without gzip`).toBeUndefined();
    }
    for (const path of [first(/\.pf_meta$/), first(/\.pf_index$/), first(/\.pf_fragment$/), first(/\.pagefind$/), '/og/en/app.png']) {
      expect((await get(request, path)).headers()['content-encoding'], path).toBeUndefined();
    }
  });

  test('sends the build’s Zopfli twin (`<file>.gz`) as it is, the bytes the page budgets count', async ({ request }) => {
    const script = first(/^\/_astro\/Base.+\.js$/);
    for (const [path, file] of [['/en/app/', '/en/app/index.html'], ['/km/app/', '/km/app/index.html'], [script, script], ['/en/no-such-page/', '/en/404/index.html']] as const) {
      const twin = statSync(join(distDir, `${file}.gz`)).size;
      expect(twin, file).toBeLessThan(statSync(join(distDir, file)).size);
      const response = await get(request, path);
      expect(response.headers()['content-encoding'], path).toBe('gzip');
      // A file compressed on the fly goes in chunks, without a length.
      expect(response.headers()['content-length'], path).toBe(String(twin));
    }
  });

  test('answers a missing page with its locale’s not-found page, status 404', async ({ request }) => {
    for (const code of localeCodes) {
      for (const path of [`/${code}/no-such-page/`, `/${code}/no-such-page`, `/${code}/app/no/such/page.html`]) {
        const response = await get(request, path);
        expect(response.status(), path).toBe(404);
        expect(await response.text(), path).toMatch(new RegExp(`<html[^>]* lang="${locales[code].lang}"`));
      }
    }
    for (const path of ['/no-such-page', '/xx/no-such-page/', '/_astro/no-such-file.js']) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(404);
      // The root not-found page links to every language.
      for (const code of localeCodes) expect(await response.text(), path).toContain(`href="/${code}/"`);
    }
  });

  test('never sends a not-found page at its own address with status 200', async ({ request }) => {
    for (const [path, lang] of [['/en/404/', 'en'], ['/km/404/', 'km'], ['/km/404/index.html', 'km'], ['/404.html', 'en']] as const) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toMatch(new RegExp(`<html[^>]* lang="${lang}"`));
    }
  });

  test('redirects an address without its trailing slash, keeping the query', async ({ request }) => {
    for (const [from, to] of [['/en/app', '/en/app/'], ['/en', '/en/'], ['/zh-hans/search?q=%E9%80%80', '/zh-hans/search/?q=%E9%80%80']]) {
      const response = await get(request, from!);
      expect(response.status(), from).toBe(301);
      expect(response.headers().location, from).toBe(to);
    }
  });

  test('a search works in the page with no Content-Security-Policy violation', async ({ page }) => {
    const violations = await watchViolations(page);
    const loaded: string[] = [];
    page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto('/en/app/');
    await page.locator('#search-input-panel').fill('refund');
    const panel = page.locator('#search-results-panel');
    await expect(panel).toHaveAttribute('data-query', 'refund', { timeout: 15_000 });
    await expect(panel.locator('.hit-page').first()).toBeVisible();
    // Pagefind compiled its WebAssembly (allowed by 'wasm-unsafe-eval') and read the index.
    expect(loaded.some((p) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(p))).toBe(true);
    expect(loaded.some((p) => p.endsWith('.pf_fragment'))).toBe(true);
    expect(await violations()).toEqual([]);
  });

  test('the service worker registers under the Content-Security-Policy', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/en/');
    const script = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(new URL(script ?? '').pathname).toBe('/sw.js');
    // It keeps the page's language for offline reading.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.endsWith('-en')))).toBe(true);
    expect(await violations()).toEqual([]);
  });

  test('the head script runs by its hash: the theme toggle holds across pages', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/en/preparation/');
    await expect(page.locator('html')).toHaveClass(/\bjs\b/);
    await page.locator('[data-theme-toggle]').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.goto('/en/app/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await violations()).toEqual([]);
  });

  test('copying a section link works', async ({ page, context, site }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site });
    const violations = await watchViolations(page);
    await page.goto('/en/app/');
    const head = page.locator('.section-head').first();
    const id = await head.locator(':scope > [id]').getAttribute('id');
    await head.locator('.section-copy').click();
    await expect(head.locator('.section-copy')).toHaveAttribute('data-copied', /\S/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site}/en/app/#${id}`);
    expect(await violations()).toEqual([]);
  });

  test('no page of the site breaks the Content-Security-Policy', async ({ page }) => {
    test.slow();
    const violations = await watchViolations(page);
    const pages = files.filter((f) => f.endsWith('.html')).map((f) => f.replace(/index\.html$/, ''));
    expect(pages.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(path, { waitUntil: 'load' });
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 20)));
      found.push(...(await violations()).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
  });
});
