import { describe, expect, it } from 'vitest';
import { offlineManifest } from '../../src/lib/build/offline-manifest';

/** Locale code → Pagefind index name, as the build passes it (`pagefindIndex`). */
const lang = { 'zh-hans': 'zh-hans', en: 'en', km: 'km' };

/** A small built site, shaped like `dist/`: path → contents. */
function site(): Record<string, string> {
  return {
    '/index.html': 'chooser',
    '/404.html': 'not found',
    '/favicon.svg': 'icon',
    '/robots.txt': 'robots',
    '/sitemap-index.xml': 'sitemap',
    '/sitemap-0.xml': 'sitemap 0',
    '/sw.js': 'the worker of the last build',
    '/og/home.png': 'card',
    '/og/en/app.png': 'card en',
    '/_astro/paths.B4hOxv56.css': 'styles',
    '/_astro/Base.KoSFD5LO.js': 'page script',
    '/_astro/search.CU4_d7oh.js': 'search script',
    '/_astro/en.DyKvobEy.js': 'en synonyms',
    '/_astro/km.DcpIziOY.js': 'km synonyms',
    '/zh-hans/index.html': 'zh-hans home',
    '/zh-hans/app/index.html': 'zh-hans app',
    '/zh-hans/search/index.html': 'zh-hans search',
    '/zh-hans/offline/index.html': 'zh-hans offline',
    '/zh-hans/404/index.html': 'zh-hans 404',
    '/en/index.html': 'en home',
    '/en/app/index.html': 'en app',
    '/en/search/index.html': 'en search',
    '/en/offline/index.html': 'en offline',
    '/en/404/index.html': 'en 404',
    '/km/index.html': 'km home',
    '/km/app/index.html': 'km app',
    '/km/search/index.html': 'km search',
    '/km/offline/index.html': 'km offline',
    '/km/404/index.html': 'km 404',
    '/pagefind/pagefind.js': 'engine',
    '/pagefind/pagefind-worker.js': 'engine worker',
    '/pagefind/pagefind-entry.json': '{}',
    '/pagefind/wasm.unknown.pagefind': 'wasm',
    '/pagefind/wasm.en.pagefind': 'wasm en',
    '/pagefind/pagefind-ui.js': 'ui',
    '/pagefind/pagefind-ui.css': 'ui css',
    '/pagefind/pagefind-modular-ui.js': 'modular ui',
    '/pagefind/pagefind-modular-ui.css': 'modular ui css',
    '/pagefind/pagefind-component-ui.js': 'component ui',
    '/pagefind/pagefind-component-ui.css': 'component ui css',
    '/pagefind/pagefind-highlight.js': 'highlight',
    '/pagefind/pagefind.zh-hans_269f3a3794999ef.pf_meta': 'meta zh-hans',
    '/pagefind/pagefind.en_4c6b442f97.pf_meta': 'meta en',
    '/pagefind/pagefind.km_a93cee798c.pf_meta': 'meta km',
    '/pagefind/index/zh-hans_7dff349.pf_index': 'index zh-hans',
    '/pagefind/index/en_62c422b.pf_index': 'index en',
    '/pagefind/index/km_7c247b3.pf_index': 'index km 1',
    '/pagefind/index/km_96352ee.pf_index': 'index km 2',
    '/pagefind/fragment/zh-hans_1a5b45d.pf_fragment': 'fragment zh-hans',
    '/pagefind/fragment/en_2fe11ad.pf_fragment': 'fragment en',
    '/pagefind/fragment/km_0c1d2e3.pf_fragment': 'fragment km',
    '/pagefind/filter/en_5a6b7c8.pf_filter': 'filter en',
  };
}

const manifestOf = (files: Record<string, string>, languages: Record<string, string> = lang) =>
  offlineManifest(
    Object.entries(files).map(([path, content]) => ({ path, content })),
    languages,
  );

