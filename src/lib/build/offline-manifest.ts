import { createHash } from 'node:crypto';
import { GZ, UNUSED } from './precompress';

/**
 * What the service worker keeps for offline reading, from the list of built files. Shared files
 * (styles, page and search scripts, the Pagefind engine) are cached at install; a locale's pages
 * and its search index when the reader first opens a page in that language.
 */
export interface OfflineManifest {
  /** Hash of every listed file's contents: a new build gets new caches, and old ones are deleted. */
  version: string;
  shared: string[];
  locales: Record<string, string[]>;
}

/**
 * Whether a built file (a site path) can be in the offline copy at all: not the service worker
 * itself, gzip twins, files no reader is sent, the sitemap and robots.txt, or the share cards.
 */
export function offlineCandidate(path: string): boolean {
  return !(UNUSED.test(path) || path.endsWith(GZ) || path === '/sw.js' || /\.(xml|txt)$/.test(path) || path.startsWith('/og/'));
}

/**
 * Sorts built files (site paths such as `/en/app/index.html`) into the manifest.
 * `lang` maps each locale code to its Pagefind index name (the lowercased `<html lang>`).
 */
export function offlineManifest(
  files: { path: string; content: Uint8Array | string }[],
  lang: Record<string, string>,
): OfflineManifest {
  const shared: string[] = [];
  const locales: Record<string, string[]> = Object.fromEntries(Object.keys(lang).map((code) => [code, []]));
  const hash = createHash('sha256');
  const byIndex = Object.fromEntries(Object.entries(lang).map(([code, index]) => [index, code]));
  // Only what the worker keeps goes into the version: a change to an unlisted file (a not-found
  // page, the sitemap) must not make every reader download the whole guide again.
  const keep = (list: string[], url: string, path: string, content: Uint8Array | string) => {
    list.push(url);
    hash.update(path).update('\0').update(content).update('\0');
  };
  for (const { path, content } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!offlineCandidate(path)) continue;
    const url = path.replace(/index\.html$/, '');
    const locale = /^\/([^/]+)\//.exec(path)?.[1];
    if (locale && locale in locales) {
      // The not-found page is served for missing pages, never asked for by its own address.
      if (!url.endsWith('/404/')) keep(locales[locale]!, url, path, content);
      continue;
    }
    // Pagefind names a language's files after its index: `index/en_….pf_index`, `wasm.en.pagefind`;
    // the guide's search outlines follow it (`outline/en.json`).
    const pf = /^\/pagefind\/(?:(?:index|fragment|filter)\/([a-z-]+)_[^/]+|pagefind\.([a-z-]+)_[^/]+\.pf_meta|wasm\.([a-z-]+)\.pagefind|outline\/([a-z-]+)\.json)$/.exec(path);
    const index = pf?.[1] ?? pf?.[2] ?? pf?.[3] ?? pf?.[4];
    if (index && byIndex[index]) {
      keep(locales[byIndex[index]]!, url, path, content);
      continue;
    }
    if (url.endsWith('.html') || url === '/') continue;
    keep(shared, url, path, content);
  }
  return { version: hash.digest('hex').slice(0, 12), shared, locales };
}
