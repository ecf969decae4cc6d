import { describe, expect, it } from 'vitest';
import { localeCodes, locales } from '../../src/i18n/locales';
import { suggestLocale } from '../../src/lib/browser/suggest-locale';

const offered = ['zh-Hans', 'en'];
const guide = localeCodes.map((code) => locales[code].lang);

describe('suggestLocale', () => {
  it('maps regional Chinese to the right script', () => {
    expect(suggestLocale(['zh-CN'], offered)).toBe('zh-Hans');
    expect(suggestLocale(['zh-SG', 'en'], offered)).toBe('zh-Hans');
    expect(suggestLocale(['zh-TW'], ['zh-Hans', 'zh-Hant', 'en'])).toBe('zh-Hant');
  });

  it('finds each of the guide’s languages from the tags browsers send', () => {
    const browsers: [string[], string][] = [
      [['zh-CN'], 'zh-Hans'], [['zh-HK'], 'zh-Hant'], [['zh-TW', 'en'], 'zh-Hant'], [['en-GB'], 'en'], [['ja-JP'], 'ja'],
      [['ko-KR'], 'ko'], [['th-TH'], 'th'], [['vi-VN'], 'vi'], [['km-KH'], 'km'], [['fr-FR', 'km'], 'km'],
    ];
    for (const [preferred, expected] of browsers) expect(suggestLocale(preferred, guide), preferred.join()).toBe(expected);
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
