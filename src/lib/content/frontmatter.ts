import { z } from 'astro/zod';
import { displayWidth } from './text-width';

/** The month the guide was researched and written: no page was reviewed before it. */
export const GUIDE_START = '2026-11-01';

/** Today as YYYY-MM-DD, one day ahead of UTC so a writer east of Greenwich can date a page today. */
function latestDay(now = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A calendar date written YYYY-MM-DD: a real day (not 2026-02-30), not before the guide existed
 * and not in the future. YAML readers differ (some give a Date), so both forms are read.
 */
export const reviewDate = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const date = new Date(`${text}T00:00:00Z`);
    if (!day || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: 'custom', message: `“${text}” is not a date: write a real day as YYYY-MM-DD` });
      return z.NEVER;
    }
    if (text < GUIDE_START) ctx.addIssue({ code: 'custom', message: `${text} is before the guide existed (${GUIDE_START})` });
    else if (text > latestDay()) ctx.addIssue({ code: 'custom', message: `${text} is in the future: write the day you checked the sources` });
    return date;
  });

/**
 * A one-line text that must fit the layout in every language, `columns` wide at most
 * (see `displayWidth`: a Chinese, Japanese or Korean character counts two).
 */
function fitting(columns: number) {
  return z
    .string()
    .trim()
    .min(1)
    .superRefine((text, ctx) => {
      const width = displayWidth(text);
      if (width > columns) {
        ctx.addIssue({ code: 'custom', message: `is too long for the layout: ${width} columns where at most ${columns} fit (a Chinese, Japanese or Korean character counts as two)` });
      }
    });
}

/** One source a page relies on. Only official channels get a `url` (see `official-links.ts`). */
export const sourceSchema = z.strictObject({
  /** The title of the page or document, as its publisher gives it. */
  title: fitting(200),
  /** Who published it: the seller, carrier, authority or newspaper. */
  publisher: fitting(80),
  /** Link, for official channels only; other sources are cited without one. */
  url: z.url({ protocol: /^https$/ }).optional(),
});

/** The frontmatter of every article in `content/<locale>/`. */
export const articleSchema = z.strictObject({
  /** The page title (the H1, and the share card's title). */
  title: fitting(90),
  /** A short name (one to three words) for navigation. */
  navTitle: fitting(24),
  /** One sentence for search engines and link previews. */
  description: fitting(200),
  /** One paragraph shown under the title. */
  summary: fitting(480),
  /** When an editor last checked the page against its sources (YYYY-MM-DD). */
  lastReviewed: reviewDate,
  /** What the page relies on; shown at its end. */
  sources: z.array(sourceSchema).min(1),
});

export type Article = z.infer<typeof articleSchema>;
export type Source = z.infer<typeof sourceSchema>;

/** The value at a path inside parsed frontmatter. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/**
 * Turns schema issues into sentences a writer understands.
 *
 * @example describeFrontmatterIssues({}, articleSchema.safeParse({}).error!)[0]
 * // 'the field “title” is missing'
 */
export function describeFrontmatterIssues(data: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(frontmatter)';
    if (issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && valueAt(data, issue.path) === undefined) return `the field “${field}” is missing`;
    if (field === 'lastReviewed') return `the field “lastReviewed”: ${issue.code === 'custom' ? issue.message : 'write the day you checked the sources as YYYY-MM-DD'}`;
    if (issue.code === 'custom') return `the field “${field}” ${issue.message}`;
    if (issue.code === 'too_small') return `the field “${field}” is empty`;
    if (issue.code === 'too_big') return `the field “${field}” is too long (${issue.message.toLowerCase()})`;
    if (field.endsWith('.url')) return `the field “${field}” is not a full https:// address`;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? ` in ${field}` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.join(', ')} (an article has title, navTitle, description, summary, lastReviewed and sources; a source has title, publisher and url)`;
    }
    return `the field “${field}” is invalid: ${issue.message}`;
  });
}
