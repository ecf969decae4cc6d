import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { outlineEntry, outlinePath, parseFragment, type Outline } from '../lib/search-outline';
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
    await writeOutlines(dir.replace(/\/$/, ''));
    logger.info(`Pagefind indexed ${pages} pages`);
  } finally {
    await pagefind.close();
  }
}

/** Writes each language's page outlines (see search-outline.ts) from the fragments Pagefind wrote. */
async function writeOutlines(dir: string): Promise<void> {
  const fragments = `${dir}/pagefind/fragment`;
  const outlines: Record<string, Outline> = {};
  for (const name of await readdir(fragments)) {
    const id = name.replace(/\.pf_fragment$/, '');
    const index = id.slice(0, id.lastIndexOf('_'));
    const fragment = parseFragment(gunzipSync(await readFile(`${fragments}/${name}`)).toString('utf8'));
    (outlines[index] ??= {})[id] = outlineEntry(fragment);
  }
  await mkdir(`${dir}/pagefind/outline`, { recursive: true });
  for (const [index, outline] of Object.entries(outlines)) await writeFile(`${dir}${outlinePath(index)}`, JSON.stringify(outline));
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
