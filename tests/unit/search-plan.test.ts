import { describe, expect, it } from 'vitest';
import { isUnspaced, planSearch, queryWords, splitScripts, unspacedTerms } from '../../src/lib/browser/search-plan';
import { stem } from '../../src/lib/browser/stemming';
import { isStopWord } from '../../src/lib/browser/stop-words';

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

describe('words glued across scripts', () => {
  it('are split where Latin letters or digits meet Thai, Khmer, Chinese, Japanese or Korean', () => {
    expect(splitScripts('ลบesimยังไง')).toBe('ลบ esim ยังไง');
    expect(splitScripts('Airaloคืนเงิน')).toBe('Airalo คืนเงิน');
    expect(splitScripts('លុបeSIMចេញ')).toBe('លុប eSIM ចេញ');
    expect(splitScripts('eSIM삭제방법')).toBe('eSIM 삭제방법');
    expect(splitScripts('Nomadの注文')).toBe('Nomad の注文');
    expect(splitScripts('14天内退款')).toBe('14 天内退款');
    // Within one script, and between Latin words, nothing changes.
    expect(splitScripts('Trip.com refund')).toBe('Trip.com refund');
    expect(splitScripts('hoàn tiền airalo')).toBe('hoàn tiền airalo');
    expect(splitScripts('注销账号')).toBe('注销账号');
  });

  it('so the brand and the phrase are searched as words of their own', () => {
    expect(planSearch('ลบesimยังไง', 'th')?.terms).toContain('esim');
    expect(planSearch('eSIM삭제', 'ko')?.terms).toEqual(['eSIM', '삭제']);
  });
});

describe('languages Pagefind does not segment', () => {
  it('gives Khmer queries the same word breaks as the index', () => {
    expect(planSearch('លុបគណនី', 'km')).toEqual({ phrase: '"លុប គណនី"', strict: true, all: '"លុប" "គណនី"', words: ['"លុប"', '"គណនី"'], terms: ['លុប', 'គណនី'] });
  });

  it('cuts Korean particles and 하다 endings, so any form of the word is found', () => {
    expect(stem('계정을')).toBe('계정');
    expect(stem('삭제하려면')).toBe('삭제');
    expect(stem('고객센터에')).toBe('고객센터');
    // Too short to hold a particle: left alone.
    expect(stem('속도')).toBe('속도');
    expect(planSearch('계정을 삭제하려면', 'ko')?.terms).toEqual(['계정', '삭제']);
    // Only Korean words on Korean pages are cut before Pagefind sees them (it stems English itself).
    expect(planSearch('refunds 계정을', 'ko')?.terms).toEqual(['refunds', '계정']);
    expect(planSearch('계정을', 'ja')?.terms).toEqual(['계정을']);
  });

  it('has one stemmer, for headings as for queries: English endings off longer Latin words', () => {
    expect(stem('Refunds')).toBe('refund');
    expect(stem('deleting')).toBe('delet');
    expect(stem('deleted')).toBe('delet');
    expect(stem('top')).toBe('top');
    expect(stem('注销')).toBe('注销');
  });
});
