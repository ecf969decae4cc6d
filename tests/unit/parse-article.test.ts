import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findCode } from '../../src/lib/content/content-only';
import { parseArticle } from '../../src/lib/content/parse-article';

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
      expect.stringMatching(/the component <Warning> is not allowed/),
      expect.stringMatching(/“import” and “export” are code/),
      expect.stringMatching(/“#” heading/),
    ]);
  });

  it('refuses every kind of code, HTML and foreign image, each once, with its line', () => {
    const cases: [string, RegExp][] = [
      ['Home: {process.env.HOME}', /“\{process\.env\.HOME\}” is code/],
      ['{(await import("node:fs")).readFileSync("/etc/passwd", "utf8")}', /is code in MDX/],
      ['export const x = 1', /“import” and “export” are code/],
      ['<meta http-equiv="refresh" content="3;url=https://evil.example/" />', /the HTML element <meta> is not allowed/],
      ['<script>alert(1)</script>', /<script> is not allowed/],
      ['<iframe src="https://evil.example/"></iframe>', /<iframe> is not allowed/],
      ['<form action="https://evil.example/"><input name="card" /></form>', /<form> is not allowed/],
      ['<a href={"https://t.me/x"}>help</a>', /<a> is not allowed/],
      ['<a HREF="https://t.me/x">help</a>', /<a> is not allowed/],
      ['<a {...{ href: "https://t.me/x" }}>help</a>', /<a> is not allowed/],
      ['<p onclick="steal()">x</p>', /<p> is not allowed/],
      ['<svg><script>alert(1)</script></svg>', /<svg> is not allowed/],
      ['<>fragment</>', /a fragment “<>” is not allowed/],
      ['<X.Y />', /the component <X\.Y> is not allowed/],
      ['Text {/* #stray-marker */} in a paragraph', /belongs at the very end of a “##” or “###” heading/],
      ['Text {/* an editor’s note */} here', /the comment “\{\/\* an editor’s note \*\/\}” has no place in an article/],
      ['## Sneaky {/* #a */ process.exit() /* */}', /is code in MDX/],
      ['![step](https://evil.example/pixel.png)', /not on this site/],
      ['![step](//evil.example/pixel.png)', /not on this site/],
      ['![step](/\\evil.example/pixel.png)', /not on this site/],
    ];
    for (const [body, message] of cases) {
      const { problems } = parseArticle(article(`## A {/* #a */}\n\n${body}`));
      expect(problems.map((p) => p.message), body).toEqual([expect.stringMatching(message)]);
      expect(problems[0]?.line, body).toBe(7);
    }
    expect(parseArticle(article('## A {/* #a */}\n\n![step](/images/step.png)')).problems).toEqual([]);
  });

  it('gives an empty file one message', () => {
    for (const text of ['', '  \n\n', '\n']) {
      const parsed = parseArticle(text);
      expect(parsed.problems).toEqual([{ line: 1, message: expect.stringMatching(/the file is empty/) }]);
      expect(parsed.readable).toBe(false);
    }
  });

  it('collects links and reference definitions, entities decoded', () => {
    const { links } = parseArticle(article('[x](&#104;ttps://t.me/x)\n\n[ref]: https://t.me/y'));
    expect(links.map((l) => l.href)).toEqual(['https://t.me/x', 'https://t.me/y']);
  });

  it('cuts the body into sections, with their words, links and Markdown', () => {
    const { sections } = parseArticle(article('Intro 1.\n\n## A {/* #a */}\n\nCall **812**, see [x](/en/app/).\n\n### B {/* #b */}\n\n`*1200#`'));
    expect(sections.map((s) => [s.id, s.line, s.links])).toEqual([['', 1, []], ['a', 7, ['/en/app/']], ['b', 11, []]]);
    expect(sections[1]?.text).toMatch(/Call\s+812\s*, see\s+x/);
    expect(sections[2]?.raw).toBe('### B {/* #b */}\n\n`*1200#`');
    expect(sections[0]?.raw).toContain('title: T');
  });
});

describe('the content check reads MDX as the build does', () => {
  // The check parses with Sätteri, the build's MDX pipeline with remark: both must see code in
  // the same places, or a writer would learn of a mistake only from a failed compile.
  const build = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const body = (text: string) => `## Section {/* #section */}\n\n${text}\n`;
  const hostile = [
    '{process.env.HOME}',
    'Text {(await import("node:fs")).readFileSync("/etc/passwd")} here.',
    '## Heading {/* #a */ process.exit() /* */}',
    '{/* a comment */}',
    '<script>alert(1)</script>',
    '<a href="https://t.me/x">x</a>',
    '<X.Y />',
    '<>fragment</>',
    'import X from "x"',
    'export const a = 1',
    '![x](https://evil.example/a.png)',
    '- item {`${1}`}',
    '| a | b |\n|---|---|\n| {1} | c |',
    '> [!NOTE]\n> {globalThis}',
    'See <details open ontoggle="alert(1)">x</details>',
  ];
  const safe = ['Plain text with a [link](https://support.apple.com/x).', '- [ ] a task', '| a | b |\n|---|---|\n| c | d |', 'Braces \\{shown\\} as text.', '`{code in backticks}`', '```\n{fenced}\n```'];

  for (const text of hostile) {
    it(`both refuse ${JSON.stringify(text)}`, () => {
      expect(findCode(build.parse(body(text)) as Root).length, 'the build').toBeGreaterThan(0);
      expect(parseArticle(article(body(text))).problems.length, 'the check').toBeGreaterThan(0);
    });
  }
  for (const text of safe) {
    it(`both accept ${JSON.stringify(text)}`, () => {
      expect(findCode(build.parse(body(text)) as Root)).toEqual([]);
      expect(parseArticle(article(body(text))).problems).toEqual([]);
    });
  }
});
