/**
 * How big Pagefind cuts each language's word index, and the check that it stayed small.
 *
 * A query loads the chunks its words fall in; at Pagefind's default (20,000 word positions) a
 * chunk is 10–40 KB, so a first search fetched most of a language's index. Pagefind 1.5+ reads
 * its chunk size from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (pagefind/src/options.rs, used by its
 * own index_chunking integration tests); 300 positions makes chunks of 0.5–2 KB. Every chunk is
 * also a line of the language's metadata, which a first search loads whole, so a bigger guide
 * gets bigger chunks rather than more of them (at most MAX_CHUNKS per language).
 */

/** Pagefind's setting for the chunk size, in word positions. */
export const CHUNK_SIZE_SETTING = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

export const SMALLEST_CHUNK = 300;
export const MAX_CHUNKS = 160;

/** The largest index chunk, and the largest metadata file, that a first search can afford (gzip bytes). */
export const MAX_CHUNK_BYTES = 4 * 1024;
export const MAX_META_BYTES = 8 * 1024;

/**
 * The chunk size for an index of about `positions` word positions.
 *
 * @example chunkSize(20_000) // 300
 * @example chunkSize(64_000) // 400
 */
export function chunkSize(positions: number): number {
  return Math.max(SMALLEST_CHUNK, Math.ceil(positions / MAX_CHUNKS));
}

const words = new Map<string, Intl.Segmenter>();

/** About how many word positions Pagefind will index for a text in `lang` (one per word). */
export function countWords(text: string, lang: string): number {
  let segmenter = words.get(lang);
  if (!segmenter) words.set(lang, (segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'word' })));
  let n = 0;
  for (const { isWordLike } of segmenter.segment(text)) if (isWordLike) n++;
  return n;
}

/** A file Pagefind wrote, by name and gzip size. */
export interface BundleFile {
  path: string;
  bytes: number;
}

/**
 * What is too big for a first search among a bundle's index chunks (`index/<lang>_<hash>.pf_index`)
 * and metadata (`pagefind.<lang>_<hash>.pf_meta`), as sentences naming the file; empty when all fit.
 */
export function oversizedIndexFiles(files: BundleFile[]): string[] {
  const problems: string[] = [];
  for (const { path, bytes } of files) {
    const kind = path.endsWith('.pf_index') ? 'an index chunk' : path.endsWith('.pf_meta') ? 'a metadata file' : undefined;
    const limit = kind === 'an index chunk' ? MAX_CHUNK_BYTES : MAX_META_BYTES;
    if (kind && bytes > limit) {
      problems.push(`Pagefind wrote ${path}, ${kind} of ${bytes} bytes where a first search affords ${limit}: the ${kind === 'an index chunk' ? 'chunks are too big' : 'index has too many chunks'} (src/build/index-chunks.ts)`);
    }
  }
  return problems;
}
