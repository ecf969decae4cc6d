import { termsInHeadings } from './search-plan';

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
 *
 * @example rankSubResults(subs, '/en/app/', ['refund']).map((s) => s.url) // ['/en/app/#request-a-refund', …]
 */
export function rankSubResults(subs: SubResult[], pageUrl: string, terms: string[] = [], keep = 3): SubResult[] {
  const strength = (s: SubResult) =>
    s.weighted_locations?.reduce((sum, w) => sum + w.balanced_score, 0) ?? s.locations?.length ?? 0;
  return subs
    .map((s, i) => ({ s, i, heading: termsInHeadings(terms, [s.title]).length, strength: strength(s) }))
    // The page-top match (no #section) is only useful when nothing more specific matched.
    .filter(({ s }, _, all) => s.url !== pageUrl || all.length === 1)
    .sort((a, b) => b.heading - a.heading || b.strength - a.strength || a.i - b.i)
    .slice(0, keep)
    .map(({ s }) => s);
}
