/**
 * The script of every guide page: small, and all in one file. The rest loads when it is needed
 * (see load-module.ts): the search code when the reader reaches for search
 * (`search-on-demand.ts`), the reading aids when they read (below), the highlighter after a search.
 */
import { keepOffline } from './connection';
import { loadModule } from './load-module';
import highlightUrl from './run-landing-highlight?worker&url';
import readingUrl from './run-reading?worker&url';
import { HIGHLIGHT_KEY } from '../lib/browser/highlight-key';
import { searchOnDemand } from './search-on-demand';
import { addSectionTools } from './section-tools';
import { readStrings } from './strings';
import { wireThemeToggle } from './theme';

const strings = readStrings();
searchOnDemand();
wireThemeToggle(strings);
addSectionTools(strings);
readingAids();
// Only a page opened from a search result loads the highlighter.
try {
  if (sessionStorage.getItem(HIGHLIGHT_KEY)) void loadModule(highlightUrl);
} catch {
  // Storage refused: nothing to highlight.
}
keepOffline(strings);

/**
 * The reading aids (run-reading.ts) of an article: at once where the page has a checklist, whose
 * ticks to restore, or opens at a section (`#id`), which the "On this page" list marks; else at
 * the first scroll, as the section being read only changes then.
 */
function readingAids(): void {
  if (!document.querySelector('.prose :is(h2, h3)[id]')) return;
  const load = () => void loadModule(readingUrl);
  if (location.hash || document.querySelector('.prose .contains-task-list')) return load();
  addEventListener('scroll', load, { once: true, passive: true });
  addEventListener('hashchange', load, { once: true });
}
