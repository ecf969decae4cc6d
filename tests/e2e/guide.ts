import { localeCodes, locales } from '../../src/i18n/locales';
import { pagePath } from '../../src/lib/content/paths';
import { pageSlugs } from '../../src/lib/content/topics';

/** Every guide page of every locale, as the tests visit them. */
export const guidePages = localeCodes.flatMap((locale) =>
  pageSlugs.map((slug) => ({ locale, slug, path: pagePath(locale, slug), lang: locales[locale].lang })),
);

export { localeCodes, locales, pagePath, pageSlugs };
