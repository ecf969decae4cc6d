/**
 * Smaller Pagefind index chunks, so a first search fetches the words it asks for and little else.
 *
 * Pagefind cuts each language's word index into chunks of about 20,000 word positions, a size
 * fixed in its Rust code (`chunk_index(word_map, 20000)` in `pagefind/src/index/mod.rs`, with a
 * "TODO: Parameterize these chunk sizes"). A guide page in Chinese, Thai or Khmer is indexed as
 * words and character pairs, so one language of this small guide fills two to four such chunks
 * of 10–40 KB each, and a query loads every chunk its words fall in: most queries loaded all.
 *
 * This module cuts the same words again, at a smaller size, exactly the way Pagefind cuts them
 * (sorted words, a new chunk once the positions reach the size, chunk bounds shortened to the
 * prefixes that tell neighbours apart) and rewrites the chunk list in the language's metadata.
 * Every word entry is copied byte for byte; only the chunk boundaries move. Pagefind's search
 * picks chunks by those bounds (`request_indexes` in `pagefind_web`), as it does on any site
 * big enough to have many chunks.
 *
 * The encoding is Pagefind's own: a `pagefind_dcd` signature, then CBOR (minicbor structs as
 * arrays). Anything unexpected throws, naming what it found, so a Pagefind upgrade that changes
 * the format stops the build instead of shipping a broken search.
 */

/** Pagefind's signature at the start of every decompressed index file. */
export const SIGNATURE = 'pagefind_dcd';

/** A CBOR item's major type and argument, and where its content starts. */
interface Head {
  major: number;
  value: number;
  next: number;
}

function head(bytes: Uint8Array, at: number): Head {
  const first = bytes[at];
  if (first === undefined) throw new Error(`unexpected end of data at byte ${at}`);
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, value: info, next: at + 1 };
  const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
  if (size === undefined) throw new Error(`unsupported CBOR item (0x${first.toString(16)}) at byte ${at}`);
  let value = 0;
  for (let i = 1; i <= size; i++) value = value * 256 + bytes[at + i]!;
  return { major, value, next: at + 1 + size };
}

/** Where the CBOR item starting at `at` ends. */
function skip(bytes: Uint8Array, at: number): number {
  const { major, value, next } = head(bytes, at);
  switch (major) {
    case 0:
    case 1:
    case 7:
      return next;
    case 2:
    case 3:
      return next + value;
    case 4: {
      let end = next;
      for (let i = 0; i < value; i++) end = skip(bytes, end);
      return end;
    }
    case 5: {
      let end = next;
      for (let i = 0; i < 2 * value; i++) end = skip(bytes, end);
      return end;
    }
    default:
      throw new Error(`unsupported CBOR major type ${major} at byte ${at}`);
  }
}

