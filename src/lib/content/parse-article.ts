import { parse as parseJs, type Program } from 'acorn';
import { mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { visit } from 'unist-util-visit';
import type { Heading, Root, RootContent } from 'mdast';
import { findCode, isIdMarker } from './content-only';
import type { SectionText } from './fact-parity';
import { ID_DEPTHS, parseIdMarker } from './section-ids';

export interface ArticleHeading {
  depth: number;
  text: string;
  /** The id from the heading's `{/* #id *\/}` marker, if it has one. */
  id?: string;
  line: number;
}

export interface ArticleLink {
  href: string;
  line: number;
}

/** A problem found while reading one file, with the line it is on where known. */
export interface ReadProblem {
  line?: number;
  message: string;
}

/** What the content checks need from one MDX file. */
export interface ParsedArticle {
  /** The parsed YAML frontmatter, or undefined when it is missing or unreadable. */
  frontmatter?: unknown;
  /** False when the MDX could not be parsed; headings and links are then unknown. */
  readable: boolean;
  headings: ArticleHeading[];
  links: ArticleLink[];
  /** The body cut at every `##`/`###` heading with an id: each part's words and link targets. */
  sections: SectionText[];
  problems: ReadProblem[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The article's MDX as an mdast tree. Sätteri (Astro's own native Markdown and MDX parser) reads
 * the 48 articles in a twentieth of the time remark takes, in the same tree shapes; it leaves
 * the code in `{…}` unparsed, so each expression gets the program acorn reads from it, as
 * remark-mdx would give, and `findCode` tells a bare comment from code. (The build's MDX
 * pipeline parses with remark and runs `findCode` again on its own tree.)
 */
function parseMdx(body: string): Root {
  const tree = mdxToMdast(body, { features: { gfm: true, frontmatter: false } }) as Root;
  visit(tree, (node: Root | RootContent) => {
    if (node.type !== 'mdxTextExpression' && node.type !== 'mdxFlowExpression') return;
    let program: Program;
    try {
      program = parseJs(node.value, { ecmaVersion: 'latest', sourceType: 'module', locations: false });
    } catch (error) {
      const line = node.position?.start.line;
      throw Object.assign(new Error(`Could not parse expression with acorn: ${(error as Error).message}`), { line });
    }
    node.data = { ...node.data, estree: program } as unknown as typeof node.data;
  });
  return tree;
}

/** Plain text of a heading without its id marker. */
function headingText(node: Heading): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text.trim();
}

/** The id marker of a heading: its last child, when that is an `{/* #id *\/}` expression. */
export function headingMarker(node: Heading): { id: string; index: number } | undefined {
  const index = node.children.length - 1;
  const last = node.children[index];
  if (last === undefined || !isIdMarker(last)) return undefined;
  const id = parseIdMarker(last.value);
  return id === undefined ? undefined : { id, index };
}

/** Articles read in this process, by their text: a build reads the source pages twice (checks, then translation status). */
const read = new Map<string, ParsedArticle>();
const READ_KEPT = 500;

/**
 * Reads one MDX article: frontmatter, headings with their ids, links. Never throws: what
 * cannot be read becomes a problem with a line number and a hint a writer can act on. The
 * same text gives the same result, read once; treat it as read-only.
 */
export function parseArticle(source: string): ParsedArticle {
  let parsed = read.get(source);
  if (!parsed) {
    if (read.size >= READ_KEPT) read.clear();
    parsed = readArticle(source);
    read.set(source, parsed);
  }
  return parsed;
}

function readArticle(source: string): ParsedArticle {
  const result: ParsedArticle = { readable: true, headings: [], links: [], sections: [], problems: [] };
  if (source.trim() === '') {
    // One message, not one per missing field and section: the other checks skip an unreadable file.
    result.problems.push({ line: 1, message: 'the file is empty: write the article (frontmatter, then at least three “##” sections) or delete the file' });
    result.readable = false;
    return result;
  }
  const fm = FRONTMATTER.exec(source);
  if (!fm) {
    result.problems.push({ line: 1, message: 'the file has no frontmatter: it must start with a “---” line, the fields, and another “---” line' });
  } else {
    try {
      result.frontmatter = parseYaml(fm[1] ?? '') ?? {};
    } catch (error) {
      const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      result.problems.push({
        line: line === undefined ? 1 : line + 1,
        message: `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  // Line numbers in the body count from the top of the file.
  const offset = fm ? fm[0].split('\n').length - 1 : 0;
  const body = fm ? source.slice(fm[0].length) : source;
  let tree: Root;
  try {
    tree = parseMdx(body);
  } catch (error) {
    // Sätteri says where as "line:column: reason (rule)"; acorn's failures carry the expression's line.
    const said = /^(\d+):\d+: ([\s\S]*?)(?: \([\w:-]+\))?$/.exec((error as Error).message);
    const line = (error as { line?: number }).line ?? (said ? Number(said[1]) : undefined);
    const reason = (said ? said[2]! : (error as Error).message).replace(/\s+/g, ' ');
    result.problems.push({
      line: line === undefined ? undefined : line + offset,
      message: `the MDX cannot be read: ${reason}. In MDX, “{”, “}” and “<” start code; write them as “\\{”, “\\}” and “\\<” in text`,
    });
    result.readable = false;
    return result;
  }
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 0) + offset;
  for (const { node, message } of findCode(tree)) result.problems.push({ line: lineOf(node), message });
  visit(tree, (node: Root | RootContent) => {
    switch (node.type) {
      case 'heading': {
        if (node.depth === 1) {
          result.problems.push({ line: lineOf(node), message: 'a “#” heading in the body: the page title comes from the frontmatter “title”; use “##” for sections' });
        }
        if (ID_DEPTHS.includes(node.depth)) {
          result.headings.push({ depth: node.depth, text: headingText(node), id: headingMarker(node)?.id, line: lineOf(node) });
        }
        break;
      }
      case 'link':
      case 'definition':
        result.links.push({ href: node.url, line: lineOf(node) });
        break;
    }
  });
  result.sections = sectionsOf(tree, lineOf, body);
  // The text before the first section includes what the page says of itself in its frontmatter.
  const intro = result.sections[0]!;
  intro.raw = `${(fm?.[1] ?? '').replace(/^lastReviewed:.*$/m, '')}\n${intro.raw}`;
  return result;
}

/** Cuts the body into sections at each heading that carries an id; the text before the first is section ''. */
function sectionsOf(tree: Root, lineOf: (node: RootContent) => number, body: string): SectionText[] {
  const sections: SectionText[] = [{ id: '', line: 1, text: '', links: [], raw: '' }];
  const starts = [0];
  for (const node of tree.children) {
    const id = node.type === 'heading' && ID_DEPTHS.includes(node.depth) ? headingMarker(node)?.id : undefined;
    if (id !== undefined) {
      sections.push({ id, line: lineOf(node), text: '', links: [], raw: '' });
      starts.push(node.position?.start.offset ?? 0);
    }
    const section = sections.at(-1)!;
    visit(node, (child: Root | RootContent) => {
      if (child.type === 'text' || child.type === 'inlineCode') section.text += ` ${child.value}`;
      else if (child.type === 'link' || child.type === 'definition' || child.type === 'image') section.links.push(child.url);
    });
  }
  starts.push(body.length);
  sections.forEach((section, i) => (section.raw = body.slice(starts[i], starts[i + 1]).trim()));
  return sections;
}
