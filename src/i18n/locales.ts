/**
 * The one table of locales. Routes, `<html lang>`, hreflang, the language switcher,
 * Open Graph locales and the search language all derive from it.
 *
 * Adding a locale: add a row here, a UI-strings file in `src/i18n/ui/`, and the
 * articles in `content/<code>/`. The build refuses a locale that lacks any of them.
 */
export interface LocaleInfo {
  /** BCP 47 tag for `<html lang>` and `hreflang`. */
  lang: string;
  /** The language's own name, as the switcher shows it. */
  endonym: string;
  dir: 'ltr' | 'rtl';
  /** Open Graph locale (`og:locale`). */
  ogLocale: string;
  /**
   * The language search works in: it segments queries (`Intl.Segmenter`) and picks stop words.
   * Pagefind itself builds one index per `<html lang>`; see `pagefindIndex`.
   */
  search: string;
}

export const locales = {
  'zh-hans': { lang: 'zh-Hans', endonym: '简体中文', dir: 'ltr', ogLocale: 'zh_CN', search: 'zh-Hans' },
  'zh-hant': { lang: 'zh-Hant', endonym: '繁體中文', dir: 'ltr', ogLocale: 'zh_TW', search: 'zh-Hant' },
  en: { lang: 'en', endonym: 'English', dir: 'ltr', ogLocale: 'en_US', search: 'en' },
  ja: { lang: 'ja', endonym: '日本語', dir: 'ltr', ogLocale: 'ja_JP', search: 'ja' },
  ko: { lang: 'ko', endonym: '한국어', dir: 'ltr', ogLocale: 'ko_KR', search: 'ko' },
  th: { lang: 'th', endonym: 'ไทย', dir: 'ltr', ogLocale: 'th_TH', search: 'th' },
  vi: { lang: 'vi', endonym: 'Tiếng Việt', dir: 'ltr', ogLocale: 'vi_VN', search: 'vi' },
  km: { lang: 'km', endonym: 'ខ្មែរ', dir: 'ltr', ogLocale: 'km_KH', search: 'km' },
} as const satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof locales;

/** The language the guide is written in first; other locales must match its sections. */
export const sourceLocale: Locale = 'zh-hans';

/** Locale codes in display order (the source first). */
export const localeCodes = Object.keys(locales) as Locale[];

/** The `getStaticPaths` of a page made once per locale (`src/pages/[locale]/…`): the locale as its param and prop. */
export function localeStaticPaths(): { params: { locale: Locale }; props: { locale: Locale } }[] {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

export function isLocale(code: string): code is Locale {
  return Object.hasOwn(locales, code);
}

/**
 * Pagefind keys its per-language indexes by the lowercased `<html lang>`; derived here so the
 * tests can check that every locale got its own index.
 *
 * @example pagefindIndex('zh-hans') // 'zh-hans'
 */
export function pagefindIndex(locale: Locale): string {
  return locales[locale].lang.toLowerCase();
}
