import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { deferPageScripts } from '../lib/build/after-paint';
import { BuiltSite } from '../lib/build/built-site';
import { defaultCacheDir, forgetUnused, precompress, type Precompressed } from '../lib/build/precompress';
import { indexSite } from '../lib/build/search-index';
import { writeHeaders } from '../lib/build/security-headers';
import { writeServiceWorker } from '../lib/build/service-worker';

/** What the steps of one build share: the project's folder, and work one step starts for a later one. */
interface BuildState {
  root: string;
  /** The pages' gzip twins, made while the search index is built (both wait on other processes). */
  pagesCompressed?: Promise<Precompressed>;
}

/** One step after Astro's build: it reads and writes the site through `site` and says what it did. */
interface Step {
  name: string;
  run: (site: BuiltSite, build: BuildState) => Promise<string>;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

const summary = ({ files, rawBytes, gzBytes, zopfli, cached }: Precompressed) =>
  `${files} files: ${kb(rawBytes)} → ${kb(gzBytes)} (Zopfli: ${zopfli} compressed, ${cached} from its cache)`;

const isPage = (path: string) => path.endsWith('.html');

/**
 * What the build does to the site Astro wrote, in this order, each step on the files the ones
 * before it left. The order matters: each step reads what the ones above it made final.
 */
export const steps: Step[] = [
  // The pages' scripts start after the first paint: this edits the pages, so it comes first.
  { name: 'after-paint', run: async (site) => `${await deferPageScripts(site)} of ${site.pages().length} pages start their scripts after the first paint` },
  // The Content-Security-Policy's hashes must match the pages' final inline code.
  { name: 'headers', run: async (site, { root }) => `_headers with ${await writeHeaders(root, site)} headers, its CSP checked against every page` },
  // The pages are final: their gzip twins start now, on Zopfli's threads, beside the next steps.
  { name: 'precompress pages', run: async (site, build) => {
    build.pagesCompressed = precompress(site, defaultCacheDir(build.root), isPage);
    // A failure is reported where the twins are awaited, not lost meanwhile.
    build.pagesCompressed.catch(() => undefined);
    return 'started, beside the next steps';
  } },
  // Pagefind reads the final pages; its files join the list.
  { name: 'search index', run: async (site) => {
    const { pages, chunkSizes, indexBytes: [least, most] } = await indexSite(site);
    return `Pagefind indexed ${pages} pages in chunks of ${chunkSizes.join(', ')} word positions; a first search loads about ${kb(least)}–${kb(most)} of index`;
  } },
  // The offline copy lists every file above, search index included.
  { name: 'offline', run: async (site) => {
    const { version, files } = await writeServiceWorker(site);
    return `service worker ${version} keeps ${files} files for offline reading`;
  } },
  // Last: gzip twins of every other text file written above, for nginx's gzip_static (deploy/nginx.conf).
  { name: 'precompress', run: async (site, build) => {
    if (!build.pagesCompressed) throw new Error('src/integrations/post-build.ts: “precompress pages” must come before “precompress”');
    const pages = await build.pagesCompressed;
    const rest = await precompress(site, defaultCacheDir(build.root), (path) => !isPage(path));
    await forgetUnused(defaultCacheDir(build.root));
    return `gzip twins for gzip_static: pages ${summary(pages)}; other files ${summary(rest)}`;
  } },
];

/** Runs `steps` on the built site, once, from one listing of its files. */
export default function postBuild(): AstroIntegration {
  let root = '';
  return {
    name: 'guide:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = await BuiltSite.list(fileURLToPath(dir));
        const build: BuildState = { root };
        for (const step of steps) {
          const started = performance.now();
          const said = await step.run(site, build);
          logger.info(`${step.name}: ${said} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        }
      },
    },
  };
}
