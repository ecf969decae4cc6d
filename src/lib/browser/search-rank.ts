import { isUnspaced } from './search-plan';
import { stem } from './stemming';

/**
 * How the search orders what Pagefind found: pages by a score (`scoreCandidate`), and each
 * page's sections (`rankSubResults`). The searches themselves are planned in search-plan.ts.
 */

/** What the ranking knows about one page. */
export interface Candidate {
  id: string;
  /** Position in Pagefind's own order for the search that found it (lower is better). */
  order: number;
  /** The page holds the whole query as a phrase. */
  phrase: boolean;
  /** The page holds every word of the query, by some form of each. */
  all: boolean;
  /** The query's words the page matches, by any of their forms. */
  matched: string[];
  /** Words in the page title, and in its section headings. */
  inTitle: string[];
  inHeadings: string[];
}

/**
 * How telling each term is: a term on every page found says little, a term on one page a lot
 * (inverse document frequency over the pages the searches found).
 */
export function termWeights(pagesPerTerm: Record<string, number>, pages: number): Record<string, number> {
  return Object.fromEntries(Object.entries(pagesPerTerm).map(([term, n]) => [term, Math.log((pages + 1) / Math.max(n, 1))]));
}

/**
 * A page's score: the exact phrase counts most, then all words together, then each term by
 * how telling it is, once for matching and again for standing in a heading (twice in the title:
 * a section about the thing beats a passing mention).
 */
export function scoreCandidate(c: Candidate, weights: Record<string, number>): number {
  const w = (terms: string[]) => terms.reduce((sum, t) => sum + (weights[t] ?? 0), 0);
  return (c.phrase ? 10 : 0) + (c.all ? 4 : 0) + w(c.matched) + w(c.inHeadings) + 2 * w(c.inTitle);
}

/** Pages best first by score; Pagefind's order between equals. */
export function rankCandidates<T extends Candidate>(candidates: T[], weights: Record<string, number> = {}): T[] {
  const scored = candidates.map((c) => ({ c, score: scoreCandidate(c, weights) }));
  return scored.sort((a, b) => b.score - a.score || a.c.order - b.c.order).map(({ c }) => c);
}

/** Text as its words' stems, each between spaces: " turn off auto top up ". */
const stems = (text: string) => ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem).join(' ')} `;

/**
 * The terms that appear in any of the headings: as whole words (by stem) in spaced scripts, so
 * "top" does not match "stop" and "money back" matches "Money back?"; as a substring where words
 * are not separated by spaces.
 */
export function termsInHeadings(terms: readonly string[], headings: readonly string[]): string[] {
  const text = headings.join('\n').toLowerCase();
  const words = headings.map(stems);
  return terms.filter((t) => (isUnspaced(t) ? text.includes(t.toLowerCase()) : stems(t).trim() !== '' && words.some((w) => w.includes(stems(t)))));
}

/** A section-level match as Pagefind returns it. */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

/**
 * Orders a page's section matches (Pagefind lists them in page order): sections whose heading
 * names the search terms first, then by how strongly they match, and keeps the best few.
 */
export function rankSubResults(subs: SubResult[], pageUrl: string, terms: readonly string[] = [], keep = 3): SubResult[] {
  const strength = (s: SubResult) => s.weighted_locations?.reduce((sum, w) => sum + w.balanced_score, 0) ?? s.locations?.length ?? 0;
  return (
    subs
      .map((s, i) => ({ s, i, heading: termsInHeadings(terms, [s.title]).length, strength: strength(s) }))
      // The page-top match (no #section) is only useful when nothing more specific matched.
      .filter(({ s }, _, all) => s.url !== pageUrl || all.length === 1)
      .sort((a, b) => b.heading - a.heading || b.strength - a.strength || a.i - b.i)
      .slice(0, keep)
      .map(({ s }) => s)
  );
}
