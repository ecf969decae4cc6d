import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContentDir, staleReviews } from '../../src/integrations/content-check';
import { formatProblems } from '../../src/lib/content/content-checks';
import { localeCodes } from '../../src/i18n/locales';
import { pageSlugs } from '../../src/lib/content/topics';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the committed guide', () => {
  it('passes every content check, in every locale', async () => {
    const problems = await checkContentDir(root);
    // Printing the report makes a failure read like the build's own message.
    expect(formatProblems(problems)).toBe(formatProblems([]));
  });
});

describe('review age', () => {
  it('names no page today, and every page once its review is more than 180 days old', () => {
    expect(staleReviews(root)).toEqual([]);
    const later = staleReviews(root, new Date('2027-12-31T00:00:00Z'));
    expect(later).toHaveLength(localeCodes.length * pageSlugs.length);
    expect(later[0]).toEqual({ file: expect.stringMatching(/^content[\\/]zh-hans[\\/]index\.mdx$/), days: expect.any(Number) });
    expect(later.every((p) => p.days > 180)).toBe(true);
  });
});
