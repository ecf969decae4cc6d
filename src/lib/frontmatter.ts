import { z } from 'astro/zod';

/** One source a page relies on. Only official channels get a `url` (see `official-links.ts`). */
export const sourceSchema = z.object({
  /** The title of the page or document, as its publisher gives it. */
  title: z.string().trim().min(1),
  /** Who published it: the seller, carrier, authority or newspaper. */
  publisher: z.string().trim().min(1),
  /** Link, for official channels only; other sources are cited without one. */
  url: z.url({ protocol: /^https$/ }).optional(),
});

/** The frontmatter of every article in `content/<locale>/`. */
export const articleSchema = z.object({
  /** The page title (the H1). */
  title: z.string().trim().min(1),
  /** A short name (one to three words) for navigation. */
  navTitle: z.string().trim().min(1).max(40),
  /** One sentence for search engines and link previews. */
  description: z.string().trim().min(1).max(200),
  /** One paragraph shown under the title. */
  summary: z.string().trim().min(1),
  /** When an editor last checked the page against its sources (YYYY-MM-DD). */
  lastReviewed: z.coerce.date(),
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
    if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) return `the field “${field}” is missing`;
    if (field === 'lastReviewed') return `the field “lastReviewed” is not a date: write it as YYYY-MM-DD`;
    if (issue.code === 'too_small') return `the field “${field}” is empty`;
    if (issue.code === 'too_big') return `the field “${field}” is too long (${issue.message.toLowerCase()})`;
    if (field.endsWith('.url')) return `the field “${field}” is not a full https:// address`;
    if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
    return `the field “${field}” is invalid: ${issue.message}`;
  });
}
