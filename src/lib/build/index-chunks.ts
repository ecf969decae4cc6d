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

/**
 * A chunk bigger than this (gzip bytes) makes the build try smaller chunks for its language.
 * The limit is what a first search is expected to load of a language's index (`firstSearchBytes`:
 * its metadata, which grows with the number of chunks, and a chunk per word searched), a share
 * of the first search's 110 KB budget (tests/e2e/budgets.spec.ts).
 */
export const MAX_CHUNK_BYTES = 4 * 1024;
export const MAX_INDEX_SEARCH_BYTES = 32 * 1024;

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

/**
 * The language a file of Pagefind's bundle belongs to, by its name: its index chunks
 * (`index/zh-hans_1a2b.pf_index`), fragments, metadata (`pagefind.zh-hans_1a2b.pf_meta`) and
 * stemmer (`wasm.en.pagefind`). Undefined for the files every language shares.
 */
export function languageOf(path: string): string | undefined {
  const [folder = '', base = ''] = path.split('/').slice(-2);
  const name = folder === 'index' || folder === 'fragment' ? `${folder}/${base}` : (path.split('/').at(-1) ?? '');
  return (
    /^(?:index|fragment)\/([a-z0-9-]+)_[0-9a-f]+\.pf_(?:index|fragment)$/.exec(name)?.[1] ??
    /^pagefind\.([a-z0-9-]+)_[0-9a-f]+\.pf_meta$/.exec(name)?.[1] ??
    /^wasm\.(?!unknown\.)([a-z0-9-]+)\.pagefind$/.exec(name)?.[1]
  );
}

/** Word searches a first search makes, for weighing chunk sizes: a few words, each with its synonyms. */
export const SEARCHED_CHUNKS = 8;

/**
 * What a first search is expected to load of a language's index: its metadata, whole, and a
 * chunk for each of SEARCHED_CHUNKS words (the median chunk: the largest hold words too common
 * to be searched for). Chunks of more positions are fewer and bigger: a smaller metadata file,
 * more bytes per word searched.
 */
export function firstSearchBytes(metaBytes: number, chunkBytes: readonly number[]): number {
  const sorted = [...chunkBytes].sort((x, y) => x - y);
  const median = sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
  return metaBytes + SEARCHED_CHUNKS * median;
}

/** The chunk sizes to try for a language after `size`, when its chunks came out too big: half, then a quarter. */
export function smallerChunkSizes(size: number): number[] {
  return [Math.floor(size / 2), Math.floor(size / 4)].filter((n) => n >= 50);
}

/** A file Pagefind wrote, by name and gzip size. */
export interface BundleFile {
  path: string;
  bytes: number;
}

/**
 * What is too big for a first search in a bundle's index, per language, as sentences naming the
 * file or language; empty when all fit. `files` are the index chunks (`index/<lang>_<hash>.pf_index`)
 * and metadata (`pagefind.<lang>_<hash>.pf_meta`) with their sizes.
 */
export function oversizedIndexFiles(files: BundleFile[]): string[] {
  const problems: string[] = [];
  const byLanguage = new Map<string, { meta: number; chunks: number[] }>();
  for (const { path, bytes } of files) {
    const lang = languageOf(path);
    if (!lang) continue;
    const stats = byLanguage.get(lang) ?? { meta: 0, chunks: [] };
    byLanguage.set(lang, stats);
    if (path.endsWith('.pf_meta')) stats.meta = bytes;
    else if (path.endsWith('.pf_index')) stats.chunks.push(bytes);
  }
  for (const [lang, { meta, chunks }] of byLanguage) {
    const expected = firstSearchBytes(meta, chunks);
    if (expected > MAX_INDEX_SEARCH_BYTES) problems.push(`Pagefind's index for ${lang} would cost a first search about ${expected} bytes (metadata of ${meta} bytes and ${SEARCHED_CHUNKS} chunks) where it affords ${MAX_INDEX_SEARCH_BYTES}: the language has outgrown a first search's budget (src/lib/build/index-chunks.ts)`);
  }
  return problems;
}
