/**
 * The script of every guide page: small, and all in one file. Search code loads only when the
 * reader reaches for search (`search-on-demand.ts`).
 */
import { persistChecklists } from './checklist';
import { keepOffline } from './connection';
import { keepSectionInLinks } from './keep-section';
import { highlightLanding } from './landing-highlight';
import { searchOnDemand } from './search-on-demand';
import { addSectionTools } from './section-tools';
import { readStrings } from './strings';
import { wireThemeToggle } from './theme';
import { markCurrentSection } from './toc-current';

const strings = readStrings();
searchOnDemand();
wireThemeToggle(strings);
addSectionTools(strings);
persistChecklists(strings);
highlightLanding();
keepOffline(strings);
markCurrentSection();
keepSectionInLinks(document.querySelectorAll<HTMLAnchorElement>('a[data-keep-section]'));
