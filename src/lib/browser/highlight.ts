/**
 * Where search terms occur in a text, for highlighting them on the page a reader opened from a
 * search result. Words in spaced scripts match at a word start ("refund" in "refunds", not in
 * "prefund"), case-insensitively; in Chinese, Japanese, Thai and Khmer, anywhere.
 *
 * @example findTerms('Request a refund. Refunds take days.', ['refund']) // [[10, 16], [18, 24]]
 */
export function findTerms(text: string, terms: readonly string[]): [number, number][] {
  const escaped = terms
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (escaped.length === 0) return [];
  // A letter or digit before a Latin, Cyrillic, Greek, Hangul or Vietnamese term means it is mid-word.
  const pattern = new RegExp(escaped.map((t) => (/^[\p{Script=Latin}\p{Script=Hangul}\p{N}]/u.test(t) ? `(?<![\\p{L}\\p{N}])${t}` : t)).join('|'), 'giu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** What the search code leaves for the page a result opens (in `sessionStorage`). */
export interface LandingHighlight {
  /** The result's path, without `#`. */
  path: string;
  terms: string[];
}

export { HIGHLIGHT_KEY } from './highlight-key';