describe('offlineManifest', () => {
  const manifest = manifestOf(site());

  it('keeps styles, scripts and the Pagefind engine for every reader', () => {
    expect(manifest.shared).toEqual([
      '/_astro/Base.KoSFD5LO.js',
      '/_astro/en.DyKvobEy.js',
      '/_astro/km.DcpIziOY.js',
      '/_astro/paths.B4hOxv56.css',
      '/_astro/search.CU4_d7oh.js',
      '/favicon.svg',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.unknown.pagefind',
    ]);
  });

  it('gives each locale its pages, by their addresses, and its own search index', () => {
    expect(Object.keys(manifest.locales)).toEqual(['zh-hans', 'en', 'km']);
    expect([...manifest.locales.en!].sort()).toEqual([
      '/en/',
      '/en/app/',
      '/en/offline/',
      '/en/search/',
      '/pagefind/filter/en_5a6b7c8.pf_filter',
      '/pagefind/fragment/en_2fe11ad.pf_fragment',
      '/pagefind/index/en_62c422b.pf_index',
      '/pagefind/pagefind.en_4c6b442f97.pf_meta',
      '/pagefind/wasm.en.pagefind',
    ]);
    expect([...manifest.locales.km!].sort()).toEqual([
      '/km/',
      '/km/app/',
      '/km/offline/',
      '/km/search/',
      '/pagefind/fragment/km_0c1d2e3.pf_fragment',
      '/pagefind/index/km_7c247b3.pf_index',
      '/pagefind/index/km_96352ee.pf_index',
      '/pagefind/pagefind.km_a93cee798c.pf_meta',
    ]);
    expect([...manifest.locales['zh-hans']!].sort()).toEqual([
      '/pagefind/fragment/zh-hans_1a5b45d.pf_fragment',
      '/pagefind/index/zh-hans_7dff349.pf_index',
      '/pagefind/pagefind.zh-hans_269f3a3794999ef.pf_meta',
      '/zh-hans/',
      '/zh-hans/app/',
      '/zh-hans/offline/',
      '/zh-hans/search/',
    ]);
  });

  it('lists every built file at most once', () => {
    const all = [...manifest.shared, ...Object.values(manifest.locales).flat()];
    expect(new Set(all).size).toBe(all.length);
  });

  it('sorts Pagefind files by index name, which need not be the locale code', () => {
    const files = {
      '/zh/index.html': 'zh home',
      '/zh-tw/index.html': 'zh-tw home',
      '/pagefind/pagefind.zh-hans_1.pf_meta': 'meta hans',
      '/pagefind/pagefind.zh-hant_2.pf_meta': 'meta hant',
      '/pagefind/index/zh-hans_3.pf_index': 'index hans',
      '/pagefind/index/zh-hant_4.pf_index': 'index hant',
      '/pagefind/fragment/zh-hant_5.pf_fragment': 'fragment hant',
      '/pagefind/wasm.zh.pagefind': 'wasm of no listed index',
    };
    const m = manifestOf(files, { zh: 'zh-hans', 'zh-tw': 'zh-hant' });
    expect(m.locales.zh).toEqual(['/pagefind/index/zh-hans_3.pf_index', '/pagefind/pagefind.zh-hans_1.pf_meta', '/zh/']);
    expect(m.locales['zh-tw']).toEqual([
      '/pagefind/fragment/zh-hant_5.pf_fragment',
      '/pagefind/index/zh-hant_4.pf_index',
      '/pagefind/pagefind.zh-hant_2.pf_meta',
      '/zh-tw/',
    ]);
    // A file of a language no locale uses is not any locale's: it goes with the shared files.
    expect(m.shared).toEqual(['/pagefind/wasm.zh.pagefind']);
  });

  it('leaves out the not-found pages, Pagefind’s unused UI bundles and its worker (the guide runs it with noWorker)', () => {
    const all = [...manifest.shared, ...Object.values(manifest.locales).flat()];
    expect(all.filter((url) => /404/.test(url))).toEqual([]);
    expect(all.filter((url) => /pagefind-(ui|modular-ui|component-ui|highlight|worker)\./.test(url))).toEqual([]);
    // Nor the worker itself, sitemaps, robots.txt, share cards or the language chooser.
    expect(all.filter((url) => /^\/(sw\.js|sitemap|robots\.txt|og\/|index\.html$|$)/.test(url))).toEqual([]);
  });

  it('leaves out the gzip twins a server sends in place of a file (the worker asks for the file itself)', () => {
    const files = site();
    for (const path of ['/en/app/index.html', '/_astro/paths.B4hOxv56.css', '/pagefind/pagefind.js', '/pagefind/outline/en.json']) files[`${path}.gz`] = `${path} compressed`;
    const withTwins = manifestOf(files);
    expect(withTwins).toEqual(manifest);
  });

  it('is a short hex version, the same for the same files in any order', () => {
    expect(manifest.version).toMatch(/^[0-9a-f]{12}$/);
    const reversed = offlineManifest(
      Object.entries(site())
        .reverse()
        .map(([path, content]) => ({ path, content: Buffer.from(content) })),
      lang,
    );
    expect(reversed).toEqual(manifest);
  });

  it('changes version when any listed file changes: a page, a style, a script, a search file', () => {
    for (const path of [
      '/en/app/index.html',
      '/km/offline/index.html',
      '/_astro/paths.B4hOxv56.css',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/fragment/km_0c1d2e3.pf_fragment',
      '/pagefind/pagefind.en_4c6b442f97.pf_meta',
    ]) {
      const files = site();
      files[path] += ' (edited)';
      expect(manifestOf(files).version, path).not.toBe(manifest.version);
    }
    // A file renamed, say a new hash in a script's name, is a new build too.
    const files = site();
    files['/_astro/search.NEWHASH1.js'] = files['/_astro/search.CU4_d7oh.js']!;
    delete files['/_astro/search.CU4_d7oh.js'];
    expect(manifestOf(files).version).not.toBe(manifest.version);
  });

  it('keeps its version when only an unlisted file changes', () => {
    for (const path of [
      '/en/404/index.html',
      '/404.html',
      '/index.html',
      '/sw.js',
      '/sitemap-0.xml',
      '/robots.txt',
      '/og/en/app.png',
      '/pagefind/pagefind-ui.js',
      '/pagefind/pagefind-highlight.js',
    ]) {
      const files = site();
      files[path] += ' (edited)';
      expect(manifestOf(files).version, path).toBe(manifest.version);
    }
  });
});
