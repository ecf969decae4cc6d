/**
 * The search experience, loaded on demand. It asks Pagefind (the index of the page's own
 * language) and lists pages with their matching sections, each linking to `/<locale>/<topic>/#<id>`.
 */
import { clipQuery } from '../lib/address';
import { fillTemplate } from '../lib/format';
import { HIGHLIGHT_KEY, type LandingHighlight } from '../lib/highlight';
import type { SynonymGroups } from '../i18n/synonyms';
import { isUnspaced, planSearch, rankCandidates, termWeights, termsInHeadings, type Candidate } from '../lib/search-plan';
import { concepts, type Concept } from '../lib/synonyms';
import { outlineEntry, outlinePath, type SearchOutline } from '../lib/search-outline';
import { rankSubResults, type SubResult } from '../lib/search-results';
import { unsegment } from '../lib/segment';
import stylesUrl from '../styles/search-results.css?url';

interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: SubResult[];
  /** Every element with an id on the page: its section headings, matched or not. */
  anchors?: { element: string; id: string; text: string }[];
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] }>;
}

/** The messages the page carries (SearchForm.astro); the others come with the outline. */
interface PageMessages {
  loading: string;
  error: string;
}

/**
 * Pages shown, each with its best sections. Each costs its Pagefind fragment (2–6 KB) on the
 * first search, so the ranking picks them from the search results alone, and only these are
 * fetched. Three pages of a six-page guide hold the answer (the search-quality suite asks for
 * the right topic among the first three); a fourth would cost a reader on roaming data 4 KB more.
 */
const MAX_PAGES = 3;
const DEBOUNCE_MS = 120;

let engine: Promise<Pagefind> | undefined;

let outlines: Promise<SearchOutline> | undefined;

/**
 * The outline of this page's language (see search-outline.ts): page titles and headings,
 * synonyms, and the search's messages. A search cannot show its results without it; after a
 * failure (the connection dropped), the next search asks again.
 */
function loadOutline(): Promise<SearchOutline> {
  outlines ??= fetch(outlinePath(document.documentElement.lang.toLowerCase()))
    .then((r) => {
      if (!r.ok) throw new Error(`search outline: HTTP ${r.status}`);
      return r.json() as Promise<SearchOutline>;
    })
    .catch((error: unknown) => {
      outlines = undefined;
      throw error;
    });
  return outlines;
}

/** Loads Pagefind once; the path is built at run time so the bundler leaves it to the browser. */
function loadEngine(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  engine ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefind) => {
    // Pagefind's worker costs 12 KB more on the first search; six pages per language need no thread of their own.
    await pagefind.options({ excerptLength: 18, noWorker: true });
    await pagefind.init();
    return pagefind;
  });
  return engine;
}

/** Where a query word stands in a heading, by any of its forms (the word or a synonym). */
function conceptsIn(concepts: Concept[], headings: string[]): string[] {
  return concepts.filter((c) => termsInHeadings(c.forms, headings).length > 0).map((c) => c.term);
}

/** The Pagefind query for one form of a word: quoted where Pagefind would split it into characters, or where it is several words. */
function formQuery(form: string, strict: boolean): string {
  return strict || isUnspaced(form) || /\s/.test(form) ? `"${form}"` : form;
}

/**
 * Pages matching the query, best first, each with its best sections (see `search-plan.ts`).
 * `groups` are the locale's synonyms: a page that holds a synonym of a query word matches it.
 * `absent` are forms that occur on no page: they are not searched for, as each search loads
 * the piece of the index its words fall in.
 */
