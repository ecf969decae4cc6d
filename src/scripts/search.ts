/**
 * The search experience, loaded on demand. It asks Pagefind (the index of the page's own
 * language) and lists pages with their matching sections, each linking to `/<locale>/<topic>/#<id>`.
 */
import { fillTemplate } from '../lib/format';
import { planSearch, rankCandidates, termWeights, termsInHeadings, type Candidate } from '../lib/search-plan';
import { rankSubResults, type SubResult } from '../lib/search-results';

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

interface Messages {
  loading: string;
  results: string;
  empty: string;
  error: string;
  prompt: string;
}

const MAX_PAGES = 6;
const DEBOUNCE_MS = 120;

let engine: Promise<Pagefind> | undefined;

/** Loads Pagefind once; the path is built at run time so the bundler leaves it to the browser. */
function loadEngine(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  engine ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 18 });
    await pagefind.init();
    return pagefind;
  });
  return engine;
}

/** How many candidate pages the ranking looks at; the rest are too weak to show. */
const MAX_CANDIDATES = 20;

/** Pages matching the query, best first, each with its best sections (see `search-plan.ts`). */
export async function searchGuide(query: string, language: string): Promise<PagefindResultData[]> {
  const pagefind = await loadEngine();
  const plan = planSearch(query, language);
  if (!plan) return [];
  const ask = async (q: string | undefined) => (q ? (await pagefind.search(q)).results : []);
  const [phrase = [], all = [], ...perWord] = await Promise.all([ask(plan.phrase), ask(plan.all), ...plan.words.map(ask)]);
  // An exact-phrase search only says whether a page holds the phrase; Pagefind scores and
  // excerpts come from the plain searches, except where plain search splits words into
  // characters (plan.strict): there the strictest search that found a page shows it.
  const sources = plan.strict ? [phrase, all, ...perWord] : [all, ...perWord, phrase];
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
  perWord.forEach((results, i) => mark(results, (c) => c.matched.push(plan.terms[i]!)));
  const weights = termWeights(Object.fromEntries(plan.terms.map((t, i) => [t, perWord[i]?.length ?? 0])), found.size);
  const candidates = rankCandidates([...found.values()].map((f) => f.candidate), weights).slice(0, MAX_CANDIDATES);
  const data = new Map(
    await Promise.all(candidates.map(async (c) => [c.id, await found.get(c.id)!.result.data()] as const)),
  );
  for (const c of candidates) {
    const page = data.get(c.id)!;
    const headings = page.anchors?.filter((a) => /^h[23]$/.test(a.element)).map((a) => a.text) ?? page.sub_results.map((s) => s.title);
    c.inTitle = termsInHeadings(plan.terms, [page.meta.title ?? '']);
    c.inHeadings = termsInHeadings(plan.terms, headings);
  }
  return rankCandidates(candidates, weights)
    .slice(0, MAX_PAGES)
    .map((c) => {
      const page = data.get(c.id)!;
      return { ...page, sub_results: rankSubResults([...headingSections(page, plan.terms), ...page.sub_results], page.url, plan.terms) };
    });
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
  return html.split(/(<mark>.*?<\/mark>)/).map((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    return marked ? el('mark', {}, decode(marked[1]!)) : document.createTextNode(decode(part));
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
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  const isPage = form.dataset.mode === 'page';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

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
    const query = input.value.trim();
    const ticket = ++latest;
    if (isPage) history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query) {
      if (isPage) show(messages.prompt);
      else close();
      status.textContent = '';
      return;
    }
    if (panel.hidden) show(messages.loading);
    try {
      const pages = await searchGuide(query, form.dataset.language ?? document.documentElement.lang);
      if (ticket !== latest) return;
      if (pages.length === 0) {
        show(fillTemplate(messages.empty, { query }), query);
        status.textContent = fillTemplate(messages.empty, { query });
        return;
      }
      const summary = fillTemplate(messages.results, { query, count: pages.length });
      show(el('div', {}, el('p', { className: 'search-summary' }, summary), renderResults(pages)), query);
      status.textContent = summary;
    } catch {
      if (ticket === latest) show(messages.error, query);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
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
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (!isPage && input.value.trim() && panel.childElementCount > 0) panel.hidden = false;
  });

  if (isPage) {
    const q = new URLSearchParams(location.search).get('q') ?? '';
    if (q && !input.value) input.value = q;
  }
  if (input.value.trim()) void run();
}

export function startSearch(): void {
  document.querySelectorAll<HTMLFormElement>('[data-search-form]').forEach(wire);
  // The reader has reached for search: warm up the engine and index while they type.
  void loadEngine().catch(() => undefined);
}
