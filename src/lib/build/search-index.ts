import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { localeCodes, pagefindIndex, sourceLocale } from '../../i18n/locales';
import { synonyms } from '../../i18n/synonyms';
import { ui } from '../../i18n/ui';
import { outlineEntry, outlinePath, parseFragment, type Outline, type SearchOutline } from '../browser/search-outline';
import { markWordBreaksInHtml } from '../browser/segment';
import { absentForms } from '../browser/synonyms';
import { listFiles, type BuiltSite } from './built-site';
import { CHUNK_SIZE_SETTING, chunkSize, countWords, firstSearchBytes, languageOf, MAX_CHUNK_BYTES, oversizedIndexFiles, smallerChunkSizes } from './index-chunks';

/** The `lang` of a built page's `<html>` element. */
function htmlLang(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? '';
}

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `/pagefind/`.
 * Pagefind splits the index by each page's `<html lang>`, so every locale gets its own index,
 * and the extended build that npm ships segments Chinese, Japanese and Thai. Khmer has no
 * segmenter in Pagefind, so each page is handed over with its word breaks marked
 * (`src/lib/browser/segment.ts`); the files in `dist/` stay as they are.
 */
export async function indexSite(site: BuiltSite): Promise<{ pages: number; chunkSizes: number[]; indexBytes: [number, number] }> {
  const read = await Promise.all(
    site.pages().map(async (path) => {
      const html = await site.text(path);
      const lang = htmlLang(html);
      // Pagefind takes the page's address from its path relative to the site, and names its files after the language in lower case.
      return { file: path.slice(1), lang, key: lang.toLowerCase(), html: markWordBreaksInHtml(html, lang), body: html.includes('data-pagefind-body') };
    }),
  );
  // The pages Pagefind indexes: those with a `data-pagefind-body` (not the chooser or the not-found pages).
  const pages = read.filter((p) => p.body);
  if (pages.length === 0) throw new Error(`Pagefind found no pages to index in ${site.dir}`);
  // Each language's chunk size follows its own size, counted the way Pagefind counts positions:
  // by words. Pagefind reads the size from its environment once per run, so languages of the same
  // size share a run; a guide of today's size is one run. Where a language's chunks come out too
  // big (Chinese words weigh more bytes per position; a guide of a hundred articles has more of
  // them), it runs again with smaller chunks, and keeps the run a first search costs least in.
  const perLanguage = new Map<string, number>();
  for (const p of pages) perLanguage.set(p.key, (perLanguage.get(p.key) ?? 0) + countWords(textOf(p.html), p.lang));
  const tries = new Map([...perLanguage].map(([lang, positions]) => [lang, [chunkSize(positions), ...smallerChunkSizes(chunkSize(positions))]]));
  const best = new Map<string, { dir: string; size: number; cost: number; entry: Record<string, unknown> }>();
  const scratch = await mkdtemp(join(tmpdir(), 'guide-pagefind-'));
  const previous = process.env[CHUNK_SIZE_SETTING];
  try {
    let pending = [...tries.keys()];
    for (let round = 0; pending.length > 0; round++) {
      const groups = new Map<number, string[]>();
      for (const lang of pending) groups.set(tries.get(lang)![round]!, [...(groups.get(tries.get(lang)![round]!) ?? []), lang]);
      const next: string[] = [];
      for (const [size, langs] of groups) {
        const dir = join(scratch, `${round}-${size}`);
        const entry = await runPagefind(pages.filter((p) => langs.includes(p.key)), size, dir);
        const files = await bundleFiles(dir);
        for (const lang of langs) {
          const mine = files.filter((f) => languageOf(f.path) === lang);
          const chunks = mine.filter((f) => f.path.endsWith('.pf_index')).map((f) => f.bytes);
          const cost = firstSearchBytes(mine.find((f) => f.path.endsWith('.pf_meta'))?.bytes ?? 0, chunks);
          if (!best.has(lang) || cost < best.get(lang)!.cost) best.set(lang, { dir, size, cost, entry: entry.languages[lang] as Record<string, unknown> });
          if (Math.max(0, ...chunks) > MAX_CHUNK_BYTES && tries.get(lang)![round + 1] !== undefined) next.push(lang);
        }
      }
      pending = next;
    }
    // One bundle: each language's files from the run it keeps, the files all languages share
    // (script, engine) from any run, and the list of languages.
    const out = site.file('/pagefind');
    const runs = [...new Set([...best.values()].map((b) => b.dir))];
    for (const dir of runs) {
      for (const { path } of await bundleFiles(dir, true)) {
        const lang = languageOf(path);
        if (lang !== undefined && best.get(lang)?.dir !== dir) continue;
        await mkdir(dirname(join(out, path)), { recursive: true });
        await copyFile(join(dir, path), join(out, path));
      }
    }
    const entry = JSON.parse(await readFile(join(runs[0]!, 'pagefind-entry.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify({ ...entry, languages: Object.fromEntries([...best].sort(([x], [y]) => x.localeCompare(y)).map(([lang, b]) => [lang, b.entry])) }));
    await site.added('/pagefind');
    const oversized = oversizedIndexFiles(await bundleFiles(out));
    if (oversized.length > 0) throw new Error(oversized.join('\n'));
    await writeOutlines(site);
    const costs = [...best.values()].map((b) => b.cost);
    return {
      pages: pages.length,
      chunkSizes: [...new Set([...best.values()].map((b) => b.size))].sort((x, y) => x - y),
      indexBytes: [Math.min(...costs), Math.max(...costs)],
    };
  } finally {
    if (previous === undefined) delete process.env[CHUNK_SIZE_SETTING];
    else process.env[CHUNK_SIZE_SETTING] = previous;
    await pagefind.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The files of a Pagefind bundle folder (`/index/en_1a2b.pf_index`) with their sizes: its index and metadata files, or (`all`) every file. */
async function bundleFiles(dir: string, all = false): Promise<{ path: string; bytes: number }[]> {
  const paths = (await listFiles(dir)).filter((path) => all || /\.pf_(index|meta)$/.test(path));
  return Promise.all(paths.map(async (path) => ({ path, bytes: (await stat(join(dir, path))).size })));
}

/** One Pagefind run: `pages` indexed with chunks of `size` positions, written to `dir`; its language list. */
async function runPagefind(pages: { file: string; html: string }[], size: number, dir: string): Promise<{ languages: Record<string, unknown> }> {
  process.env[CHUNK_SIZE_SETTING] = String(size);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // All at once: Pagefind's service takes them in the order sent, without a round trip each.
    const added = await Promise.all(pages.map(({ file, html }) => index.addHTMLFile({ sourcePath: file, content: html }).then((r) => ({ file, errors: r.errors }))));
    for (const { file, errors: problems } of added) if (problems.length > 0) throw new Error(`Pagefind could not index ${file}: ${problems.join('; ')}`);
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
  } finally {
    // The service reads the chunk size when it starts: the next run starts a new one.
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
