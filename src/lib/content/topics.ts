/**
 * The guide's topics in reading order. Each is a page at `/<locale>/<topic>/` and a file
 * `content/<locale>/<topic>.mdx`; the overview is `content/<locale>/index.mdx` at `/<locale>/`.
 */
export const topics = ['preparation', 'app', 'website', 'support', 'pitfalls'] as const;

export type Topic = (typeof topics)[number];

/**
 * A page made up by the benchmark's scale mode (`npm run bench -- --scale N`, scripts/bench.ts),
 * which builds a throw-away copy of the project with N files `synthetic-<n>.mdx` per locale.
 */
export type SyntheticSlug = `synthetic-${number}`;

/** A page of the guide: the overview (`index`), one of the topics, or (in the benchmark only) a synthetic page. */
export type PageSlug = 'index' | Topic | SyntheticSlug;

/** The guide's pages in reading order; synthetic pages are never among them. */
export const pageSlugs: readonly PageSlug[] = ['index', ...topics];

/**
 * Whether synthetic pages are let through: only when the build runs with GUIDE_SYNTHETIC_PAGES=1,
 * as the benchmark's scale mode does. They are then routed and indexed like topics, outside the
 * navigation and the reading order. In every other build the content checks refuse such a file
 * like any other unknown page. The one place that reads the variable.
 */
function syntheticPagesAllowed(): boolean {
  return typeof process !== 'undefined' && process.env?.GUIDE_SYNTHETIC_PAGES === '1';
}

export function isPageSlug(slug: string): slug is PageSlug {
  return (pageSlugs as readonly string[]).includes(slug) || (syntheticPagesAllowed() && /^synthetic-[0-9]+$/.test(slug));
}

/**
 * The previous and next page in reading order, for the links at the end of a page.
 *
 * @example neighbours('app') // { prev: 'preparation', next: 'website' }
 */
export function neighbours(slug: PageSlug): { prev?: PageSlug; next?: PageSlug } {
  const i = pageSlugs.indexOf(slug);
  if (i < 0) return {};
  return { prev: pageSlugs[i - 1], next: pageSlugs[i + 1] };
}
