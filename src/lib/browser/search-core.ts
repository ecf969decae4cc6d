import { outlineEntry, type Outline } from './search-outline';
import { isUnspaced, planSearch } from './search-plan';
import { rankCandidates, rankSubResults, termWeights, termsInHeadings, type Candidate, type SubResult } from './search-rank';
import { unsegment } from './segment';
import { concepts, type Concept } from './synonyms';

/**
 * The guide's search: a reader's query in, the best pages out, each with its best sections.
 * It plans the Pagefind searches (search-plan.ts), asks the engine it is given, merges what they
 * found and ranks it (search-rank.ts). The engine is Pagefind in the browser; a test passes a fake.
 */

/** A page as the engine describes it (Pagefind's `data()`). */
export interface EnginePage {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: SubResult[];
  /** Every element with an id on the page: its section headings, matched or not. */
  anchors?: { element: string; id: string; text: string }[];
}

/** One page an engine search found; its data costs a fetch, so it is read only when needed. */
export interface EngineResult {
  id: string;
  data: () => Promise<EnginePage>;
}

/** The part of Pagefind's API the search uses. */
export interface SearchEngine {
  search: (query: string) => Promise<{ results: EngineResult[] }>;
}

/** What the search knows about the language it searches (search-outline.ts). */
export interface SearchContext {
  engine: SearchEngine;
  /** The pages' language, as in `<html lang>`. */
  language: string;
  /** Title and headings of each page by engine id; a page missing here is read from its data. */
  pages: Outline;
  /** The language's synonym groups: a page holding a synonym of a query word matches it. */
  synonyms?: readonly (readonly string[])[];
  /** Forms that occur on no page: never searched for, as each search loads a piece of the index. */
  absent?: readonly string[];
  /** Pages returned; each costs its data (2–6 KB) on a first search. */
  maxPages?: number;
}

/**
 * Pages shown. Three pages of a six-page guide hold the answer (the search-quality suite asks
 * for the right topic among the first three); a fourth would cost a reader on roaming data 4 KB more.
 */
export const MAX_PAGES = 3;

/** The query's words with their synonyms (see synonyms.ts), or nothing for a query without words. */
export function queryConcepts(query: string, language: string, synonyms: readonly (readonly string[])[] = []): Concept[] {
  const plan = planSearch(query, language);
  return plan ? concepts(query, plan.terms, synonyms) : [];
}

/** Where a query word stands in a heading, by any of its forms (the word or a synonym). */
function conceptsIn(wanted: Concept[], headings: string[]): string[] {
  return wanted.filter((c) => termsInHeadings(c.forms, headings).length > 0).map((c) => c.term);
}

/** The engine query for one form of a word: quoted where Pagefind would split it into characters, or where it is several words. */
function formQuery(form: string, strict: boolean): string {
  return strict || isUnspaced(form) || /\s/.test(form) ? `"${form}"` : form;
}

/**
 * Pages matching the query, best first, each with its best sections, in the text the reader sees.
 *
 * @example await searchGuide('refund', { engine: pagefind, language: 'en', pages: outline.pages })
 */
