import { describe, expect, it } from 'vitest';
import { isUnspaced, planSearch, queryWords, rankCandidates, termsInHeadings, unspacedTerms, type Candidate } from '../../src/lib/search-plan';
import { isStopWord } from '../../src/lib/stop-words';

describe('search plan', () => {
  it('segments queries into words with the language’s segmenter', () => {
    expect(queryWords('忘记密码', 'zh-Hans')).toEqual(['忘记', '密码']);
    expect(queryWords('  delete   my account? ', 'en')).toEqual(['delete', 'my', 'account']);
  });

  it('asks exact phrases in scripts without spaces, so 注销 never matches 注 and 销 apart', () => {
    expect(planSearch('注销原因', 'zh-Hans')).toEqual({ phrase: '"注销原因"', strict: true, all: '"注销" "原因"', words: ['"注销"', '"原因"'], terms: ['注销', '原因'] });
    expect(planSearch('注销', 'zh-Hans')).toEqual({ phrase: '"注销"', strict: true, all: undefined, words: ['"注销"'], terms: ['注销'] });
    expect(planSearch('删除eSIM', 'zh-Hans')?.all).toBe('"删除" "eSIM"');
  });

  it('drops stop words from the words matched one by one, unless nothing else is left', () => {
    expect(planSearch('how do I delete my account', 'en')).toEqual({
      phrase: '"how do I delete my account"',
      strict: false,
      all: 'delete account',
      words: ['delete', 'account'],
      terms: ['delete', 'account'],
    });
    expect(planSearch('注销前要准备什么', 'zh-Hans')?.terms).toEqual(['注销', '销前', '前要', '准备']);
    expect(planSearch('what is', 'en')?.terms).toEqual(['what', 'is']);
    expect(planSearch('Klook', 'en')).toEqual({ strict: false, words: ['Klook'], terms: ['Klook'] });
    expect(planSearch('what is Klook', 'en')).toEqual({ phrase: '"what is Klook"', strict: false, all: 'Klook', words: [], terms: ['Klook'] });
    expect(planSearch('  ?! ', 'en')).toBeUndefined();
  });

  it('joins single characters that ICU splits, and pairs long runs', () => {
    expect(unspacedTerms(['注', '销', '原因'])).toEqual({ words: ['注销', '原因'], pieces: ['注销', '原因'] });
    expect(unspacedTerms(['注', '销', '前', '要', '准备'])).toEqual({ words: ['注销前要', '准备'], pieces: ['注销', '销前', '前要', '准备'] });
    expect(unspacedTerms(['的'])).toEqual({ words: ['的'], pieces: [] });
  });

  it('recognises unspaced scripts and stop words', () => {
    expect(isUnspaced('忘记密码')).toBe(true);
    expect(isUnspaced('ลืมรหัสผ่าน')).toBe(true);
    expect(isUnspaced('forgot password')).toBe(false);
    expect(isStopWord('The', 'en')).toBe(true);
    expect(isStopWord('怎么', 'zh-Hans')).toBe(true);
    expect(isStopWord('refund', 'en')).toBe(false);
  });
});

describe('ranking', () => {
  const page = (id: string, over: Partial<Candidate> = {}): Candidate => ({ id, order: 0, phrase: false, all: false, words: 0, headings: 0, ...over });

  it('puts exact phrases first, then words in headings, then all words, then more words', () => {
    const ranked = rankCandidates([
      page('few', { words: 1, order: 0 }),
      page('more', { words: 2, order: 1 }),
      page('all', { all: true, words: 2, order: 2 }),
      page('heading', { headings: 1, words: 1, order: 3 }),
      page('phrase', { phrase: true, order: 4 }),
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['phrase', 'heading', 'all', 'more', 'few']);
  });

  it('keeps Pagefind’s order between equals', () => {
    expect(rankCandidates([page('b', { order: 2 }), page('a', { order: 1 })]).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('counts terms found in headings, tolerating plural endings', () => {
    expect(termsInHeadings(['refund', 'account'], ['Request refunds', 'Sign in'])).toBe(1);
    expect(termsInHeadings(['klook'], ['Bought on Trip.com or Klook'])).toBe(1);
    expect(termsInHeadings(['注销'], ['注销账号（可选）'])).toBe(1);
  });
});
