/**
 * Which built files get a `.gz` twin made ahead of time (`src/integrations/precompress.ts`), for a
 * server that sends those instead of compressing on the fly (nginx's `gzip_static`, see
 * deploy/nginx.conf). Zopfli writes a gzip stream any browser reads, about 5 % smaller than zlib
 * at its best level, and the reader of a long article on a roaming line gets those bytes back.
 */

/** Text formats the site serves. Pagefind's index files are gzip streams already. */
const TEXT = /\.(html|css|m?js|json|svg|xml|txt|webmanifest)$/;

/** nginx's `gzip_min_length` (deploy/nginx.conf): below it, a file goes as it is. */
export const MIN_BYTES = 256;

/**
 * Built files no reader is ever sent: Pagefind's own UI bundles (the guide has its own search UI)
 * and its worker (the search runs Pagefind with `noWorker`). Site paths, such as `/pagefind/pagefind-ui.js`.
 */
export const UNUSED = /^\/pagefind\/pagefind-(component-ui|modular-ui|ui|highlight|worker)\.(js|css)$/;

/** A precompressed twin, as `gzip_static` looks for it: the file's own name plus `.gz`. */
export const GZ = '.gz';

/** Whether the built file at `path` (a site path) of `size` bytes should get a `.gz` twin. */
export function shouldPrecompress(path: string, size: number): boolean {
  return TEXT.test(path) && !UNUSED.test(path) && size >= MIN_BYTES;
}
