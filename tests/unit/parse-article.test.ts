import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/parse-article';

const article = (body: string, fm = 'title: T') => `---\n${fm}\n---\n\n${body}\n`;

describe('parseArticle', () => {
  it('reads frontmatter, heading ids and links with file line numbers', () => {
    const parsed = parseArticle(article('## First {/* #first */}\n\nSee [x](/en/app/#a).\n\n### Sub {/* #sub */}\n\n## No id'));
    expect(parsed.frontmatter).toEqual({ title: 'T' });
    expect(parsed.readable).toBe(true);
    expect(parsed.headings).toEqual([
      { depth: 2, text: 'First', id: 'first', line: 5 },
      { depth: 3, text: 'Sub', id: 'sub', line: 9 },
      { depth: 2, text: 'No id', id: undefined, line: 11 },
    ]);
    expect(parsed.links).toEqual([{ href: '/en/app/#a', line: 7 }]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports broken MDX with its line and a hint', () => {
    const parsed = parseArticle(article('## A {/* #a */}\n\nCosts {about 5 USD.'));
    expect(parsed.readable).toBe(false);
    expect(parsed.problems[0]?.message).toMatch(/MDX cannot be read.*write them as/);
    expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(7);
  });

  it('reports missing or broken frontmatter', () => {
    expect(parseArticle('## A {/* #a */}').problems[0]?.message).toMatch(/no frontmatter/);
    expect(parseArticle(article('x', 'title: [unclosed')).problems[0]?.message).toMatch(/not valid YAML/);
  });

  it('reports H1 headings, components and imports', () => {
    const { problems } = parseArticle(article('# Title\n\n<Warning>x</Warning>\n\nimport X from "x"'));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/“#” heading/),
      expect.stringMatching(/component <Warning>/),
      expect.stringMatching(/imports and exports/),
    ]);
  });

  it('collects JSX hrefs and reference definitions', () => {
    const { links } = parseArticle(article('<a href="https://t.me/x">x</a>\n\n[ref]: https://t.me/y'));
    expect(links.map((l) => l.href)).toEqual(['https://t.me/x', 'https://t.me/y']);
  });
});
