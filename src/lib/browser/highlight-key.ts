/**
 * Where the search code leaves the reader's terms for the page a result opens (`sessionStorage`).
 * On its own so the page script can check for a note without loading the highlighter.
 */
export const HIGHLIGHT_KEY = 'search-highlight';
