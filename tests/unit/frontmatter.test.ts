import { describe, expect, it } from 'vitest';
import { articleSchema, describeFrontmatterIssues, GUIDE_START } from '../../src/lib/content/frontmatter';
import { displayWidth } from '../../src/lib/content/text-width';

const valid = {
  title: 'Before you start',
  navTitle: 'Preparation',
  description: 'One sentence.',
  summary: 'One paragraph.',
  lastReviewed: '2026-11-25',
  sources: [{ title: 'Refund policy', publisher: 'Holafly', url: 'https://esim.holafly.com/refund-policy' }],
};
const issues = (data: Record<string, unknown>) => {
  const result = articleSchema.safeParse(data);
  return result.success ? [] : describeFrontmatterIssues(data, result.error);
};

describe('frontmatter', () => {
  it('accepts a complete article, with the date as text or as a YAML date', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, lastReviewed: new Date('2026-11-25T00:00:00Z') })).toEqual([]);
  });

  it('refuses unknown fields, in the article and in a source', () => {
    expect(issues({ ...valid, draft: true })).toEqual([expect.stringMatching(/^unknown field: draft \(an article has title/)]);
    expect(issues({ ...valid, sources: [{ ...valid.sources[0], href: 'x' }] })).toEqual([expect.stringMatching(/^unknown field in sources\.0: href/)]);
  });

  it('accepts only real, past days since the guide began', () => {
    expect(issues({ ...valid, lastReviewed: '2026-02-30' })).toEqual([expect.stringMatching(/“2026-02-30” is not a date/)]);
    expect(issues({ ...valid, lastReviewed: '2099-12-31' })).toEqual([expect.stringMatching(/2099-12-31 is in the future/)]);
    expect(issues({ ...valid, lastReviewed: '2020-01-01' })).toEqual([expect.stringMatching(new RegExp(`before the guide existed \\(${GUIDE_START}\\)`))]);
    expect(issues({ ...valid, lastReviewed: 0 })).toEqual([expect.stringMatching(/lastReviewed”: write the day/)]);
    expect(issues({ ...valid, lastReviewed: '25/11/2026' })).toEqual([expect.stringMatching(/is not a date/)]);
    expect(issues({ ...valid, lastReviewed: new Date('nonsense') })).toEqual([expect.stringMatching(/write the day/)]);
    const { lastReviewed: _, ...without } = valid;
    expect(issues(without)).toEqual(['the field “lastReviewed” is missing']);
  });

  it('holds titles to what the layout fits, counting CJK characters double', () => {
    expect(issues({ ...valid, navTitle: 'A'.repeat(25) })).toEqual([expect.stringMatching(/navTitle” is too long for the layout: 25 columns where at most 24 fit/)]);
    expect(issues({ ...valid, navTitle: '退'.repeat(12) })).toEqual([]);
    expect(issues({ ...valid, navTitle: '退'.repeat(13) })).toEqual([expect.stringMatching(/26 columns/)]);
    expect(issues({ ...valid, title: 'T'.repeat(91) })).toEqual([expect.stringMatching(/title” is too long/)]);
    expect(issues({ ...valid, summary: '' })).toEqual(['the field “summary” is empty']);
  });

  it('measures a Khmer or Thai cluster as one column', () => {
    expect(displayWidth('សងប្រាក់')).toBe(4);
    expect(displayWidth('คืนเงิน')).toBe(5);
    expect(displayWidth('환불')).toBe(4);
  });
});
