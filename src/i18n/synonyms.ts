import type { Locale } from './locales';

/** Groups of words readers use interchangeably, one file per locale in `synonyms/`. */
export type SynonymGroups = readonly (readonly string[])[];

/**
 * Each locale's groups, loaded by the search code only when the reader searches, and only for
 * the page's language. The type makes a missing locale a compile error.
 */
export const synonyms: Record<Locale, () => Promise<{ default: SynonymGroups }>> = {
  'zh-hans': () => import('./synonyms/zh-hans'),
  'zh-hant': () => import('./synonyms/zh-hant'),
  en: () => import('./synonyms/en'),
  ja: () => import('./synonyms/ja'),
  ko: () => import('./synonyms/ko'),
  th: () => import('./synonyms/th'),
  vi: () => import('./synonyms/vi'),
  km: () => import('./synonyms/km'),
};
