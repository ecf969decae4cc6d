import { describe, expect, it } from 'vitest';
import { outdatedSections, parseTarget, sectionHash, sectionKey, summary } from '../../src/lib/build/translations';
import { parseArticle } from '../../src/lib/content/parse-article';

const page = (refund: string) =>
  parseArticle(`---\ntitle: T\nlastReviewed: 2026-12-01\n---\n\nIntro.\n\n## Refund {/* #request-a-refund */}\n\n${refund}\n\n## Delete {/* #delete */}\n\nLast.\n`).sections;

describe('translation status', () => {
  const source = new Map([['app', page('Within 14 days.')]]);
  const upToDate = { app: Object.fromEntries(source.get('app')!.map((s) => [sectionKey(s), sectionHash(s)])) };

  it('finds nothing out of date when the record follows the source', () => {
    expect(outdatedSections(source, upToDate, 'ja')).toEqual([]);
  });

  it('lists exactly the section whose source text changed, in every locale that follows the old text', () => {
    const changed = new Map([['app', page('Within 30 days.')]]);
    expect(outdatedSections(changed, upToDate, 'ja')).toEqual([{ locale: 'ja', slug: 'app', key: 'request-a-refund' }]);
    expect(summary(outdatedSections(changed, upToDate, 'ko'), ['ja', 'ko'])).toEqual(['ja: up to date', 'ko: 1 section out of date']);
  });

  it('ignores spacing and the review date, not wording', () => {
    const respaced = new Map([['app', parseArticle(`---\ntitle: T\nlastReviewed: 2026-12-02\n---\n\nIntro.\n\n## Refund  {/* #request-a-refund */}\n\nWithin  14\ndays.\n\n## Delete {/* #delete */}\n\nLast.\n`).sections]]);
    expect(outdatedSections(respaced, upToDate, 'ja')).toEqual([]);
  });

  it('treats a section missing from the record as out of date', () => {
    expect(outdatedSections(source, {}, 'th').map((o) => o.key)).toEqual(['top', 'request-a-refund', 'delete']);
  });

  it('reads what a translator marks as done', () => {
    expect(parseTarget('ja/app#request-a-refund')).toEqual({ locale: 'ja', slug: 'app', key: 'request-a-refund' });
    expect(parseTarget('zh-hant')).toEqual({ locale: 'zh-hant', slug: undefined, key: undefined });
    expect(parseTarget('ja/app#')).toBeUndefined();
    expect(parseTarget('../etc')).toBeUndefined();
  });
});
