import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { splitIndexChunks } from '../../src/integrations/pagefind';
import {
  boundPrefixes,
  chunkBounds,
  chunkPositions,
  compareWords,
  cutChunks,
  readChunk,
  readMeta,
  rechunk,
  SIGNATURE,
  writeChunk,
  writeMeta,
  type WordEntry,
} from '../../src/lib/pagefind-chunks';

/** A minimal CBOR writer for the shapes Pagefind writes: unsigned and negative integers, text, arrays. */
type Item = number | string | Item[];
function cbor(item: Item): number[] {
  const headOf = (major: number, n: number): number[] =>
    n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 0xff];
  if (typeof item === 'number') return item >= 0 ? headOf(0, item) : headOf(1, -1 - item);
  if (typeof item === 'string') {
    const bytes = [...new TextEncoder().encode(item)];
    return [...headOf(3, bytes.length), ...bytes];
  }
  return [...headOf(4, item.length), ...item.flatMap(cbor)];
}
const file = (item: Item) => Uint8Array.from([...new TextEncoder().encode(SIGNATURE), ...cbor(item)]);

/** A word entry as Pagefind 1.6 writes it: [word, [[page, [weight, ...positions], []]], [[variant, pages]]]. */
const entry = (word: string, pages: [number, number[]][], variants: [string, [number, number[]][]][] = []): Item => [
  word,
  pages.map(([page, locs]) => [page, [-25, ...locs], []]),
  variants.map(([variant, vpages]) => [variant, vpages.map(([page, locs]) => [page, [-25, ...locs], []])]),
];

/**
 * The chunks Pagefind's search loads for a word (`request_indexes` in pagefind_web): those whose
 * bounds hold it; if none does, those whose bounds hold it when both are cut to the same length.
 */
function chunksFor(term: string, chunks: { from: string; to: string; hash: string }[]): string[] {
  const strict = chunks.filter((c) => compareWords(term, c.from) >= 0 && compareWords(term, c.to) <= 0);
  if (strict.length > 0) return strict.map((c) => c.hash);
  const cut = (text: string, n: number) => [...text].slice(0, n).join('');
  const length = [...term].length;
  return chunks
    .filter((c) => {
      const from = Math.min(length, [...c.from].length);
      const to = Math.min(length, [...c.to].length);
      return compareWords(cut(term, from), cut(c.from, from)) >= 0 && compareWords(cut(term, to), cut(c.to, to)) <= 0;
    })
    .map((c) => c.hash);
}

const words = (list: [string, number][]): WordEntry[] => list.map(([word, positions]) => ({ word, positions, bytes: new Uint8Array() }));

