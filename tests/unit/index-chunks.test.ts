import { describe, expect, it } from 'vitest';
import { chunkSize, countWords, firstSearchBytes, languageOf, MAX_INDEX_SEARCH_BYTES, MAX_CHUNKS, oversizedIndexFiles, SEARCHED_CHUNKS, smallerChunkSizes, SMALLEST_CHUNK } from '../../src/lib/build/index-chunks';

describe('the index chunks Pagefind is asked for', () => {
  it('are small, and grow with the guide instead of multiplying past MAX_CHUNKS', () => {
    expect(chunkSize(0)).toBe(SMALLEST_CHUNK);
    expect(chunkSize(20_000)).toBe(SMALLEST_CHUNK);
    expect(chunkSize(64_000)).toBe(400);
    expect(Math.ceil(2_000_000 / chunkSize(2_000_000))).toBeLessThanOrEqual(MAX_CHUNKS);
  });

  it('count positions as Pagefind does, by words, in spaced and unspaced scripts', () => {
    expect(countWords('Turn off auto top-up, then delete.', 'en')).toBe(7);
    expect(countWords('申请退款', 'zh-Hans')).toBeGreaterThanOrEqual(2);
    expect(countWords('សងប្រាក់វិញ', 'km')).toBeGreaterThanOrEqual(2);
  });

  it('stop the build when a language’s index would cost a first search too much', () => {
    const chunks = (lang: string, bytes: number, n = 9) => Array.from({ length: n }, (_, i) => ({ path: `pagefind/index/${lang}_${i}.pf_index`, bytes }));
    const fits = Math.floor((MAX_INDEX_SEARCH_BYTES - 2000) / SEARCHED_CHUNKS);
    expect(oversizedIndexFiles([...chunks('ja', fits), { path: 'pagefind/pagefind.ja_a.pf_meta', bytes: 2000 }])).toEqual([]);
    // Chunks a little too big, in one language only: that language is named.
    expect(oversizedIndexFiles([...chunks('ja', fits + 10), { path: 'pagefind/pagefind.ja_a.pf_meta', bytes: 2000 }, ...chunks('en', 100)])).toEqual([expect.stringMatching(/^Pagefind's index for ja would cost a first search about \d+ bytes/)]);
    // One huge chunk (a word on every page, never searched for) is not the median: no problem.
    expect(oversizedIndexFiles([...chunks('th', 1000), { path: 'pagefind/index/th_f.pf_index', bytes: 60_000 }])).toEqual([]);
    // Metadata alone over the budget (too many chunks): named too.
    expect(oversizedIndexFiles([{ path: 'pagefind/pagefind.km_2.pf_meta', bytes: MAX_INDEX_SEARCH_BYTES + 1 }])).toEqual([expect.stringMatching(/index for km would cost a first search about \d+ bytes \(metadata of \d+ bytes/)]);
    expect(oversizedIndexFiles([{ path: 'pagefind/wasm.en.pagefind', bytes: 60_000 }])).toEqual([]);
  });

  it('weigh what a first search loads: the metadata and a median chunk per word searched', () => {
    expect(firstSearchBytes(3000, [100, 200, 5000])).toBe(3000 + SEARCHED_CHUNKS * 200);
    expect(firstSearchBytes(3000, [])).toBe(3000);
  });
});

describe('a language whose chunks come out too big', () => {
  it('is known by the files Pagefind names after it', () => {
    expect(languageOf('index/zh-hans_1a2b3c.pf_index')).toBe('zh-hans');
    expect(languageOf('pagefind/index/km_0f.pf_index')).toBe('km');
    expect(languageOf('pagefind/pagefind.zh-hant_9e408b40b4791d5.pf_meta')).toBe('zh-hant');
    expect(languageOf('pagefind/fragment/en_1.pf_fragment')).toBe('en');
    expect(languageOf('pagefind/wasm.en.pagefind')).toBe('en');
    // What every language shares.
    expect(languageOf('pagefind/wasm.unknown.pagefind')).toBeUndefined();
    expect(languageOf('pagefind/pagefind.js')).toBeUndefined();
    expect(languageOf('pagefind/pagefind-entry.json')).toBeUndefined();
  });

  it('runs again with half and a quarter of its chunk size, never below fifty positions', () => {
    expect(smallerChunkSizes(1000)).toEqual([500, 250]);
    expect(smallerChunkSizes(150)).toEqual([75]);
    expect(smallerChunkSizes(90)).toEqual([]);
  });
});

