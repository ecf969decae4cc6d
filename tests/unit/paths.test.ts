import { describe, expect, it } from 'vitest';
import { localeOfFile, pagePath, parseGuideLink, searchPath, sitePathOf, splitEntryId } from '../../src/lib/content/paths';
import { isPageSlug, neighbours, pageSlugs } from '../../src/lib/content/topics';

describe('paths', () => {
  it('builds page paths with trailing slashes', () => {
    expect(pagePath('en', 'index')).toBe('/en/');
    expect(pagePath('zh-hans', 'app')).toBe('/zh-hans/app/');
    expect(searchPath('en')).toBe('/en/search/');
  });

  it('splits content entry ids', () => {
    expect(splitEntryId('zh-hans/app')).toEqual({ locale: 'zh-hans', slug: 'app' });
    expect(splitEntryId('en/index')).toEqual({ locale: 'en', slug: 'index' });
  });

  it('parses guide links and refuses other paths', () => {
    expect(parseGuideLink('/en/app/#request-a-refund')).toEqual({ locale: 'en', slug: 'app', id: 'request-a-refund' });
    expect(parseGuideLink('/en/')).toEqual({ locale: 'en', slug: 'index', id: undefined });
    expect(parseGuideLink('/en/#the-safe-order')).toEqual({ locale: 'en', slug: 'index', id: 'the-safe-order' });
    expect(parseGuideLink('/en/app')).toBeUndefined();
    expect(parseGuideLink('app/')).toBeUndefined();
    expect(parseGuideLink('/en/app/extra/')).toBeUndefined();
  });

  it('finds the locale of a content file', () => {
    expect(localeOfFile('/site/content/zh-hans/app.mdx')).toBe('zh-hans');
    expect(localeOfFile('/site/src/pages/x.astro')).toBeUndefined();
  });

  it('turns a built file into its site path', () => {
    expect(sitePathOf('/site/dist', '/site/dist/en/app/index.html')).toBe('/en/app/index.html');
    expect(sitePathOf('/site/dist/', '/site/dist/sw.js')).toBe('/sw.js');
    expect(sitePathOf('C:\\site\\dist', 'C:\\site\\dist\\_astro\\Base.js')).toBe('/_astro/Base.js');
  });

  it('orders pages and finds neighbours', () => {
    expect(pageSlugs).toEqual(['index', 'preparation', 'app', 'website', 'support', 'pitfalls']);
    expect(neighbours('index')).toEqual({ prev: undefined, next: 'preparation' });
    expect(neighbours('app')).toEqual({ prev: 'preparation', next: 'website' });
    expect(neighbours('pitfalls')).toEqual({ prev: 'support', next: undefined });
  });

  it('knows the guide’s pages and nothing else', () => {
    expect(isPageSlug('app')).toBe(true);
    expect(isPageSlug('synthetic-1')).toBe(false);
    expect(isPageSlug('App')).toBe(false);
    expect(isPageSlug('')).toBe(false);
  });
});
