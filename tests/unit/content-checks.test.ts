import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems, type ArticleFile } from '../../src/lib/content/content-checks';
import { parseArticle } from '../../src/lib/content/parse-article';
import { pageSlugs } from '../../src/lib/content/topics';

const frontmatter = `title: A page
navTitle: Page
description: One sentence.
summary: One paragraph.
lastReviewed: 2026-11-25
sources:
  - title: Refund policy
    publisher: Holafly
    url: https://esim.holafly.com/refund-policy`;

const body = (extra = '') => `## First {/* #first */}\n\nText.\n\n## Second {/* #second */}\n\n## Third {/* #third */}\n\n${extra}\n`;

/** A complete two-locale site; `edit` changes one file's text before parsing. */
function site(edit: Record<string, (text: string) => string> = {}, drop: string[] = []): ArticleFile[] {
  const files: ArticleFile[] = [];
  for (const locale of ['zh-hans', 'en']) {
    for (const slug of pageSlugs) {
      const key = `${locale}/${slug}`;
      if (drop.includes(key)) continue;
      const text = `---\n${frontmatter}\n---\n\n${body()}`;
      files.push({ file: `content/${key}.mdx`, locale, slug, parsed: parseArticle(edit[key]?.(text) ?? text) });
    }
  }
  return files;
}

const ui = { 'zh-hans': { a: '一', b: '二' }, en: { a: 'one', b: 'two' } };
const check = (files: ArticleFile[], extra: Partial<Parameters<typeof checkContent>[0]> = {}) =>
  checkContent({ files, locales: ['zh-hans', 'en'], sourceLocale: 'zh-hans', folders: ['zh-hans', 'en'], contentDir: 'content', ui, ...extra });
const messages = (files: ArticleFile[]) => check(files).map((p) => `${p.file}:${p.line ?? ''} ${p.message}`);

