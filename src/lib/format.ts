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