export async function searchGuide(query: string, language: string, groups: SynonymGroups = [], absent: readonly string[] = []): Promise<PagefindResultData[]> {
  const pagefind = await loadEngine();
  const plan = planSearch(query, language);
  if (!plan) return [];
  const wanted = concepts(query, plan.terms, groups);
  const missing = new Set(absent.map((f) => f.toLowerCase()));
  const holds = (form: string) => !missing.has(form.toLowerCase());
  const ask = async (q: string | undefined) => (q ? (await pagefind.search(q)).results : []);
  // One search per form of each word: the plan's own query for the word itself, then its synonyms.
  const queries = wanted.map((c, i) =>
    c.forms.map((form, k) => (!holds(form) ? undefined : k === 0 && i < plan.words.length ? plan.words[i]! : formQuery(form, plan.strict))),
  );
  // A query word no page holds: the phrase and all-words searches cannot match either.
  const whole = plan.terms.every(holds);
  const [phrase = [], all = [], ...flat] = await Promise.all([ask(whole ? plan.phrase : undefined), ask(whole ? plan.all : undefined), ...queries.flat().map(ask)]);
  let at = 0;
  const perConcept = queries.map((forms) => {
    const results = flat.slice(at, at + forms.length);
    at += forms.length;
    return [...new Map(results.flat().map((r) => [r.id, r])).values()];
  });
  // An exact-phrase search only says whether a page holds the phrase; Pagefind scores and
  // excerpts come from the plain searches, except where plain search splits words into
  // characters (plan.strict): there the strictest search that found a page shows it.
  const sources = plan.strict ? [phrase, all, ...perConcept] : [all, ...perConcept, phrase];
  const found = new Map<string, { result: PagefindResult; candidate: Candidate }>();
  sources.forEach((results, tier) => {
    results.forEach((result, order) => {
      if (found.has(result.id)) return;
      found.set(result.id, { result, candidate: { id: result.id, order: tier * 1000 + order, phrase: false, all: false, matched: [], inTitle: [], inHeadings: [] } });
    });
  });
  const mark = (results: PagefindResult[], apply: (c: Candidate) => void) => results.forEach((r) => apply(found.get(r.id)!.candidate));
  mark(phrase, (c) => (c.phrase = true));
  mark(all, (c) => (c.all = true));
  perConcept.forEach((results, i) => mark(results, (c) => c.matched.push(wanted[i]!.term)));
  const weights = termWeights(Object.fromEntries(wanted.map((c, i) => [c.term, perConcept[i]?.length ?? 0])), found.size);
  // Titles and headings weigh in the ranking. The outline has them for every page without its
  // fragment; a page it lacks (an outline from another build) is read from its fragment.
  const outline = (await loadOutline()).pages;
  const matches = [...found.values()].map((f) => f.candidate);
  const fetched = new Map<string, PagefindResultData>();
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
  const candidates = rankCandidates(matches, weights).slice(0, MAX_PAGES);
  const data = new Map(await Promise.all(candidates.map(async (c) => [c.id, fetched.get(c.id) ?? (await read(c))] as const)));
  const forms = wanted.flatMap((c) => c.forms);
  return candidates.map((c) => {
    const page = data.get(c.id)!;
    return { ...page, sub_results: rankSubResults([...headingSections(page, forms), ...page.sub_results], page.url, forms) };
  });
}

