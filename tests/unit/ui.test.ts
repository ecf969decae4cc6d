import { describe, expect, it } from 'vitest';
import { localeCodes, locales, pagefindIndex, sourceLocale } from '../../src/i18n/locales';
import { missingKeys } from '../../src/lib/content/content-checks';
import { ui, useTranslations } from '../../src/i18n/ui';

describe('UI strings', () => {
  it('every locale has every key of the source locale, none empty', () => {
    for (const code of localeCodes) expect(missingKeys(ui[sourceLocale], ui[code]), code).toEqual([]);
  });

  it('reports missing and empty keys', () => {
    expect(missingKeys({ a: 'x', b: 'y', c: 'z' }, { a: 'x', b: ' ' })).toEqual(['b', 'c']);
  });

  it('fills slots and leaves unknown ones visible', () => {
    const t = useTranslations('en');
    expect(t('page.lastReviewed', { date: '25 November 2026' })).toBe('Last reviewed: 25 November 2026');
    expect(t('search.results', { query: 'refund' })).toContain('{count}');
  });

  it('derives the search language and lang tags from the locale table', () => {
    expect(locales['zh-hans'].lang).toBe('zh-Hans');
    expect(pagefindIndex('zh-hans')).toBe('zh-hans');
    expect(pagefindIndex('en')).toBe('en');
    for (const code of localeCodes) {
      expect(Intl.getCanonicalLocales(locales[code].lang)).toHaveLength(1);
      expect(Intl.Segmenter.supportedLocalesOf(locales[code].search), code).toHaveLength(1);
    }
  });
});
