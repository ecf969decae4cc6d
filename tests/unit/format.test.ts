import { describe, expect, it } from 'vitest';
import { fillTemplate, formatDate, isoDate } from '../../src/lib/browser/format';

describe('format', () => {
  it('formats dates in the page language, as calendar days', () => {
    const day = new Date('2026-11-25T00:00:00Z');
    expect(formatDate(day, 'en')).toBe('November 25, 2026');
    expect(formatDate(day, 'zh-Hans')).toBe('2026年11月25日');
    expect(isoDate(day)).toBe('2026-11-25');
  });

  it('fills slots and leaves unknown ones visible', () => {
    expect(fillTemplate('“{query}”: {count} pages', { query: 'refund', count: 3 })).toBe('“refund”: 3 pages');
    expect(fillTemplate('{missing} stays')).toBe('{missing} stays');
  });
});
