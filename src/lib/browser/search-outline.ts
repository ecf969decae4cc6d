import { unsegment } from './segment';

/**
 * A language's page outlines for the search ranking: for each Pagefind page id, the page title
 * and its section headings. Pagefind tells which pages match without saying what they are; the
 * page's fragment (2–6 KB each) does. With the outlines (about 1 KB per language) the search
 * can rank every match by title and headings, and fetch fragments only for the pages it shows.
 */
export type Outline = Record<string, string[]>;

/**
 * The search's words that only a search shows, in the language of the outline. The two a reader
 * may see before it arrives, `loading` and `error`, stay in the page (SearchForm.astro).
 */
export interface SearchMessages {
  results: string;
  empty: string;
  prompt: string;
  allSections: string;
}

/**
 * What the search loads for a language besides Pagefind: the page outlines, the language's
 * synonym groups (src/i18n/synonyms/), which of their forms occur nowhere in its pages, and the
 * search's messages, which every page would otherwise carry unread.
 */
export interface SearchOutline {
  pages: Outline;
  synonyms: readonly (readonly string[])[];
  absent: string[];
  messages: SearchMessages;
}

/** Pagefind's fragment file format: gzip of `pagefind_dcd` followed by JSON. */
export interface Fragment {
  url: string;
  /** The page's indexed text. */
  content?: string;
  meta: { title?: string };
  anchors?: { element: string; id: string; text: string }[];
}

export function parseFragment(text: string): Fragment {
  return JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment;
}

/** One page's entry: its title, then its `h2`/`h3` headings, as the reader sees them. */
export function outlineEntry(fragment: Fragment): string[] {
  const headings = (fragment.anchors ?? []).filter((a) => /^h[23]$/.test(a.element)).map((a) => a.text);
  return [fragment.meta.title ?? '', ...headings].map((t) => unsegment(t).trim());
}

/** Where the search code finds a language's outline; `index` is Pagefind's language key. */
export const outlinePath = (index: string) => `/pagefind/outline/${index}.json`;
