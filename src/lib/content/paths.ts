import type { PageSlug } from './topics';

/**
 * The site path of a guide page, always with a trailing slash.
 *
 * @example pagePath('en', 'app') // '/en/app/'
 * @example pagePath('en', 'index') // '/en/'
 */
export function pagePath(locale: string, slug: PageSlug): string {
  return slug === 'index' ? `/${locale}/` : `/${locale}/${slug}/`;
}

/** The path of the search page of a locale. */
export function searchPath(locale: string): string {
  return `/${locale}/search/`;
}

/**
 * Splits a content entry id (`en/app`, `zh-hans/index`) into locale and page slug.
 *
 * @example splitEntryId('zh-hans/app') // { locale: 'zh-hans', slug: 'app' }
 */
export function splitEntryId(id: string): { locale: string; slug: string } {
  const [locale = '', ...rest] = id.split('/');
  return { locale, slug: rest.join('/') || 'index' };
}

/**
 * Parses a site-internal link such as `/en/app/#request-a-refund` into its page and section.
 * Returns undefined for anything that is not a guide page path.
 */
export function parseGuideLink(href: string): { locale: string; slug: string; id?: string } | undefined {
  const match = /^\/([a-z-]+)\/(?:([a-z-]+)\/)?(?:#([^#]*))?$/.exec(href);
  if (!match) return undefined;
  const [, locale = '', slug = 'index', id] = match;
  return { locale, slug, id: id || undefined };
}

/**
 * The locale folder of a content file path (`…/content/en/app.mdx` → `en`).
 *
 * @example localeOfFile('/site/content/zh-hans/app.mdx') // 'zh-hans'
 */
export function localeOfFile(path: string | undefined): string | undefined {
  return path ? /[\\/]content[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(path)?.[1] : undefined;
}

/**
 * The site path of a built file: its path under the build folder `dir`, from the root, with `/`.
 *
 * @example sitePathOf('/site/dist', '/site/dist/en/app/index.html') // '/en/app/index.html'
 */
export function sitePathOf(dir: string, file: string): string {
  return `/${file.slice(dir.length).replace(/^[\\/]+/, '').replaceAll('\\', '/')}`;
}