describe('checkContent', () => {
  it('passes a complete, consistent site', () => {
    expect(check(site())).toEqual([]);
  });

  it('names a missing or invalid frontmatter field', () => {
    expect(messages(site({ 'en/app': (t) => t.replace(/^title:.*\n/m, '') }))).toEqual(['content/en/app.mdx:1 frontmatter: the field “title” is missing']);
    expect(messages(site({ 'en/app': (t) => t.replace('2026-11-25', 'soon') }))[0]).toMatch(/lastReviewed”: “soon” is not a date/);
  });

  it('reports broken MDX without cascading into links', () => {
    const link = (locale: string) => (t: string) => `${t}\n[x](/${locale}/app/#first)`;
    const files = site({ 'en/app': (t) => `${t}\nA {broken expression`, 'en/index': link('en'), 'zh-hans/index': link('zh-hans') });
    expect(messages(files)).toEqual([expect.stringMatching(/^content\/en\/app\.mdx:\d+ the MDX cannot be read/)]);
  });

  it('reports links to missing pages and sections, naming the sections that exist', () => {
    const links = (l: string) => (t: string) => `${t}\n[a](/${l}/refunds/) [b](/${l}/app/#fourth) [c](#second) [d](/${l}/app)`;
    const files = site({ 'en/index': links('en'), 'zh-hans/index': links('zh-hans') });
    expect(messages(files).filter((m) => m.includes('content/en/'))).toEqual([
      expect.stringMatching(/en\/index\.mdx:\d+ the link “\/en\/refunds\/” points to a page that does not exist/),
      expect.stringMatching(/#fourth, which does not exist on content\/en\/app\.mdx; its sections are #first, #second, #third/),
      expect.stringMatching(/“\/en\/app” is not a page of the guide/),
    ]);
  });

  it('refuses unofficial channels in the text and in sources', () => {
    const files = site({
      'en/app': (t) => `${t}\n[help](https://t.me/esim_cancel)`,
      'zh-hans/app': (t) => t.replace('https://esim.holafly.com/refund-policy', 'https://telegram.me/x'),
    });
    const found = messages(files);
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/zh-hans\/app\.mdx:1 frontmatter: sources\.0\.url https:\/\/telegram\.me\/x cannot be linked: telegram\.me is a messenger chat link/);
    expect(found.join('\n')).toMatch(/en\/app\.mdx:\d+ the link https:\/\/t\.me\/esim_cancel is not allowed: t\.me is a messenger chat link/);
    // A link only one language has is also a fact the languages disagree on.
    expect(found.join('\n')).toMatch(/en\/app\.mdx:\d+ the section #third states other facts than the same section of content\/zh-hans\/app\.mdx \(not in the source: link https:\/\/t\.me\/esim_cancel\)/);
  });

  it('reports a page missing in a locale, and files or folders that are not part of the guide', () => {
    expect(messages(site({}, ['en/support']))).toEqual([expect.stringMatching(/^content\/en\/support\.mdx: the en translation of “support” is missing/)]);
    const extra = [...site(), { file: 'content/en/faq.mdx', locale: 'en', slug: 'faq', parsed: parseArticle(`---\n${frontmatter}\n---\n\n${body()}`) }];
    expect(check(extra, { folders: ['zh-hans', 'en', 'fr'] }).map((p) => p.message)).toEqual([
      expect.stringMatching(/“fr” is not a locale/),
      expect.stringMatching(/“faq” is not a page of the guide/),
    ]);
  });

  it('reports section ids that differ from the source locale', () => {
    const renamed = messages(site({ 'en/app': (t) => t.replace('#second', '#other') }));
    expect(renamed).toEqual([expect.stringMatching(/en\/app\.mdx: the section ids differ from the source content\/zh-hans\/app\.mdx \(missing #second; not in the source: #other\)/)]);
    const swapped = messages(site({ 'en/app': (t) => t.replace('#first', '#tmp').replace('#second', '#first').replace('#tmp', '#second') }));
    expect(swapped[0]).toMatch(/different order/);
  });

  it('reports duplicate, missing and malformed ids', () => {
    expect(messages(site({ 'zh-hans/app': (t) => `${t}\n## Again {/* #first */}` }))).toEqual([
      expect.stringMatching(/^content\/zh-hans\/app\.mdx:\d+ the section id #first is used twice on this page \(first on line 13\); ids must be unique$/),
      expect.stringMatching(/^content\/en\/app\.mdx: the section ids differ from the source .* \(3 sections where the source has 4\)/),
    ]);
    const found = messages(site({ 'zh-hans/app': (t) => `${t}\n## No id\n\n## Bad {/* #Bad_Id */}` }));
    expect(found.join('\n')).toMatch(/heading “## No id” has no section id: end it with \{\/\* #some-id \*\/\}/);
    expect(found.join('\n')).toMatch(/heading “## Bad”: the id “Bad_Id” must be lowercase ASCII/);
  });

  it('asks for enough sections on every page', () => {
    const short = (t: string) => t.replace(/## Second[^\n]*\n\n## Third[^\n]*\n/, '');
    expect(messages(site({ 'zh-hans/app': short, 'en/app': short }))).toEqual([
      'content/zh-hans/app.mdx: a page needs at least 3 “##” sections',
      'content/en/app.mdx: a page needs at least 3 “##” sections',
    ]);
  });

  it('reports missing UI strings', () => {
    const found = check(site(), { ui: { 'zh-hans': { a: '一', b: '二' }, en: { a: 'one' } } });
    expect(found).toEqual([{ file: 'src/i18n/ui/en.ts', message: 'UI strings missing for en: b' }]);
  });

  it('formats problems as a report a writer can follow', () => {
    const report = formatProblems([{ file: 'content/en/app.mdx', line: 3, message: 'something' }]);
    expect(report).toBe("The guide's content has 1 problem; fix it and build again:\n\n  content/en/app.mdx:3\n    something\n");
  });
});

describe('facts across languages', () => {
  const add = (text: string) => (t: string) => `${t}\n${text}\n`;

  it('accepts the same facts written the way each language writes them', () => {
    const files = site({
      'zh-hans/app': add('热线 012 812 812，7–10 个工作日，手续费 3.50 美元，`*1200#`，99%，1,000，help@holafly.com，见 [说明](/zh-hans/app/#second)。'),
      'en/app': add('Hotline 012-812-812, 7–10 business days, a USD 3,50 fee, `*1200#`, 99 %, １０００, HELP@holafly.com, see [this](/en/app/#second).'),
    });
    expect(messages(files)).toEqual([]);
  });

  it('names the file, the section and the fact that differ', () => {
    const files = site({ 'zh-hans/app': add('热线 **1777**，保留 90 天。'), 'en/app': add('Hotline **1778**, kept 90 days.') });
    expect(messages(files)).toEqual([
      expect.stringMatching(/^content\/en\/app\.mdx:\d+ the section #third states other facts than the same section of content\/zh-hans\/app\.mdx \(missing number 1777; not in the source: number 1778\)/),
    ]);
  });

  it('compares phone numbers, codes, e-mail addresses and link targets, not just numbers', () => {
    const files = site({
      'zh-hans/app': add('+886 936-010-888 `*1200#` a@holafly.com [x](https://esim.holafly.com/refund-policy)'),
      'en/app': add('+886 936-010-889 `*1201#` b@holafly.com [x](https://esim.holafly.com/faq)'),
    });
    const [found] = messages(files);
    for (const fact of ['phone +886936010888', 'phone +886936010889', 'code *1200#', 'code *1201#', 'e-mail a@holafly.com', 'e-mail b@holafly.com', 'link https://esim.holafly.com/faq']) {
      expect(found).toContain(fact);
    }
  });
});
