import { readFileSync } from 'node:fs';

/**
 * The search-quality query sets, per locale: each case is a query and the topic slugs of which
 * one must rank in the top three. `search-cases.json` is the set the search was tuned on;
 * `search-holdout.json` was written separately and is never used to tune anything, and so is
 * `search-holdout-kinds.json` (20 per language, written from the articles alone before the
 * search was tuned for issue 18's kinds: Latin glued to other scripts, names in local script,
 * everyday and clipped words, deadline questions).
 */
export type SearchCases = Record<string, [query: string, topics: string[]][]>;

export type SearchCaseFile = 'search-cases.json' | 'search-holdout.json' | 'search-holdout-kinds.json';

export function readSearchCases(file: SearchCaseFile): SearchCases {
  return JSON.parse(readFileSync(new URL(`../../tests/${file}`, import.meta.url), 'utf8')) as SearchCases;
}
