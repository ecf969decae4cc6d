/**
 * Word breaks for the search index, in scripts that Pagefind cannot split.
 *
 * Pagefind splits words on whitespace, and its extended build segments Chinese, Japanese and
 * Thai. Khmer (like Lao and Burmese) is written without spaces between words, so a Khmer page
 * would be indexed as a few very long "words" and a reader's word inside them never found.
 * Before indexing, the build marks each word break found by `Intl.Segmenter` (ICU's Khmer
 * dictionary) with `WORD_BREAK`; the search code segments queries the same way. The reader's
 * page is never changed: only the copy handed to Pagefind.
 *
 * `WORD_BREAK` is U+2063 INVISIBLE SEPARATOR and a space. Pagefind splits on the space and
 * drops the separator from the indexed word, but keeps it in the stored text, so the search
 * code can remove exactly the breaks it added (`unsegment`) and show excerpts as written.
 * (A zero-width space would not do: Pagefind deletes it instead of splitting on it.)
 */
export const WORD_BREAK = '\u2063 ';

/** Scripts written without spaces that Pagefind does not segment itself. */
const UNSEGMENTED = /[\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u;
const ENDS_UNSEGMENTED = /[\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]$/u;

/** True when `text` holds a script whose words Pagefind cannot find without help. */
export function needsWordBreaks(text: string): boolean {
  return UNSEGMENTED.test(text);
}

/**
 * Marks the word breaks inside runs of Khmer, Lao or Burmese text; anything else is returned
 * as it was. Spaces the writer typed stay plain spaces.
 *
 * @example markWordBreaks('លុបគណនី', 'km') // 'លុប\u2063 គណនី'
 */
export function markWordBreaks(text: string, lang: string): string {
  if (!needsWordBreaks(text)) return text;
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  let out = '';
  let previousWasUnsegmentedWord = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const unsegmentedWord = Boolean(isWordLike) && needsWordBreaks(segment);
    if (unsegmentedWord && previousWasUnsegmentedWord) out += WORD_BREAK;
    out += segment;
    previousWasUnsegmentedWord = unsegmentedWord;
  }
  return out;
}

/** Tags and the contents of elements whose text is not prose. */
const MARKUP = /<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>/gi;
/** Elements that sit inside a line of text, so the words on either side touch. */
const INLINE_TAG = /^<\/?(a|abbr|b|bdi|bdo|cite|code|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b/i;
const STARTS_UNSEGMENTED = /^[\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u;

/**
 * Marks word breaks in the text of an HTML document, leaving tags, attributes, scripts and
 * styles alone. Where a word ends at an inline element and another begins right after it
 * (`<strong>គណនី</strong>របស់`), a break is marked too: Pagefind would glue the two together.
 */
export function markWordBreaksInHtml(html: string, lang: string): string {
  if (!needsWordBreaks(html)) return html;
  const pieces: { text: string; markup: boolean }[] = [];
  let last = 0;
  for (const match of html.matchAll(MARKUP)) {
    pieces.push({ text: html.slice(last, match.index), markup: false }, { text: match[0], markup: true });
    last = match.index + match[0].length;
  }
  pieces.push({ text: html.slice(last), markup: false });
  return pieces
    .map((piece, i) => {
      if (piece.markup) return piece.text;
      const marked = markWordBreaks(piece.text, lang);
      if (!ENDS_UNSEGMENTED.test(marked)) return marked;
      let j = i + 1;
      while (pieces[j]?.markup && INLINE_TAG.test(pieces[j]!.text)) j++;
      const next = pieces[j];
      const touches = j > i + 1 && next !== undefined && !next.markup && STARTS_UNSEGMENTED.test(next.text);
      return touches ? marked + WORD_BREAK : marked;
    })
    .join('');
}

/**
 * Removes the word breaks the build added, so an excerpt or title from the index reads as the
 * page does. Works on Pagefind's excerpts, where a `</mark>` may stand between the separator
 * and its space.
 *
 * @example unsegment('<mark>លុប\u2063</mark> គណនី') // '<mark>លុប</mark>គណនី'
 */
export function unsegment(text: string): string {
  return text.replace(/\u2063((?:<\/mark>)?) ?/g, '$1');
}
