import { describe, expect, it } from 'vitest';
import { rankSubResults, type SubResult } from '../../src/lib/search-results';

const sub = (url: string, scores: number[]): SubResult => ({
  title: url,
  url,
  excerpt: '',
  weighted_locations: scores.map((balanced_score, location) => ({ weight: 1, balanced_score, location })),
});

describe('rankSubResults', () => {
  it('orders sections by match strength and keeps the best few', () => {
    const ranked = rankSubResults([sub('/en/app/#a', [1]), sub('/en/app/#b', [5, 5]), sub('/en/app/#c', [3]), sub('/en/app/#d', [0.5])], '/en/app/');
    expect(ranked.map((s) => s.url)).toEqual(['/en/app/#b', '/en/app/#c', '/en/app/#a']);
  });

  it('drops the page-top match unless it is the only one', () => {
    expect(rankSubResults([sub('/en/app/', [9]), sub('/en/app/#a', [1])], '/en/app/').map((s) => s.url)).toEqual(['/en/app/#a']);
    expect(rankSubResults([sub('/en/app/', [9])], '/en/app/').map((s) => s.url)).toEqual(['/en/app/']);
  });
});

describe('rankSubResults with search terms', () => {
  it('puts sections whose heading names a term first', () => {
    const subs = [sub('/en/app/#a', [9]), { ...sub('/en/app/#refund', [1]), title: 'Request a refund' }];
    expect(rankSubResults(subs, '/en/app/', ['refund']).map((s) => s.url)).toEqual(['/en/app/#refund', '/en/app/#a']);
  });
});
