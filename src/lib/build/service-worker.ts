import { readFile } from 'node:fs/promises';
import { localeCodes, pagefindIndex } from '../../i18n/locales';
import { offlineCandidate, offlineManifest } from './offline-manifest';
import type { BuiltSite } from './built-site';

const template = new URL('../../service-worker/sw.js', import.meta.url);

/** Writes `/sw.js`: the hand-written service worker with this build's offline manifest. */
export async function writeServiceWorker(site: BuiltSite): Promise<{ version: string; files: number }> {
  // One file at a time: a site of thousands of pages would run out of file handles reading them
  // all at once. Only files the worker may keep are read (not the gzip twins written meanwhile).
  const files: { path: string; content: Buffer }[] = [];
  for (const path of site.files()) if (offlineCandidate(path)) files.push({ path, content: await site.read(path) });
  const manifest = offlineManifest(files, Object.fromEntries(localeCodes.map((code) => [code, pagefindIndex(code)])));
  const source = await readFile(template, 'utf8');
  await site.write('/sw.js', `const MANIFEST = ${JSON.stringify(manifest)};\n${source}`);
  return { version: manifest.version, files: manifest.shared.length + Object.values(manifest.locales).flat().length };
}
