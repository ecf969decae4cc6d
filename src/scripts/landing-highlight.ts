import { fragmentId } from '../lib/browser/address';
import { findTerms, HIGHLIGHT_KEY, type LandingHighlight } from '../lib/browser/highlight';

/** The elements of the section a `#id` points at: its heading block and everything up to the next heading of its level or above. */
function sectionNodes(id: string): Element[] {
  const heading = document.getElementById(id);
  const head = heading?.closest('.section-head') ?? heading;
  if (!heading || !head) return [];
  const level = Number(heading.tagName.slice(1));
  const nodes: Element[] = [head];
  for (let node = head.nextElementSibling; node; node = node.nextElementSibling) {
    const h = node.matches('.section-head') ? node.querySelector('h2, h3') : null;
    if (h && Number(h.tagName.slice(1)) <= level) break;
    nodes.push(node);
  }
  return nodes;
}

/** Wraps each match of the terms in the text under `root` in `<mark class="search-hit">`. */
function mark(root: Element, terms: string[]): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script, style, button, .section-tools, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  let count = 0;
  for (const text of texts) {
    const ranges = findTerms(text.data, terms);
    for (const [start, end] of ranges.reverse()) {
      const hit = text.splitText(start);
      hit.splitText(end - start);
      const m = document.createElement('mark');
      m.className = 'search-hit';
      hit.replaceWith(m);
      m.append(hit);
      count++;
    }
  }
  return count;
}

/**
 * On a page opened from a search result, highlights the reader's search terms in the section
 * the result pointed at (or the whole article), once: the note is removed as it is read.
 */
export function highlightLanding(): void {
  let note: LandingHighlight | undefined;
  try {
    note = JSON.parse(sessionStorage.getItem(HIGHLIGHT_KEY) ?? 'null') ?? undefined;
    sessionStorage.removeItem(HIGHLIGHT_KEY);
  } catch {
    return;
  }
  if (!note || note.path !== location.pathname || note.terms.length === 0) return;
  const id = fragmentId(location.hash);
  const article = document.querySelector('article');
  const roots = id ? sectionNodes(id) : article ? [article] : [];
  roots.forEach((root) => mark(root, note.terms));
}
