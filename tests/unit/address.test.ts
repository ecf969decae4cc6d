import { describe, expect, it } from 'vitest';
import { clipQuery, decodeSafely, fragmentId, MAX_QUERY_LENGTH } from '../../src/lib/browser/address';

describe('address parts', () => {
  it('decodes fragments without ever throwing', () => {
    for (const hash of ['#%', '#%E0%A4', '#%%41', '#%zz', '#a%']) expect(() => fragmentId(hash)).not.toThrow();
    expect(fragmentId('#%')).toBe('%');
    expect(fragmentId('#request-a-refund')).toBe('request-a-refund');
    expect(fragmentId('')).toBe('');
    expect(decodeSafely('%E9%80%80%E6%AC%BE')).toBe('退款');
  });

  it('cuts a query to a length every server accepts, never inside a character', () => {
    expect(clipQuery('refund')).toBe('refund');
    const khmer = 'សងប្រាក់វិញ'.repeat(50);
    expect(Array.from(clipQuery(khmer))).toHaveLength(MAX_QUERY_LENGTH);
    expect(clipQuery('😀'.repeat(300))).toBe('😀'.repeat(MAX_QUERY_LENGTH));
    // The longest query, percent-encoded, stays far below nginx's 8 KB request line.
    expect(encodeURIComponent(clipQuery('ស'.repeat(1000))).length).toBeLessThan(2000);
  });
});
