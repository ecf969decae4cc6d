import { dirname, join } from 'node:path';
import type { Paragraph, Root, RootContent } from 'mdast';
// Brings in the `hName`/`hProperties` fields of mdast data that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { isLocale, locales, sourceLocale } from '../i18n/locales';
import { formatDate } from '../lib/browser/format';
import { localeOfFile } from '../lib/content/paths';
import { headingMarker } from '../lib/content/parse-article';
import { ID_DEPTHS } from '../lib/content/section-ids';
import { outdatedTranslations, sourceChangeDay, type OutdatedSection } from '../lib/build/translations';
import { translatorOf } from './translator';

/** Out-of-date sections per content folder, worked out once per build; the day a source page changed, when a note needs it. */
const cache = new Map<string, { outdated: OutdatedSection[]; day: (slug: string) => string }>();

function statusOf(contentDir: string) {
  let status = cache.get(contentDir);
  if (!status) {
    const days = new Map<string, string>();
    const day = (slug: string) => {
      if (!days.has(slug)) days.set(slug, sourceChangeDay(dirname(contentDir), join('content', sourceLocale, `${slug}.mdx`)));
      return days.get(slug)!;
    };
    status = { outdated: outdatedTranslations(contentDir), day };
    cache.set(contentDir, status);
  }
  return status;
}

/**
 * Tells the reader of a translation when a section lags behind the source: under its heading, a
 * short note in the page's language with the day the source changed and links to the same
 * section in the source language and in English (see src/lib/build/translations.ts).
 */
export default function remarkTranslationNotes() {
  return (tree: Root, file: VFile) => {
    const locale = localeOfFile(file.path);
    if (!file.path || !locale || !isLocale(locale) || locale === sourceLocale) return;
    const slug = file.path.replace(/\\/g, '/').split('/').at(-1)!.replace(/\.mdx$/, '');
    const contentDir = dirname(dirname(file.path));
    const { outdated, day } = statusOf(contentDir);
    const keys = new Set(outdated.filter((o) => o.locale === locale && o.slug === slug).map((o) => o.key));
    if (keys.size === 0) return;
    const t = translatorOf(file);
    const date = formatDate(new Date(`${day(slug)}T00:00:00Z`), locales[locale].lang);
    const page = slug === 'index' ? '' : `${slug}/`;
    const note = (key: string): Paragraph => {
      const hash = key === 'top' ? '' : `#${key}`;
      const targets = [sourceLocale, 'en'].filter((l) => l !== locale) as (keyof typeof locales)[];
      const children: Paragraph['children'] = [{ type: 'text', value: `${t('translation.outdated', { date })} ${t('translation.readIn')} ` }];
      targets.forEach((target, i) => {
        if (i > 0) children.push({ type: 'text', value: ' · ' });
        children.push({
          type: 'link',
          url: `/${target}/${page}${hash}`,
          children: [{ type: 'text', value: locales[target].endonym }],
          data: { hProperties: { lang: locales[target].lang, hrefLang: locales[target].lang } },
        });
      });
      return { type: 'paragraph', children, data: { hProperties: { className: ['translation-note'] } } };
    };
    const body: RootContent[] = [];
    if (keys.has('top')) body.push(note('top'));
    for (const node of tree.children) {
      body.push(node);
      const id = node.type === 'heading' && ID_DEPTHS.includes(node.depth) ? headingMarker(node)?.id : undefined;
      if (id && keys.has(id)) body.push(note(id));
    }
    tree.children = body;
  };
}
