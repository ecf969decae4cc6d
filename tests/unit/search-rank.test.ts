import { describe, expect, it } from 'vitest';
import { rankCandidates, rankSubResults, scoreCandidate, termWeights, termsInHeadings, type Candidate, type SubResult } from '../../src/lib/browser/search-rank';

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

describe('ranking', () => {
  const page = (id: string, over: Partial<Candidate> = {}): Candidate => ({ id, order: 0, phrase: false, all: false, matched: [], inTitle: [], inHeadings: [], ...over });

  it('weighs terms by how few pages hold them', () => {
    const weights = termWeights({ everywhere: 6, some: 3, rare: 1, none: 0 }, 6);
    expect(weights.rare!).toBeGreaterThan(weights.some!);
    expect(weights.some!).toBeGreaterThan(weights.everywhere!);
    // A term on every page found still counts a little; one that found nothing counts like the rarest.
    expect(weights.everywhere!).toBeGreaterThan(0);
    expect(weights.everywhere!).toBeLessThan(0.2 * weights.rare!);
    expect(weights.none).toBe(weights.rare);
  });

  it('puts the exact phrase first, then all words, then telling terms, counting headings and titles', () => {
    const weights = termWeights({ 注销: 6, 准备: 2 }, 6);
    const ranked = rankCandidates(
      [
        page('common-in-title', { matched: ['注销', '准备'], inTitle: ['注销'], order: 0 }),
        page('rare-in-title', { matched: ['注销', '准备'], inTitle: ['准备'], order: 1 }),
        page('all', { all: true, matched: ['注销'], order: 2 }),
        page('phrase', { phrase: true, order: 3 }),
        page('mention', { matched: ['准备'], order: 4 }),
      ],
      weights,
    );
    expect(ranked.map((c) => c.id)).toEqual(['phrase', 'all', 'rare-in-title', 'common-in-title', 'mention']);
    // A heading counts as much as a match, a title twice as much.
    const matched = scoreCandidate(page('x', { matched: ['准备'] }), weights);
    expect(scoreCandidate(page('x', { inHeadings: ['准备'] }), weights)).toBe(matched);
    expect(scoreCandidate(page('x', { inTitle: ['准备'] }), weights)).toBe(2 * matched);
  });

  it('keeps Pagefind’s order between equals', () => {
    expect(rankCandidates([page('b', { order: 2 }), page('a', { order: 1 })]).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('finds terms in headings as whole words, tolerating plural endings', () => {
    expect(termsInHeadings(['refund', 'account'], ['Request refunds', 'Sign in'])).toEqual(['refund']);
    expect(termsInHeadings(['klook'], ['Bought on Trip.com or Klook'])).toEqual(['klook']);
    expect(termsInHeadings(['注销'], ['注销账号（可选）'])).toEqual(['注销']);
    expect(termsInHeadings(['top'], ['Stop auto renewal'])).toEqual([]);
    expect(termsInHeadings(['top'], ['Turn off auto top-up'])).toEqual(['top']);
    expect(termsInHeadings(['money back', 'back money'], ['Money back?'])).toEqual(['money back']);
    expect(termsInHeadings(['삭제', '계정'], ['계정을 삭제하기'])).toEqual(['삭제', '계정']);
    expect(termsInHeadings(['?'], ['What?'])).toEqual([]);
  });
});
