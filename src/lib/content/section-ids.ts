/**
 * Section ids. A writer gives each `##` and `###` heading a stable ASCII id with a trailing
 * MDX comment, identical in every locale, so that a shared link works in any language:
 *
 *     ## Turn off auto top-up {/* #turn-off-auto-top-up *\/}
 *
 * MDX reads `{#id}` as a JavaScript expression, so the id lives in a comment instead.
 */

/** Readable ASCII slugs: lowercase letters and digits, words joined by single hyphens. */
export const SECTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MARKER = /^\s*\/\*\s*#(\S*?)\s*\*\/\s*$/;

/** Heading depths that must carry an id. */
export const ID_DEPTHS: readonly number[] = [2, 3];

/** Ids the page layout uses itself; a section may not take them. */
export const RESERVED_IDS: readonly string[] = ['main', 'toc', 'sources', 'all-sections', 'search-input-panel', 'search-results-panel', 'search-input-page', 'search-results-page'];

/**
 * Reads the id from the value of an MDX expression such as `/* #request-a-refund *\/`.
 * Returns undefined when the expression is not an id marker.
 *
 * @example parseIdMarker('/* #request-a-refund *\/') // 'request-a-refund'
 * @example parseIdMarker('1 + 1') // undefined
 */
export function parseIdMarker(expression: string): string | undefined {
  return MARKER.exec(expression)?.[1];
}

/** Explains what is wrong with an id, or returns undefined when it is fine. */
export function sectionIdProblem(id: string): string | undefined {
  if (id === '') return 'the id after “#” is empty';
  if (!SECTION_ID_PATTERN.test(id)) {
    return `the id “${id}” must be lowercase ASCII letters and digits joined by hyphens (like “turn-off-auto-top-up”)`;
  }
  if (RESERVED_IDS.includes(id)) return `the id “${id}” is used by the page layout; choose another`;
  return undefined;
}
