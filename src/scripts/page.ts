/**
 * The script of every guide page: small, and all in one file. Search code loads only when the
 * reader reaches for search (`search-on-demand.ts`).
 */
import { persistChecklists } from './checklist';
import { keepOffline } from './connection';
import { followSection } from './keep-section';
import { loadModule } from './load-module';
import highlightUrl from './run-landing-highlight?worker&url';
import { HIGHLIGHT_KEY } from '../lib/highlight-key';
import { searchOnDemand } from './search-on-demand';
import { addSectionTools } from './section-tools';
import { readStrings } from './strings';
import { wireThemeToggle } from './theme';

const strings = readStrings();
searchOnDemand();
wireThemeToggle(strings);
addSectionTools(strings);
persistChecklists(strings);
// Only a page opened from a search result loads the highlighter.
try {
  if (sessionStorage.getItem(HIGHLIGHT_KEY)) void loadModule(highlightUrl);
} catch {
  // Storage refused: nothing to highlight.
}
keepOffline(strings);
followSection(document.querySelectorAll<HTMLAnchorElement>('a[data-keep-section]'));
