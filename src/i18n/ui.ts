import { fillTemplate } from '../lib/format';
import type { Locale } from './locales';
import zhHans from './ui/zh-hans';
import en from './ui/en';

/** Every UI string key, taken from the source locale. */
export type UIKey = keyof typeof zhHans;
export type UIStrings = Record<UIKey, string>;

/** UI strings per locale; the type makes a missing locale or key a compile error. */
export const ui: Record<Locale, UIStrings> = { 'zh-hans': zhHans, en };

/**
 * Returns a translator for one locale. Values may hold `{name}` slots.
 *
 * @example useTranslations('en')('page.lastReviewed', { date: '25 November 2026' })
 */
export function useTranslations(locale: Locale) {
  return (key: UIKey, values: Record<string, string | number> = {}): string => fillTemplate(ui[locale][key], values);
}
