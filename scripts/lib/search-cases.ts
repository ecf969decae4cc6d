import { readFileSync } from 'node:fs';

/**
 * The search-quality query sets, per locale: each case is a query and the topic slugs of which
 * one must rank in the top three. `search-cases.json` is the set the search was tuned on;
 * `search-holdout.json` was written separately and is never used to tune anything.
 */
export type SearchCases = Record<string, [query: string, topics: string[]][]>;

export type SearchCaseFile = 'search-cases.json' | 'search-holdout.json';

export function readSearchCases(file: SearchCaseFile): SearchCases {
  return JSON.parse(readFileSync(new URL(`../../tests/${file}`, import.meta.url), 'utf8')) as SearchCases;
}