/** The items of the array starting at `at`, as byte ranges. */
function items(bytes: Uint8Array, at: number, what: string): { start: number; end: number }[] {
  const { major, value, next } = head(bytes, at);
  if (major !== 4) throw new Error(`expected ${what} to be an array, found CBOR major type ${major}`);
  const ranges = [];
  let start = next;
  for (let i = 0; i < value; i++) {
    const end = skip(bytes, start);
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

function text(bytes: Uint8Array, at: number, what: string): string {
  const { major, value, next } = head(bytes, at);
  if (major !== 3) throw new Error(`expected ${what} to be text, found CBOR major type ${major}`);
  return new TextDecoder().decode(bytes.subarray(next, next + value));
}

function encodeHead(major: number, value: number): Uint8Array {
  const type = major << 5;
  if (value < 24) return Uint8Array.of(type | value);
  if (value < 0x100) return Uint8Array.of(type | 24, value);
  if (value < 0x10000) return Uint8Array.of(type | 25, value >> 8, value & 0xff);
  if (value < 0x100000000) return Uint8Array.of(type | 26, value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
  throw new Error(`CBOR length ${value} is too large`);
}

function encodeText(value: string): Uint8Array {
  const utf8 = new TextEncoder().encode(value);
  return concat([encodeHead(3, utf8.length), utf8]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function withoutSignature(file: Uint8Array, name: string): Uint8Array {
  const signature = new TextDecoder().decode(file.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new Error(`${name} does not start with Pagefind's "${SIGNATURE}" signature`);
  return file.subarray(SIGNATURE.length);
}

/** One word of the index: its text, its CBOR bytes as Pagefind wrote them, and its size in positions. */
export interface WordEntry {
  word: string;
  bytes: Uint8Array;
  /** Pagefind's measure of a word: for each page holding it, its positions there plus one. */
  positions: number;
}

/** The words of one decompressed `.pf_index` file, in order. */
export function readChunk(file: Uint8Array, name = 'index chunk'): WordEntry[] {
  const body = withoutSignature(file, name);
  const [words] = items(body, 0, `${name} (word index)`);
  if (!words) throw new Error(`${name} holds no word list`);
  return items(body, words.start, `${name} words`).map(({ start, end }) => {
    const fields = items(body, start, `${name} word entry`);
    if (fields.length < 2) throw new Error(`${name}: a word entry has ${fields.length} fields, expected at least 2`);
    const word = text(body, fields[0]!.start, `${name} word`);
    // Positions on the pages that hold the word as written, then (Pagefind 1.5 and later) on
    // the pages of each variant: the same word with its accents or marks, [variant, pages].
    const onPages = (at: number, what: string) =>
      items(body, at, what).reduce((sum, page) => {
        const [, locs] = items(body, page.start, what);
        if (!locs) throw new Error(`${name}: a page of "${word}" has no positions`);
        return sum + head(body, locs.start).value + 1;
      }, 0);
    let positions = onPages(fields[1]!.start, `${name} pages of "${word}"`);
    if (fields[2]) {
      for (const variant of items(body, fields[2].start, `${name} variants of "${word}"`)) {
        const [, pages] = items(body, variant.start, `${name} variant of "${word}"`);
        if (!pages) throw new Error(`${name}: a variant of "${word}" has no pages`);
        positions += onPages(pages.start, `${name} pages of a variant of "${word}"`);
      }
    }
    return { word, bytes: body.subarray(start, end), positions };
  });
}

/** A `.pf_index` file (decompressed) holding these words. */
export function writeChunk(words: WordEntry[]): Uint8Array {
  return concat([new TextEncoder().encode(SIGNATURE), encodeHead(4, 1), encodeHead(4, words.length), ...words.map((w) => w.bytes)]);
}

/** Byte order of UTF-8, which is how Rust compares Pagefind's strings. */
export function compareWords(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Pagefind's `chunk_index`: words in order, a new chunk once one holds `size` positions. */
export function cutChunks(words: WordEntry[], size: number): WordEntry[][] {
  const chunks: WordEntry[][] = [];
  let chunk: WordEntry[] = [];
  let held = 0;
  for (const word of words) {
    chunk.push(word);
    held += word.positions;
    if (held >= size) {
      chunks.push(chunk);
      chunk = [];
      held = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Pagefind's `get_prefixes`: the shortest prefixes of two neighbouring bounds that still tell
 * them apart, so a word between two chunks is looked up in the chunk it would sort into.
 *
 * @example boundPrefixes('apple', 'apricot') // ['app', 'apr']
 */
export function boundPrefixes(last: string, first: string): [string, string] {
  const a = [...last];
  const b = [...first];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/** A chunk as the metadata lists it: the words it covers, and the file that holds them. */
export interface ChunkBounds {
  from: string;
  to: string;
}

/** Pagefind's `chunk_meta`: each chunk's first and last word, shortened between neighbours. */
export function chunkBounds(chunks: WordEntry[][]): ChunkBounds[] {
  const bounds = chunks.map((c) => ({ from: c[0]!.word, to: c.at(-1)!.word }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    [bounds[i]!.to, bounds[i + 1]!.from] = boundPrefixes(bounds[i]!.to, bounds[i + 1]!.from);
  }
  return bounds;
}

/** What a language's metadata says of its index chunks, and where that list sits in the file. */
export interface MetaChunks {
  version: string;
  chunks: (ChunkBounds & { hash: string })[];
  /** The metadata without its signature, and the byte range of the chunk list in it. */
  body: Uint8Array;
  range: { start: number; end: number };
}

/** Reads a decompressed `.pf_meta` file: [version, pages, index chunks, filters, sorts, …]. */
export function readMeta(file: Uint8Array, name = 'metadata'): MetaChunks {
  const body = withoutSignature(file, name);
  const fields = items(body, 0, name);
  if (fields.length < 3) throw new Error(`${name} has ${fields.length} fields, expected at least 3`);
  const version = text(body, fields[0]!.start, `${name} version`);
  const range = fields[2]!;
  const chunks = items(body, range.start, `${name} index chunks`).map((chunk) => {
    const [from, to, hash] = items(body, chunk.start, `${name} index chunk`);
    if (!from || !to || !hash) throw new Error(`${name}: an index chunk lacks its bounds or hash`);
    return { from: text(body, from.start, 'from'), to: text(body, to.start, 'to'), hash: text(body, hash.start, 'hash') };
  });
  return { version, chunks, body, range };
}

/** The metadata with another chunk list, everything else as it was. */
export function writeMeta(meta: MetaChunks, chunks: (ChunkBounds & { hash: string })[]): Uint8Array {
  const list = [encodeHead(4, chunks.length), ...chunks.flatMap((c) => [encodeHead(4, 3), encodeText(c.from), encodeText(c.to), encodeText(c.hash)])];
  return concat([
    new TextEncoder().encode(SIGNATURE),
    meta.body.subarray(0, meta.range.start),
    ...list,
    meta.body.subarray(meta.range.end),
  ]);
}

/** Pagefind's own chunk size, in word positions. */
export const PAGEFIND_CHUNK = 20_000;

/**
 * How many word positions go into one chunk of an index holding `total`.
 *
 * Small enough that a query's few words fetch a few kilobytes: at 300 positions a chunk is
 * 0.5–2 KB gzip in every script, against 10–40 KB at Pagefind's 20,000. But every chunk is one
 * line of the language's metadata, which each first search loads whole, so an index gets at
 * most `maxChunks` chunks (about 2 KB of metadata), and never chunks bigger than Pagefind's.
 *
 * @example chunkPositions(20_000) // 300: 67 chunks
 * @example chunkPositions(64_000) // 400: 160 chunks
 * @example chunkPositions(4_000_000) // 20000: Pagefind's size
 */
export function chunkPositions(total: number, smallest = 300, maxChunks = 160): number {
  return Math.min(PAGEFIND_CHUNK, Math.max(smallest, Math.ceil(total / maxChunks)));
}

/**
 * The words of all of a language's chunks, cut again at `size` positions (by default, as
 * `chunkPositions` decides for their number). Throws if the chunks
 * do not hold the words in Pagefind's order, which would mean the format is not the one read here.
 */
export function rechunk(chunkFiles: Uint8Array[], name = 'index', size?: number): { chunks: WordEntry[][]; bounds: ChunkBounds[] } {
  const words = chunkFiles.flatMap((file, i) => readChunk(file, `${name} chunk ${i + 1}`));
  words.sort((a, b) => compareWords(a.word, b.word));
  for (let i = 1; i < words.length; i++) {
    if (compareWords(words[i - 1]!.word, words[i]!.word) === 0) throw new Error(`${name}: the word "${words[i]!.word}" is in two chunks`);
  }
  const chunks = cutChunks(words, size ?? chunkPositions(words.reduce((n, w) => n + w.positions, 0)));
  return { chunks, bounds: chunkBounds(chunks) };
}
