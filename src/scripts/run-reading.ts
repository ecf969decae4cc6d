/**
 * Loaded on demand by page.ts (see load-module.ts): what an article page needs once the reader
 * reads it, rather than before the first paint. It keeps the checklist ticks, and follows the
 * section being read (the "On this page" mark, the language links' section).
 */
import { persistChecklists } from './checklist';
import { followSection } from './keep-section';

persistChecklists();
followSection(document.querySelectorAll<HTMLAnchorElement>('a[data-keep-section]'));
