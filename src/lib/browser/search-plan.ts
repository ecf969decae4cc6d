import { needsWordBreaks } from './segment';
import { isStopWord } from './stop-words';
import { stem, stemsQueryWord } from './stemming';

/**
 * How a reader's query becomes Pagefind searches (their results are ranked in search-rank.ts).
 *
 * Pagefind's plain search splits Chinese into single characters in places, so 注销 would also
 * match a page holding only 注册 and 销售; it returns nothing when one word of a question
 * matches nowhere; and an exact-phrase search ("…") loses Pagefind's scores. So the guide asks:
 *
 * - the whole query as an exact phrase;
 * - all its words together (each an exact phrase in scripts without spaces, where a "word" of
 *   Pagefind's would be a character; Pagefind's own stemmed search elsewhere);
 * - each meaningful word alone (stop words dropped).
 */

/** Scripts written without spaces between words, where Pagefind's character splitting misleads. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u;

export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** Latin letters and digits on one side, a script written without spaces (or Hangul) on the other. */
const SCRIPT_CHANGE = /(?<=[\p{Script=Latin}\p{N}])(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}])|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}])(?=[\p{Script=Latin}\p{N}])/gu;

/**
 * The query with a space wherever Latin letters or digits meet another script: readers type a
 * brand or "esim" inside a Thai, Khmer, Chinese, Japanese or Korean phrase without a space
 * (ลบesim, Airaloคืนเงิน, eSIM삭제), and a segmenter may keep such a run as one word.
 *
 * @example splitScripts('ลบesimยังไง') // 'ลบ esim ยังไง'
 */
export function splitScripts(query: string): string {
  return query.replace(SCRIPT_CHANGE, ' ');
}

/** Splits a query into words with the language's own segmenter (ICU dictionaries for CJK and Thai). */
export function queryWords(query: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(query.normalize('NFC'))) {
    const word = segment.trim().replace(/["“”]/g, '');
    if (isWordLike && word && !words.includes(word)) words.push(word);
  }
  return words;
}

/**
 * Words in scripts without spaces. ICU's dictionaries miss many modern words (注销, 续费, 客服
 * come out as single characters), so runs of single characters are joined back into one word;
 * for matching words one by one, long runs become overlapping pairs (注销前 → 注销, 销前), the
 * classic CJK bigram, and lone characters are dropped as too common.
 */
export function unspacedTerms(words: string[]): { words: string[]; pieces: string[] } {
  const joined: { text: string; run: boolean }[] = [];
  for (const word of words) {
    const last = joined.at(-1);
    const single = [...word].length === 1 && isUnspaced(word);
    if (single && last?.run) last.text += word;
    else joined.push({ text: word, run: single });
  }
  const pieces = joined.flatMap(({ text, run }) => {
    const chars = [...text];
    if (!run) return [text];
    if (chars.length === 1) return [];
    return chars.slice(1).map((c, i) => chars[i] + c);
  });
  return { words: joined.map((j) => j.text), pieces: [...new Set(pieces)] };
}

const quote = (text: string) => `"${text}"`;

export interface SearchPlan {
  /** The whole query as an exact phrase, when it has more than one word. */
  phrase?: string;
  /** True where Pagefind's plain search would split words into characters, so every search quotes. */
  strict: boolean;
  /** All words together, when that differs from the phrase. */
  all?: string;
  /** One Pagefind query per meaningful word: `words[i]` searches for `terms[i]`. */
  words: string[];
  /** The meaningful words as plain text, to weigh them and find them in headings. */
  terms: string[];
}

/**
 * @example planSearch('注销原因', 'zh-Hans')
 * // { phrase: '"注销原因"', strict: true, all: '"注销" "原因"', words: ['"注销"', '"原因"'], terms: ['注销', '原因'] }
 */
export function planSearch(query: string, lang: string): SearchPlan | undefined {
  const text = splitScripts(query.trim()).replace(/\s+/g, ' ').replace(/["“”]/g, '');
  const words = queryWords(text, lang);
  if (words.length === 0) return undefined;
  const meaningful = (list: string[]) => {
    const kept = list.filter((w) => !isStopWord(w, lang));
    return kept.length > 0 ? kept : list;
  };
  if (!isUnspaced(text)) {
    const terms = meaningful(words).map((w) => (stemsQueryWord(w, lang) ? stem(w) : w));
    if (words.length === 1) return { strict: false, words: terms, terms };
    return { phrase: quote(text), strict: false, all: terms.join(' '), words: terms, terms };
  }
  // Stop words go before single characters are joined, so 的 or で never glue onto a real word.
  const { words: joined, pieces } = unspacedTerms(meaningful(words));
  // Khmer pages are indexed with their word breaks marked (see segment.ts), so the phrase is
  // the query's words with the same breaks; Pagefind segments Chinese, Japanese and Thai itself.
  const phrase = quote(needsWordBreaks(text) ? joined.join(' ') : text);
  const all = joined.map(quote).join(' ');
  const terms = meaningful(pieces.length > 0 ? pieces : joined);
  return { phrase, strict: true, all: all === phrase ? undefined : all, words: terms.map(quote), terms };
}
