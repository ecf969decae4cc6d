import type { Locale } from '../../src/i18n/locales';
import { guidePages, localeCodes, locales } from './guide';

export interface SitePage {
  path: string;
  /** The page's locale; undefined for the root pages (language chooser, root 404), which speak every language. */
  locale?: Locale;
  kind: 'guide' | 'search' | 'not-found' | 'offline' | 'chooser';
}

/** Every page of one locale: its six guide pages, search, not-found and offline pages. */
export function localePages(locale: Locale): SitePage[] {
  return [
    ...guidePages.filter((p) => p.locale === locale).map((p) => ({ path: p.path, locale, kind: 'guide' as const })),
    { path: `/${locale}/search/`, locale, kind: 'search' },
    { path: `/${locale}/404/`, locale, kind: 'not-found' },
    { path: `/${locale}/offline/`, locale, kind: 'offline' },
  ];
}

/** The pages outside any locale. */
export const rootPages: SitePage[] = [
  { path: '/', kind: 'chooser' },
  { path: '/404.html', kind: 'not-found' },
];

/** Every HTML page of the built site. */
export const allPages: SitePage[] = [...localeCodes.flatMap(localePages), ...rootPages];

export { localeCodes, locales };
