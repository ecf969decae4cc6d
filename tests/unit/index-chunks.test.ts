import { describe, expect, it } from 'vitest';
import { chunkSize, countWords, MAX_CHUNK_BYTES, MAX_CHUNKS, MAX_META_BYTES, oversizedIndexFiles, SMALLEST_CHUNK } from '../../src/lib/build/index-chunks';

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

  it('stop the build when a chunk or a metadata file is too big for a first search', () => {
    expect(oversizedIndexFiles([{ path: 'pagefind/index/ja_1.pf_index', bytes: MAX_CHUNK_BYTES }, { path: 'pagefind/pagefind.ja_2.pf_meta', bytes: MAX_META_BYTES }])).toEqual([]);
    expect(oversizedIndexFiles([{ path: 'pagefind/index/ja_1.pf_index', bytes: MAX_CHUNK_BYTES + 1 }])).toEqual([expect.stringMatching(/ja_1\.pf_index, an index chunk of 4097 bytes where a first search affords 4096/)]);
    expect(oversizedIndexFiles([{ path: 'pagefind/pagefind.km_2.pf_meta', bytes: MAX_META_BYTES + 1 }])).toEqual([expect.stringMatching(/too many chunks/)]);
    expect(oversizedIndexFiles([{ path: 'pagefind/wasm.en.pagefind', bytes: 60_000 }])).toEqual([]);
  });
});
