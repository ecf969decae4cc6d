import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localeCodes, locales, pagefindIndex, type Locale } from '../../src/i18n/locales.ts';
import { searchGuide, type SearchEngine } from '../../src/lib/browser/search-core.ts';
import { outlinePath, type SearchOutline } from '../../src/lib/browser/search-outline.ts';
import { nodePagefind } from './pagefind-node.ts';
import type { SearchCases } from './search-cases.ts';

/** How one language did on one set of search cases. */
export interface QualityRow {
  locale: Locale;
  cases: number;
  /** Cases whose first result is a right page. */
  top1: number;
  /** Cases with a right page among the first three. */
  top3: number;
  /** Engine searches per query: mean and most. */
  callsMean: number;
  callsMax: number;
  misses: string[];
}

/** The topic slug of a result address: `/en/app/#x` → `app`, `/en/` → `index`. */
export function slugOf(url: string): string {
  return /^\/[^/]+\/(?:([^/#]+)\/)?/.exec(url)?.[1] ?? 'index';
}

/**
 * Runs every case of `cases` through the guide's search core against the site built in `dist`,
 * with the site's own Pagefind index and outline, and counts where the right page ranks.
 */
export async function searchQuality(dist: string, cases: SearchCases, only: readonly Locale[] = localeCodes): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  for (const locale of only) {
    const index = pagefindIndex(locale);
    const outline = JSON.parse(await readFile(join(dist, outlinePath(index)), 'utf8')) as SearchOutline;
    const pagefind = await nodePagefind(dist, index);
    let calls = 0;
    const counted: SearchEngine = { search: (q) => (calls++, pagefind.search(q)) };
    const row: QualityRow = { locale, cases: 0, top1: 0, top3: 0, callsMean: 0, callsMax: 0, misses: [] };
    for (const [query, expected] of cases[locale] ?? []) {
      calls = 0;
      const pages = await searchGuide(query, { engine: counted, language: locales[locale].search, pages: outline.pages, synonyms: outline.synonyms, absent: outline.absent });
      const slugs = pages.map((p) => slugOf(p.url));
      row.cases++;
      row.callsMean += calls;
      row.callsMax = Math.max(row.callsMax, calls);
      if (expected.includes(slugs[0] ?? '')) row.top1++;
      if (slugs.slice(0, 3).some((s) => expected.includes(s))) row.top3++;
      else row.misses.push(`“${query}” wants ${expected.join('|')}, got ${slugs.join(', ') || 'nothing'}`);
    }
    row.callsMean /= Math.max(row.cases, 1);
    rows.push(row);
  }
  return rows;
}
