import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeCodes, pagefindIndex } from '../i18n/locales';
import { offlineManifest } from '../lib/offline-manifest';
import { sitePathOf } from '../lib/paths';

const template = new URL('../service-worker/sw.js', import.meta.url);

/** Writes `<dir>/sw.js`: the hand-written service worker with this build's offline manifest. */
export async function writeServiceWorker(dir: string): Promise<{ version: string; files: number }> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  // One file at a time: a site of thousands of pages would run out of file handles reading them all at once.
  const files: { path: string; content: Buffer }[] = [];
  for (const path of paths) files.push({ path: sitePathOf(dir, path), content: await readFile(path) });
  const manifest = offlineManifest(files, Object.fromEntries(localeCodes.map((code) => [code, pagefindIndex(code)])));
  const source = await readFile(template, 'utf8');
  await writeFile(join(dir, 'sw.js'), `const MANIFEST = ${JSON.stringify(manifest)};\n${source}`);
  return { version: manifest.version, files: manifest.shared.length + Object.values(manifest.locales).flat().length };
}

/** Runs after Pagefind (list it later), so the search index is part of the offline copy. */
export default function offlineIntegration(): AstroIntegration {
  return {
    name: 'guide:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { version, files } = await writeServiceWorker(fileURLToPath(dir).replace(/\/$/, ''));
        logger.info(`Service worker ${version} keeps ${files} files for offline reading`);
      },
    },
  };
}
