/**
 * Reading and writing parts of the page's address safely. An address is typed or pasted by
 * anyone: a malformed escape (`/en/app/#%`) must not break the page, and a query must not grow
 * the address past what a server accepts (nginx answers 414 above 8 KB by default).
 */

/**
 * The most characters of a search query kept: a whole question in any language, and at most
 * 200 × 9 bytes once percent-encoded (a Khmer or Chinese character takes 9), far under 8 KB.
 */
export const MAX_QUERY_LENGTH = 200;

/**
 * decodeURIComponent that never throws: a malformed escape leaves the text as it is.
 *
 * @example decodeSafely('%E9%80%80') // '退'
 * @example decodeSafely('%') // '%'
 */
export function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The section id in a location hash (`#request-a-refund`), decoded; '' when there is none.
 *
 * @example fragmentId('#%E9%80%80') // '退'
 * @example fragmentId('#%') // '%'
 */
export function fragmentId(hash: string): string {
  return decodeSafely(hash.replace(/^#/, ''));
}

/**
 * A query cut to MAX_QUERY_LENGTH characters, never inside a character or a surrogate pair.
 *
 * @example clipQuery('退款'.repeat(150)).length // 200
 */
export function clipQuery(query: string): string {
  const chars = Array.from(query);
  return chars.length <= MAX_QUERY_LENGTH ? query : chars.slice(0, MAX_QUERY_LENGTH).join('');
}
