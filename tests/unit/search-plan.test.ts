import { describe, expect, it } from 'vitest';
import { isUnspaced, planSearch, queryWords, rankCandidates, scoreCandidate, termWeights, termsInHeadings, unspacedTerms, type Candidate } from '../../src/lib/search-plan';
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
    expect(planSearch('注销前要准备什么', 'zh-Hans')?.terms).toEqual(['注销', '销前', '准备']);
    expect(planSearch('どこで買ったかわからない', 'ja')?.terms).not.toContain('ない');
    expect(planSearch('what is', 'en')?.terms).toEqual(['what', 'is']);
    expect(planSearch('Klook', 'en')).toEqual({ strict: false, words: ['Klook'], terms: ['Klook'] });
    expect(planSearch('what is Klook', 'en')).toEqual({ phrase: '"what is Klook"', strict: false, all: 'Klook', words: ['Klook'], terms: ['Klook'] });
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
    expect(planSearch('back up messages', 'en')?.terms).toEqual(['messages']);
  });
});

describe('ranking', () => {
  const page = (id: string, over: Partial<Candidate> = {}): Candidate => ({ id, order: 0, phrase: false, all: false, matched: [], inTitle: [], inHeadings: [], ...over });

  it('weighs terms by how few pages hold them', () => {
    const weights = termWeights({ common: 6, rare: 1, none: 0 }, 6);
    expect(weights.common).toBeCloseTo(Math.log(7 / 6));
    expect(weights.rare).toBeCloseTo(Math.log(7));
    expect(weights.none).toBeCloseTo(Math.log(7));
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
    expect(scoreCandidate(page('x', { inHeadings: ['准备'] }), weights)).toBeCloseTo(weights['准备']!);
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
  });
});

describe('languages Pagefind does not segment', () => {
  it('gives Khmer queries the same word breaks as the index', () => {
    expect(planSearch('លុបគណនី', 'km')).toEqual({ phrase: '"លុប គណនី"', strict: true, all: '"លុប" "គណនី"', words: ['"លុប"', '"គណនី"'], terms: ['លុប', 'គណនី'] });
  });

  it('cuts Korean particles and 하다 endings, so any form of the word is found', async () => {
    const { stemQueryWord } = await import('../../src/lib/stemming');
    expect(stemQueryWord('계정을', 'ko')).toBe('계정');
    expect(stemQueryWord('삭제하려면', 'ko')).toBe('삭제');
    expect(stemQueryWord('고객센터에', 'ko')).toBe('고객센터');
    // Too short to hold a particle, or not Korean: left alone.
    expect(stemQueryWord('속도', 'ko')).toBe('속도');
    expect(stemQueryWord('refunds', 'ko')).toBe('refunds');
    expect(stemQueryWord('계정을', 'ja')).toBe('계정을');
    expect(planSearch('계정을 삭제하려면', 'ko')?.terms).toEqual(['계정', '삭제']);
  });
});
