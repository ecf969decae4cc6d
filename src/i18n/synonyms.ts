import type { Locale } from './locales';
import en from './synonyms/en';
import ja from './synonyms/ja';
import km from './synonyms/km';
import ko from './synonyms/ko';
import th from './synonyms/th';
import vi from './synonyms/vi';
import zhHans from './synonyms/zh-hans';
import zhHant from './synonyms/zh-hant';

/** Groups of words readers use interchangeably, one file per locale in `synonyms/`. */
export type SynonymGroups = readonly (readonly string[])[];

/**
 * Each locale's groups. The build writes them into the language's search outline
 * (`src/lib/build/search-index.ts`), with the forms its pages never use, so the search loads one
 * small file per language. The type makes a missing locale a compile error.
 */
export const synonyms: Record<Locale, SynonymGroups> = {
  'zh-hans': zhHans,
  'zh-hant': zhHant,
  en,
  ja,
  ko,
  th,
  vi,
  km,
};