export async function searchGuide(query: string, context: SearchContext): Promise<EnginePage[]> {
  const { engine, language, pages: outline, synonyms = [], absent = [], maxPages = MAX_PAGES } = context;
  const plan = planSearch(query, language);
  if (!plan) return [];
  const wanted = concepts(query, plan.terms, synonyms);
  const missing = new Set(absent.map((f) => f.toLowerCase()));
  const holds = (form: string) => !missing.has(form.toLowerCase());
  // Each distinct engine query once: a synonym can repeat another word's query, and in scripts
  // without spaces a one-word query is its own phrase.
  const asked = new Map<string, Promise<EngineResult[]>>();
  const ask = (q: string | undefined): Promise<EngineResult[]> => {
    if (!q) return Promise.resolve([]);
    if (!asked.has(q)) asked.set(q, engine.search(q).then((r) => r.results));
    return asked.get(q)!;
  };
  // One search per form of each word: the plan's own query for the word itself, then its synonyms.
  const queries = wanted.map((c, i) =>
    c.forms.map((form, k) => (!holds(form) ? undefined : k === 0 && i < plan.words.length ? plan.words[i]! : formQuery(form, plan.strict))),
  );
  // A query word no page holds: the phrase and all-words searches cannot match either.
  const whole = plan.terms.every(holds);
  const [phrase, all, ...flat] = await Promise.all([ask(whole ? plan.phrase : undefined), ask(whole ? plan.all : undefined), ...queries.flat().map(ask)]);
  let at = 0;
  const perConcept = queries.map((forms) => {
    const results = flat.slice(at, at + forms.length);
    at += forms.length;
    return [...new Map(results.flat().map((r) => [r.id, r])).values()];
  });
  // An exact-phrase search only says whether a page holds the phrase; Pagefind scores and
  // excerpts come from the plain searches, except where plain search splits words into
  // characters (plan.strict): there the strictest search that found a page shows it.
  const sources = plan.strict ? [phrase!, all!, ...perConcept] : [all!, ...perConcept, phrase!];
  const found = new Map<string, { result: EngineResult; candidate: Candidate }>();
  sources.forEach((results, tier) => {
    results.forEach((result, order) => {
      if (found.has(result.id)) return;
      found.set(result.id, { result, candidate: { id: result.id, order: tier * 1000 + order, phrase: false, all: false, matched: [], inTitle: [], inHeadings: [] } });
    });
  });
  const mark = (results: EngineResult[], apply: (c: Candidate) => void) => results.forEach((r) => apply(found.get(r.id)!.candidate));
  mark(phrase!, (c) => (c.phrase = true));
  perConcept.forEach((results, i) => mark(results, (c) => c.matched.push(wanted[i]!.term)));
  mark(all!, (c) => (c.all = true));
  const weights = termWeights(Object.fromEntries(wanted.map((c, i) => [c.term, perConcept[i]?.length ?? 0])), found.size);
  // Titles and headings weigh in the ranking; the outline has them without fetching the page's data.
  const matches = [...found.values()].map((f) => f.candidate);
  const fetched = new Map<string, EnginePage>();
  const read = async (c: Candidate) => {
    const page = readable(await found.get(c.id)!.result.data());
    fetched.set(c.id, page);
    return page;
  };
  await Promise.all(
    matches.map(async (c) => {
      const [title = '', ...headings] = outline[c.id] ?? outlineEntry(await read(c));
      c.inTitle = conceptsIn(wanted, [title]);
      c.inHeadings = conceptsIn(wanted, headings);
    }),
  );
  const best = rankCandidates(matches, weights).slice(0, maxPages);
  const data = new Map(await Promise.all(best.map(async (c) => [c.id, fetched.get(c.id) ?? (await read(c))] as const)));
  const forms = wanted.flatMap((c) => c.forms);
  return best.map((c) => {
    const page = data.get(c.id)!;
    return { ...page, sub_results: rankSubResults([...headingSections(page, forms), ...page.sub_results], page.url, forms) };
  });
}

/** Removes the word breaks the build marked in Khmer text for the index, so results read as the page does. */
function readable(page: EnginePage): EnginePage {
  return {
    ...page,
    excerpt: unsegment(page.excerpt),
    meta: { ...page.meta, title: page.meta.title === undefined ? undefined : unsegment(page.meta.title) },
    sub_results: page.sub_results.map((s) => ({ ...s, title: unsegment(s.title), excerpt: unsegment(s.excerpt) })),
    anchors: page.anchors?.map((a) => ({ ...a, text: unsegment(a.text) })),
  };
}

/**
 * Sections whose heading names a search term, from the page's anchors. Exact-phrase searches
 * report only a page's first match, so without these the best section could be missing.
 */
function headingSections(page: EnginePage, terms: string[]): SubResult[] {
  return (page.anchors ?? [])
    .filter((a) => /^h[23]$/.test(a.element) && a.id && termsInHeadings(terms, [a.text]).length > 0)
    .map((a) => ({ title: a.text, url: `${page.url}#${a.id}`, excerpt: '' }))
    .filter((h) => !page.sub_results.some((s) => s.url === h.url));
}
