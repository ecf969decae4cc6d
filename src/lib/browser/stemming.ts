/**
 * Light query stemming where Pagefind has none. Pagefind matches a query word as the start of
 * an indexed word, so a query word cut back to its stem finds every inflected form on the page.
 *
 * Korean attaches particles and verb endings to the word (계정을, 삭제하려면): a reader who types
 * 삭제하려면 would find only pages with that exact ending, never 삭제합니다. Cutting the ending
 * (a particle, or 하다-verb endings after a Sino-Korean noun) leaves 계정 and 삭제, which match all forms.
 */

/** Korean particles and endings, longest first; cut only when two syllables or more remain. */
const KOREAN_ENDINGS = [
  '하려면요', '하려면', '하는법', '하는데', '하나요', '할까요', '했는데', '했어요', '합니다', '하세요', '해야', '하기', '하는', '하고', '하면', '해요', '하다', '된',
  '에서는', '에서', '으로', '에게', '까지', '부터', '이나', '에는', '은요', '는요',
  '을', '를', '이', '가', '은', '는', '의', '에', '로', '와', '과', '도', '만', '요',
];
const HANGUL_WORD = /^\p{Script=Hangul}+$/u;

/**
 * @example stemQueryWord('삭제하려면', 'ko') // '삭제'
 * @example stemQueryWord('계정을', 'ko') // '계정'
 */
export function stemQueryWord(word: string, lang: string): string {
  if (!lang.toLowerCase().startsWith('ko') || !HANGUL_WORD.test(word)) return word;
  const syllables = [...word].length;
  for (const ending of KOREAN_ENDINGS) {
    if (word.endsWith(ending) && syllables - [...ending].length >= 2) return word.slice(0, -ending.length);
  }
  return word;
}
