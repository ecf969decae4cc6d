/**
 * Picks the guide language that best fits the reader's preferred languages (`navigator.languages`):
 * an exact tag first, then the same script (zh-Hans for zh-CN/zh-SG, zh-Hant for zh-TW/HK/MO),
 * then the same base language. Returns undefined when nothing fits.
 *
 * @example suggestLocale(['zh-CN', 'en'], ['zh-Hans', 'en']) // 'zh-Hans'
 * @example suggestLocale(['fr-FR'], ['zh-Hans', 'en']) // undefined
 */
export function suggestLocale(preferred: readonly string[], available: readonly string[]): string | undefined {
  const norm = (tag: string) => {
    try {
      return new Intl.Locale(tag).maximize();
    } catch {
      return undefined;
    }
  };
  const offered = available.map((tag) => ({ tag, locale: norm(tag) }));
  for (const want of preferred) {
    const w = norm(want);
    if (!w) continue;
    const exact = offered.find((o) => o.tag.toLowerCase() === want.toLowerCase());
    if (exact) return exact.tag;
    const sameScript = offered.find((o) => o.locale?.language === w.language && o.locale?.script === w.script);
    if (sameScript) return sameScript.tag;
    const sameLanguage = offered.find((o) => o.locale?.language === w.language);
    if (sameLanguage) return sameLanguage.tag;
  }
  return undefined;
}