describe('Pagefind index chunks', () => {
  it('reads each word with its bytes and its positions, variants included', () => {
    const chunk = file([[entry('apple', [[0, [3, 9]], [2, [4]]]), entry('ecole', [], [['école', [[1, [7, 8]]]]])]]);
    const read = readChunk(chunk);
    expect(read.map((w) => [w.word, w.positions])).toEqual([
      // Pagefind's measure: per page, the entries of its position list (weight marks included) plus one.
      ['apple', 4 + 3],
      ['ecole', 4],
    ]);
    // Word entries are copied byte for byte, so writing them back gives the same file.
    expect(writeChunk(read)).toEqual(chunk);
  });

  it('cuts and bounds chunks exactly as Pagefind does (its own test case)', () => {
    // pagefind/src/index/mod.rs, `build_index_chunks` and `build_chunk_meta`, at a chunk size of 8.
    const list = words([
      ['apple', 8],
      ['apricot', 4],
      ['banana', 5],
      ['peach', 4],
    ]);
    const chunks = cutChunks(list, 8);
    expect(chunks.map((c) => c.map((w) => w.word))).toEqual([['apple'], ['apricot', 'banana'], ['peach']]);
    expect(chunkBounds(chunks)).toEqual([
      { from: 'apple', to: 'app' },
      { from: 'apr', to: 'b' },
      { from: 'p', to: 'peach' },
    ]);
    expect(boundPrefixes('cath', 'cathartic')).toEqual(['cath', 'catha']);
    expect(boundPrefixes('注销', '注册')).toEqual(['注销', '注册']);
  });

  it('orders words as Rust does, by UTF-8 bytes', () => {
    // UTF-16 order would put the astral 𠀀 (U+20000) before ｆ (U+FF46); UTF-8 order puts it after.
    expect(compareWords('ｆ', '𠀀')).toBeLessThan(0);
    expect(compareWords('ab', 'abc')).toBeLessThan(0);
  });

  it('keeps chunks small on a small site and never makes more than 160', () => {
    expect(chunkPositions(20_000)).toBe(300);
    expect(chunkPositions(64_000)).toBe(400);
    expect(chunkPositions(4_000_000)).toBe(20_000);
    expect(chunkPositions(100_000_000)).toBe(20_000);
    expect(Math.ceil(500_000 / chunkPositions(500_000))).toBeLessThanOrEqual(160);
  });

  it('rewrites the chunk list of the metadata and nothing else', () => {
    const meta = file(['1.6.0', [['en_1', 12, '']], [['a', 'm', 'en_x'], ['n', 'z', 'en_y']], [], [], ['title']]);
    const read = readMeta(meta);
    expect(read.version).toBe('1.6.0');
    expect(read.chunks).toEqual([
      { from: 'a', to: 'm', hash: 'en_x' },
      { from: 'n', to: 'z', hash: 'en_y' },
    ]);
    expect(writeMeta(read, read.chunks)).toEqual(meta);
    const one = writeMeta(read, [{ from: 'a', to: 'z', hash: 'en_q' }]);
    expect(one).toEqual(file(['1.6.0', [['en_1', 12, '']], [['a', 'z', 'en_q']], [], [], ['title']]));
  });

  it('names the file when the format is not what it expects', () => {
    expect(() => readChunk(new TextEncoder().encode('{"json": true}'), 'en_abc.pf_index')).toThrow(/en_abc\.pf_index does not start with Pagefind's "pagefind_dcd" signature/);
    expect(() => readChunk(file([[['apple']]]), 'en_abc.pf_index')).toThrow(/en_abc\.pf_index: a word entry has 1 fields/);
    expect(() => rechunk([file([[entry('a', [[0, [1]]])]]), file([[entry('a', [[1, [1]]])]])], 'en index')).toThrow(/the word "a" is in two chunks/);
  });

  it('splits a real Pagefind index so that every word sits in the one chunk its bounds name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chunks-'));
    try {
      const { index } = await pagefind.createIndex({});
      const text = Array.from({ length: 300 }, (_, i) => `word${i} 词${i} 注销 退款`).join(' ');
      await index!.addHTMLFile({ url: '/a/', content: `<html lang="en"><body><main data-pagefind-body><h1>A</h1><p>${text}</p></main></body></html>` });
      await index!.addHTMLFile({ url: '/b/', content: `<html lang="en"><body><main data-pagefind-body><h1>B</h1><p>refund ${text}</p></main></body></html>` });
      await index!.writeFiles({ outputPath: dir });
      await pagefind.close();

      const entryOf = async () => JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
      const wordsOf = async () => {
        const meta = readMeta(gunzipSync(await readFile(join(dir, `pagefind.${(await entryOf()).languages.en!.hash}.pf_meta`))));
        const chunks = await Promise.all(meta.chunks.map(async (c) => ({ ...c, words: readChunk(gunzipSync(await readFile(join(dir, 'index', `${c.hash}.pf_index`)))) })));
        return { meta, chunks };
      };
      const before = await wordsOf();
      await splitIndexChunks(dir, 100);
      const after = await wordsOf();

      expect(after.chunks.length).toBeGreaterThan(before.chunks.length);
      expect(after.meta.version).toBe(before.meta.version);
      // Nothing lost or changed: the same entries, byte for byte.
      const all = (c: typeof before.chunks) => c.flatMap((x) => x.words.map((w) => `${w.word}:${Buffer.from(w.bytes).toString('hex')}`)).sort();
      expect(all(after.chunks)).toEqual(all(before.chunks));
      // A search for any word loads the chunk that holds it, and few others.
      for (const chunk of after.chunks) {
        for (const w of chunk.words) {
          const loaded = chunksFor(w.word, after.chunks);
          expect(loaded, w.word).toContain(chunk.hash);
          expect(loaded.length, w.word).toBeLessThanOrEqual(2);
        }
      }
      // Only the files the metadata names are left, and the entry points to the new metadata.
      const files = await readdir(join(dir, 'index'));
      expect(files.sort()).toEqual(after.chunks.map((c) => `${c.hash}.pf_index`).sort());
      expect((await readdir(dir)).filter((f) => f.endsWith('.pf_meta'))).toEqual([`pagefind.${(await entryOf()).languages.en!.hash}.pf_meta`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
