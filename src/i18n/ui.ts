import { fillTemplate } from '../lib/browser/format';
import type { Locale } from './locales';
import zhHans from './ui/zh-hans';
import zhHant from './ui/zh-hant';
import en from './ui/en';
import ja from './ui/ja';
import ko from './ui/ko';
import th from './ui/th';
import vi from './ui/vi';
import km from './ui/km';

/** Every UI string key, taken from the source locale. */
export type UIKey = keyof typeof zhHans;
export type UIStrings = Record<UIKey, string>;

/** UI strings per locale; the type makes a missing locale or key a compile error. */
export const ui: Record<Locale, UIStrings> = { 'zh-hans': zhHans, 'zh-hant': zhHant, en, ja, ko, th, vi, km };

/**
 * Returns a translator for one locale. Values may hold `{name}` slots.
 *
 * @example useTranslations('en')('page.lastReviewed', { date: '25 November 2026' })
 */
export function useTranslations(locale: Locale) {
  return (key: UIKey, values: Record<string, string | number> = {}): string => fillTemplate(ui[locale][key], values);
}

/** The UI strings the page scripts show; the layout hands them over in `<body data-ui>`. */
export const CLIENT_KEYS = [
  'share.copy',
  'share.copied',
  'share.copyFailed',
  'share.share',
  'theme.toDark',
  'theme.toLight',
  'offline.notice',
  'offline.ready',
] as const satisfies readonly UIKey[];

export type ClientKey = (typeof CLIENT_KEYS)[number];

export function clientStrings(locale: Locale): Record<ClientKey, string> {
  return Object.fromEntries(CLIENT_KEYS.map((key) => [key, ui[locale][key]])) as Record<ClientKey, string>;
}
