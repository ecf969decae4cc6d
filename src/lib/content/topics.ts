/**
 * The guide's topics in reading order. Each is a page at `/<locale>/<topic>/` and a file
 * `content/<locale>/<topic>.mdx`; the overview is `content/<locale>/index.mdx` at `/<locale>/`.
 */
export const topics = ['preparation', 'app', 'website', 'support', 'pitfalls'] as const;

export type Topic = (typeof topics)[number];

/** A page of the guide: the overview (`index`) or one of the topics. */
export type PageSlug = 'index' | Topic;

/** The guide's pages in reading order. */
export const pageSlugs: readonly PageSlug[] = ['index', ...topics];

export function isPageSlug(slug: string): slug is PageSlug {
  return (pageSlugs as readonly string[]).includes(slug);
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