/** Removes the word breaks the build marked in Khmer text for the index, so results read as the page does. */
function readable(page: PagefindResultData): PagefindResultData {
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
function headingSections(page: PagefindResultData, terms: string[]): SubResult[] {
  return (page.anchors ?? [])
    .filter((a) => /^h[23]$/.test(a.element) && a.id && termsInHeadings(terms, [a.text]).length > 0)
    .map((a) => ({ title: a.text, url: `${page.url}#${a.id}`, excerpt: '' }))
    .filter((h) => !page.sub_results.some((s) => s.url === h.url));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** An excerpt from Pagefind: text with `<mark>` around matches. Rebuilt as nodes, never as raw HTML. */
function excerptNodes(html: string): Node[] {
  const decode = (text: string) => {
    // A textarea decodes entities without running or dropping anything, whitespace included.
    const area = document.createElement('textarea');
    area.innerHTML = text;
    return area.value;
  };
  return html.split(/(<mark>.*?<\/mark>)/).map((part, i) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    if (marked) return el('mark', {}, decode(marked[1]!));
    // Pagefind starts an excerpt mid-sentence, sometimes on the mark that ended the sentence
    // before ("）。用订单上…"). Closing and separating marks only: an opening one has its pair.
    const text = decode(part);
    return document.createTextNode(i === 0 ? text.replace(/^(?:(?!["'])[\p{Pe}\p{Pf}\p{Po}\p{Pd}\p{Z}\s])+/u, '') : text);
  });
}

function renderResults(pages: PagefindResultData[]): HTMLOListElement {
  const list = el('ol', { className: 'search-hits' });
  for (const page of pages) {
    const best = page.sub_results[0];
    const sections = el('ul', { className: 'hit-sections' });
    for (const sub of page.sub_results) {
      sections.append(
        el(
          'li',
          {},
          el(
            'a',
            { href: sub.url, className: 'hit-section' },
            el('span', { className: 'hit-section-title' }, sub.title),
            ...(sub.excerpt ? [el('span', { className: 'hit-excerpt' }, ...excerptNodes(sub.excerpt))] : []),
          ),
        ),
      );
    }
    list.append(el('li', { className: 'hit' }, el('a', { href: best?.url ?? page.url, className: 'hit-page' }, page.meta.title ?? page.url), sections));
  }
  return list;
}

function links(form: HTMLFormElement): HTMLAnchorElement[] {
  return [...form.querySelectorAll<HTMLAnchorElement>('[data-search-results] a')];
}

/** Wires one search form: typing searches, arrow keys walk the results, Escape closes them. */
function wire(form: HTMLFormElement): void {
  if (form.dataset.ready) return;
  form.dataset.ready = 'true';
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-results]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const inPage = JSON.parse(form.dataset.messages ?? '{}') as PageMessages;
  const isPage = form.dataset.mode === 'page';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const language = form.dataset.language ?? document.documentElement.lang;
  // The language's synonyms come with its outline, on the first search.
  let loaded: SynonymGroups = [];
  const outline = () => loadOutline().then((o) => ((loaded = o.synonyms), o));

  const show = (node: Node | string, query = '') => {
    panel.replaceChildren(typeof node === 'string' ? el('p', { className: 'search-message' }, node) : node);
    // Which query the panel shows, so scripts (and tests) can tell a stale panel from a fresh one.
    panel.dataset.query = query;
    panel.hidden = false;
  };
  const close = () => {
    if (!isPage) panel.hidden = true;
  };

  const run = async () => {
    const query = clipQuery(input.value.trim());
    const ticket = ++latest;
    if (isPage) history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query) {
      if (!isPage) close();
      else {
        const prompt = (await outline().catch(() => undefined))?.messages.prompt;
        if (ticket === latest) show(prompt ?? inPage.error);
      }
      status.textContent = '';
      return;
    }
    if (panel.hidden) show(inPage.loading);
    try {
      const { synonyms, absent, messages } = await outline();
      const pages = await searchGuide(query, language, synonyms, absent);
      if (ticket !== latest) return;
      if (pages.length === 0) {
        // What to try next: other words (the message), or every section of the guide (the search page lists them).
        const next = isPage ? [] : [el('p', { className: 'search-message' }, el('a', { href: form.action }, messages.allSections))];
        show(el('div', {}, el('p', { className: 'search-message' }, fillTemplate(messages.empty, { query })), ...next), query);
        status.textContent = fillTemplate(messages.empty, { query });
        return;
      }
      const summary = fillTemplate(messages.results, { query, count: pages.length });
      show(el('div', {}, el('p', { className: 'search-summary' }, summary), renderResults(pages)), query);
      status.textContent = summary;
    } catch {
      if (ticket === latest) show(inPage.error, query);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  // While an input method composes (Chinese, Japanese, Korean…), Enter confirms the text and
  // must neither submit nor open a result. Safari sends that Enter after compositionend, so the
  // composition counts as running until the next task.
  let composing = false;
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => setTimeout(() => (composing = false)));
  form.addEventListener('keydown', (event) => {
    if (event.isComposing || composing || event.key === 'Process') {
      if (event.key === 'Enter') event.preventDefault();
      return;
    }
    const all = links(form);
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && all.length > 0) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]!).focus();
    } else if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  // The page a result opens highlights the reader's terms (landing-highlight.ts).
  panel.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    const plan = planSearch(input.value, language);
    if (!link || !plan) return;
    const terms = concepts(input.value, plan.terms, loaded).flatMap((c) => c.forms);
    const note: LandingHighlight = { path: new URL(link.href).pathname, terms };
    try {
      sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify(note));
    } catch {
      // Without storage the result opens unhighlighted.
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (!isPage && input.value.trim() && panel.childElementCount > 0) panel.hidden = false;
  });

  if (isPage) {
    const q = clipQuery(new URLSearchParams(location.search).get('q') ?? '');
    if (q && !input.value) input.value = q;
  }
  if (input.value.trim()) void run();
}

/** The results' stylesheet, once; resolves when it applies (or failed: results then show unstyled). */
function loadStyles(): Promise<void> {
  if (document.querySelector(`link[href="${stylesUrl}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesUrl });
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

export async function startSearch(): Promise<void> {
  // The reader has reached for search: warm up the engine and index while they type.
  void loadEngine().catch(() => undefined);
  void loadOutline().catch(() => undefined);
  // Forms are wired once the results can be shown styled; what the reader typed meanwhile is searched then.
  await loadStyles();
  document.querySelectorAll<HTMLFormElement>('[data-search-form]').forEach(wire);
}
