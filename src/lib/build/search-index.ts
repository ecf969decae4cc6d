import { mkdir } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { localeCodes, pagefindIndex, sourceLocale } from '../../i18n/locales';
import { synonyms } from '../../i18n/synonyms';
import { ui } from '../../i18n/ui';
import { outlineEntry, outlinePath, parseFragment, type Outline, type SearchOutline } from '../browser/search-outline';
import { markWordBreaksInHtml } from '../browser/segment';
import { absentForms } from '../browser/synonyms';
import type { BuiltSite } from './built-site';
import { CHUNK_SIZE_SETTING, chunkSize, countWords, oversizedIndexFiles } from './index-chunks';

/** The `lang` of a built page's `<html>` element. */
function htmlLang(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? '';
}

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `/pagefind/`.
 * Pagefind splits the index by each page's `<html lang>`, so every locale gets its own index,
 * and the extended build that npm ships segments Chinese, Japanese and Thai. Khmer has no
 * segmenter in Pagefind, so each page is handed over with its word breaks marked
 * (`src/lib/segment.ts`); the files in `dist/` stay as they are.
 */
export async function indexSite(site: BuiltSite): Promise<{ pages: number; chunkSize: number }> {
  const pages = await Promise.all(
    site.pages().map(async (path) => {
      const html = await site.text(path);
      // Pagefind takes the page's address from its path relative to the site.
      return { file: path.slice(1), lang: htmlLang(html), html: markWordBreaksInHtml(html, htmlLang(html)), body: html.includes('data-pagefind-body') };
    }),
  );
  if (!pages.some((p) => p.body)) throw new Error(`Pagefind found no pages to index in ${site.dir}`);
  // The chunk size follows the largest language, counted the way Pagefind counts positions: by words.
  const perLanguage = new Map<string, number>();
  for (const p of pages.filter((page) => page.body)) perLanguage.set(p.lang, (perLanguage.get(p.lang) ?? 0) + countWords(textOf(p.html), p.lang));
  const size = chunkSize(Math.max(...perLanguage.values()));
  const previous = process.env[CHUNK_SIZE_SETTING];
  process.env[CHUNK_SIZE_SETTING] = String(size);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // All at once: Pagefind's service takes them in the order sent, without a round trip each.
    const added = await Promise.all(pages.map(({ file, html }) => index.addHTMLFile({ sourcePath: file, content: html }).then((r) => ({ file, errors: r.errors }))));
    for (const { file, errors: problems } of added) if (problems.length > 0) throw new Error(`Pagefind could not index ${file}: ${problems.join('; ')}`);
    const written = await index.writeFiles({ outputPath: site.file('/pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    await site.added('/pagefind');
    const bundle = await Promise.all(
      site
        .files()
        .filter((f) => /^\/pagefind\/.*\.pf_(index|meta)$/.test(f))
        .map(async (f) => ({ path: f.slice(1), bytes: (await site.read(f)).length })),
    );
    const oversized = oversizedIndexFiles(bundle);
    if (oversized.length > 0) throw new Error(oversized.join('\n'));
    await writeOutlines(site);
    return { pages: pages.filter((p) => p.body).length, chunkSize: size };
  } finally {
    if (previous === undefined) delete process.env[CHUNK_SIZE_SETTING];
    else process.env[CHUNK_SIZE_SETTING] = previous;
    await pagefind.close();
  }
}

/** The indexed text of a page: what `data-pagefind-body` holds, without tags. */
function textOf(html: string): string {
  const body = html.slice(html.indexOf('data-pagefind-body'));
  return body.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
}

/**
 * Writes each language's search outline (see search-outline.ts) from the fragments Pagefind
 * wrote: its page outlines, its synonym groups, the forms of those its pages never use, and the
 * search's messages in its language.
 */
async function writeOutlines(site: BuiltSite): Promise<void> {
  const pages: Record<string, Outline> = {};
  const texts: Record<string, string[]> = {};
  for (const path of site.files().filter((f) => f.startsWith('/pagefind/fragment/'))) {
    const id = path.slice('/pagefind/fragment/'.length).replace(/\.pf_fragment$/, '');
    const index = id.slice(0, id.lastIndexOf('_'));
    const fragment = parseFragment(gunzipSync(await site.read(path)).toString('utf8'));
    (pages[index] ??= {})[id] = outlineEntry(fragment);
    (texts[index] ??= []).push(fragment.meta.title ?? '', fragment.content ?? '');
  }
  const entry = JSON.parse(await site.text('/pagefind/pagefind-entry.json')) as { languages: Record<string, { wasm: string | null }> };
  await mkdir(site.file('/pagefind/outline'), { recursive: true });
  for (const [index, outline] of Object.entries(pages)) {
    const locale = localeCodes.find((code) => pagefindIndex(code) === index);
    const groups = locale ? synonyms[locale] : [];
    // A language with its own Pagefind build (English) is stemmed: a form may match other inflections.
    const stemmed = Boolean(entry.languages[index]?.wasm);
    const t = ui[locale ?? sourceLocale];
    const messages = { results: t['search.results'], empty: t['search.empty'], prompt: t['search.prompt'], allSections: t['search.allSections'] };
    const search: SearchOutline = { pages: outline, synonyms: groups, absent: absentForms(groups, texts[index] ?? [], stemmed), messages };
    await site.write(outlinePath(index), JSON.stringify(search));
  }
}
