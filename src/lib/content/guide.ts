import { getCollection, type CollectionEntry } from 'astro:content';
import { isLocale, localeCodes, type Locale } from '../../i18n/locales';
import { isPageSlug, pageSlugs, type PageSlug } from './topics';
import { splitEntryId } from './paths';

export type GuideEntry = CollectionEntry<'guide'>;

export interface GuidePage {
  locale: Locale;
  slug: PageSlug;
  entry: GuideEntry;
}

/** All articles as pages, in locale order and then reading order. */
export async function getGuidePages(): Promise<GuidePage[]> {
  const entries = await getCollection('guide');
  const pages: GuidePage[] = [];
  for (const entry of entries) {
    const { locale, slug } = splitEntryId(entry.id);
    if (isLocale(locale) && isPageSlug(slug)) pages.push({ locale, slug, entry });
  }
  const order = (p: GuidePage) => localeCodes.indexOf(p.locale) * 100 + pageSlugs.indexOf(p.slug);
  return pages.sort((a, b) => order(a) - order(b));
}

/** The pages of one locale, keyed by slug. */
export function pagesOf(pages: GuidePage[], locale: Locale): Map<PageSlug, GuidePage> {
  return new Map(pages.filter((p) => p.locale === locale).map((p) => [p.slug, p]));
}
