/**
 * The search's one stemmer: cuts a word back to the stem its other forms share, so that a
 * reader's word and a heading's word compare by stem, and a Korean query word finds every form
 * of it on the pages.
 *
 * - Korean attaches particles and verb endings to the word (계정을, 삭제하려면). Pagefind has no
 *   Korean stemmer but matches a query word as the start of an indexed word, so a query cut to
 *   계정 and 삭제 finds every ending on the page.
 * - Words in Latin letters lose a plural or -ing/-ed ending ("refunds" counts for "refund"), so
 *   "top" still never matches "stop". Pagefind stems English queries itself; this is for
 *   comparing words with headings.
 */

/** Korean particles and endings, longest first; cut only when two syllables or more remain. */
const KOREAN_ENDINGS = [
  '하려면요', '하려면', '하는법', '하는데', '하나요', '할까요', '했는데', '했어요', '합니다', '하세요', '해야', '하기', '하는', '하고', '하면', '해요', '하다', '된',
  '에서는', '에서', '으로', '에게', '까지', '부터', '이나', '에는', '은요', '는요',
  '을', '를', '이', '가', '은', '는', '의', '에', '로', '와', '과', '도', '만', '요',
];
const HANGUL_WORD = /^\p{Script=Hangul}+$/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;

/**
 * Whether the search asks Pagefind for the stem of this query word rather than the word: Korean
 * words on the Korean pages, where Pagefind has no stemmer. Elsewhere Pagefind stems (English) or
 * the word has no endings to cut.
 */
export function stemsQueryWord(word: string, lang: string): boolean {
  return lang.toLowerCase().startsWith('ko') && HANGUL_WORD.test(word);
}

/**
 * A word's stem, lowercased: Korean endings cut in Hangul words, English endings in Latin ones
 * longer than four letters; any other word as it is.
 *
 * @example stem('삭제하려면') // '삭제'
 * @example stem('Refunds') // 'refund'
 * @example stem('top') // 'top'
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (HANGUL_WORD.test(w)) {
    const syllables = [...w].length;
    const ending = KOREAN_ENDINGS.find((e) => w.endsWith(e) && syllables - [...e].length >= 2);
    return ending ? w.slice(0, -ending.length) : w;
  }
  if (LATIN_WORD.test(w) && w.length > 4) return w.replace(/(ing|ed|es|s)$/, '');
  return w;
}
