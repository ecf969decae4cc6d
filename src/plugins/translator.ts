import type { VFile } from 'vfile';
import { isLocale, sourceLocale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { localeOfFile } from '../lib/content/paths';

/**
 * The UI strings of the language an MDX file is written in (`content/<locale>/…`), for the
 * plugins that write words into the page; the source language's for a file outside a locale folder.
 */
export function translatorOf(file: VFile): ReturnType<typeof useTranslations> {
  const code = localeOfFile(file.path);
  return useTranslations(code && isLocale(code) ? code : sourceLocale);
}
