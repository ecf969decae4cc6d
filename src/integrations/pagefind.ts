import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { readMeta, rechunk, writeChunk, writeMeta } from '../lib/pagefind-chunks';
import { localeCodes, pagefindIndex, sourceLocale } from '../i18n/locales';
import { ui } from '../i18n/ui';
import { synonyms } from '../i18n/synonyms';
import { outlineEntry, outlinePath, parseFragment, type Outline, type SearchOutline } from '../lib/search-outline';
import { absentForms } from '../lib/synonyms';
import { markWordBreaksInHtml } from '../lib/segment';

/** The `lang` of a built page's `<html>` element. */
function htmlLang(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? '';
}

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `<dir>/pagefind/`.
 * Pagefind splits the index by each page's `<html lang>`, so every locale gets its own index,
 * and the extended build that npm ships segments Chinese, Japanese and Thai. Khmer has no
 * segmenter in Pagefind, so each page is handed over with its word breaks marked
 * (`src/lib/segment.ts`); the files in `dist/` stay as they are.
 */
export async function indexSite(dir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
    let pages = 0;
    for (const file of files) {
      const html = await readFile(join(dir, file), 'utf8');
      const added = await index.addHTMLFile({ sourcePath: relative(dir, join(dir, file)), content: markWordBreaksInHtml(html, htmlLang(html)) });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      if (html.includes('data-pagefind-body')) pages++;
    }
    if (pages === 0) throw new Error(`Pagefind found no pages to index in ${dir}`);
    const out = `${dir.replace(/\/$/, '')}/pagefind`;
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    await splitIndexChunks(out);
    await writeOutlines(dir.replace(/\/$/, ''));
    logger.info(`Pagefind indexed ${pages} pages`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Writes each language's search outline (see search-outline.ts) from the fragments Pagefind
 * wrote: its page outlines, its synonym groups, the forms of those its pages never use, and the
 * search's messages in its language.
 */
async function writeOutlines(dir: string): Promise<void> {
  const fragments = `${dir}/pagefind/fragment`;
  const pages: Record<string, Outline> = {};
  const texts: Record<string, string[]> = {};
  for (const name of (await readdir(fragments)).sort()) {
    const id = name.replace(/\.pf_fragment$/, '');
    const index = id.slice(0, id.lastIndexOf('_'));
    const fragment = parseFragment(gunzipSync(await readFile(`${fragments}/${name}`)).toString('utf8'));
    (pages[index] ??= {})[id] = outlineEntry(fragment);
    (texts[index] ??= []).push(fragment.meta.title ?? '', fragment.content ?? '');
  }
  const entry = JSON.parse(await readFile(`${dir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { wasm: string | null }> };
  await mkdir(`${dir}/pagefind/outline`, { recursive: true });
  for (const [index, outline] of Object.entries(pages)) {
    const locale = localeCodes.find((code) => pagefindIndex(code) === index);
    const groups = locale ? synonyms[locale] : [];
    // A language with its own Pagefind build (English) is stemmed: a form may match other inflections.
    const stemmed = Boolean(entry.languages[index]?.wasm);
    const t = ui[locale ?? sourceLocale];
    const messages = { results: t['search.results'], empty: t['search.empty'], prompt: t['search.prompt'], allSections: t['search.allSections'] };
    const search: SearchOutline = { pages: outline, synonyms: groups, absent: absentForms(groups, texts[index] ?? [], stemmed), messages };
    await writeFile(`${dir}${outlinePath(index)}`, JSON.stringify(search));
  }
}

/** A short content hash for a file name, as Pagefind names its files (`<language>_<hash>`). */
function shortHash(bytes: Uint8Array, taken: Set<string>): string {
  const full = createHash('sha256').update(bytes).digest('hex');
  let length = 7;
  while (taken.has(full.slice(0, length))) length++;
  return full.slice(0, length);
}

/**
 * Cuts every language's word index into smaller chunks (see `src/lib/pagefind-chunks.ts`: with
 * Pagefind's size, one to four chunks of 10–40 KB per language, and a first search loaded them
 * all) and rewrites its metadata: a new file name, since its content changed, and
 * `pagefind-entry.json` to match. `positions` overrides the chunk size, for experiments.
 */
export async function splitIndexChunks(bundle: string, positions?: number): Promise<void> {
  const entryPath = `${bundle}/pagefind-entry.json`;
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaName = `pagefind.${info.hash}.pf_meta`;
    const meta = readMeta(gunzipSync(await readFile(`${bundle}/${metaName}`)), metaName);
    const files = await Promise.all(meta.chunks.map(async (c) => gunzipSync(await readFile(`${bundle}/index/${c.hash}.pf_index`))));
    const { chunks, bounds } = rechunk(files, `${language} index`, positions);
    const taken = new Set<string>();
    const listed = [];
    for (const [i, chunk] of chunks.entries()) {
      const bytes = gzipSync(writeChunk(chunk), { level: 9 });
      const short = shortHash(bytes, taken);
      taken.add(short);
      const hash = `${language}_${short}`;
      await writeFile(`${bundle}/index/${hash}.pf_index`, bytes);
      listed.push({ ...bounds[i]!, hash });
    }
    for (const old of meta.chunks) if (!listed.some((c) => c.hash === old.hash)) await rm(`${bundle}/index/${old.hash}.pf_index`);
    const metaBytes = gzipSync(writeMeta(meta, listed), { level: 9 });
    const metaHash = `${language}_${shortHash(metaBytes, new Set())}`;
    await rm(`${bundle}/${metaName}`);
    await writeFile(`${bundle}/pagefind.${metaHash}.pf_meta`, metaBytes);
    info.hash = metaHash;
  }
  await writeFile(entryPath, JSON.stringify(entry));
}

/** Runs `indexSite` after every build, so `npm run build` alone produces `dist/pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'guide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => indexSite(fileURLToPath(dir), logger),
    },
  };
}
