/**
 * The search on the page, loaded on demand: loads Pagefind and the language's outline, runs the
 * search core (src/lib/browser/search-core.ts) as the reader types, and shows the results, each linking to
 * `/<locale>/<topic>/#<id>`.
 */
import { clipQuery } from '../lib/browser/address';
import { fillTemplate } from '../lib/browser/format';
import { HIGHLIGHT_KEY, type LandingHighlight } from '../lib/browser/highlight';
import { queryConcepts, searchGuide, type EnginePage, type SearchEngine } from '../lib/browser/search-core';
import { outlinePath, type SearchOutline } from '../lib/browser/search-outline';
import stylesUrl from '../styles/search-results.css?url';

interface Pagefind extends SearchEngine {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
}

/** The messages the page carries (SearchForm.astro); the others come with the outline. */
interface PageMessages {
  loading: string;
  error: string;
}

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

function renderResults(pages: EnginePage[]): HTMLOListElement {
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
  let loaded: SearchOutline['synonyms'] = [];
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
      const [{ pages: outlined, synonyms, absent, messages }, pagefind] = await Promise.all([outline(), loadEngine()]);
      const pages = await searchGuide(query, { engine: pagefind, language, pages: outlined, synonyms, absent });
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
    const terms = queryConcepts(input.value, language, loaded).flatMap((c) => c.forms);
    if (!link || terms.length === 0) return;
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
