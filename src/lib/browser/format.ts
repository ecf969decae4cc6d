/**
 * Formats a date in the page's language, e.g. "25 November 2026" or "2026年11月25日".
 * UTC, because frontmatter dates are calendar days without a time zone.
 */
export function formatDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The date as YYYY-MM-DD for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Fills `{name}` slots in a UI string; unknown slots stay visible so a mistake shows.
 *
 * @example fillTemplate('Results for “{query}”', { query: 'refund' }) // 'Results for “refund”'
 */
export function fillTemplate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
