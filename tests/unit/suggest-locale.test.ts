import { describe, expect, it } from 'vitest';
import { suggestLocale } from '../../src/lib/suggest-locale';

const offered = ['zh-Hans', 'en'];

describe('suggestLocale', () => {
  it('maps regional Chinese to the right script', () => {
    expect(suggestLocale(['zh-CN'], offered)).toBe('zh-Hans');
    expect(suggestLocale(['zh-SG', 'en'], offered)).toBe('zh-Hans');
    expect(suggestLocale(['zh-TW'], ['zh-Hans', 'zh-Hant', 'en'])).toBe('zh-Hant');
  });

  it('falls back to the base language, then to the next preference', () => {
    expect(suggestLocale(['en-AU'], offered)).toBe('en');
    expect(suggestLocale(['fr-FR', 'en-GB'], offered)).toBe('en');
  });

  it('suggests nothing when no language fits or a tag is invalid', () => {
    expect(suggestLocale(['fr'], offered)).toBeUndefined();
    expect(suggestLocale(['not a tag'], offered)).toBeUndefined();
  });
});
