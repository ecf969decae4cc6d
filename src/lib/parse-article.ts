import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Heading, Root, RootContent } from 'mdast';
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
  problems: ReadProblem[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

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
  if (last?.type !== 'mdxTextExpression') return undefined;
  const id = parseIdMarker(last.value);
  return id === undefined ? undefined : { id, index };
}

/**
 * Reads one MDX article: frontmatter, headings with their ids, links. Never throws: what
 * cannot be read becomes a problem with a line number and a hint a writer can act on.
 */
export function parseArticle(source: string): ParsedArticle {
  const result: ParsedArticle = { readable: true, headings: [], links: [], problems: [] };
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
    tree = mdxParser.parse(body);
  } catch (error) {
    const place = (error as { line?: number; place?: { line?: number; start?: { line: number } } });
    const line = place.line ?? place.place?.line ?? place.place?.start?.line;
    const reason = ((error as { reason?: string }).reason ?? (error as Error).message).replace(/\s+/g, ' ');
    result.problems.push({
      line: line === undefined ? undefined : line + offset,
      message: `the MDX cannot be read: ${reason}. In MDX, “{”, “}” and “<” start code; write them as “\\{”, “\\}” and “\\<” in text`,
    });
    result.readable = false;
    return result;
  }
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 0) + offset;
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
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name && /^[A-Z]/.test(node.name)) {
          result.problems.push({ line: lineOf(node), message: `the component <${node.name}> is not provided by the guide; use Markdown instead` });
        }
        for (const attr of node.attributes) {
          if (attr.type === 'mdxJsxAttribute' && attr.name === 'href' && typeof attr.value === 'string') {
            result.links.push({ href: attr.value, line: lineOf(node) });
          }
        }
        break;
      }
      case 'mdxjsEsm':
        result.problems.push({ line: lineOf(node), message: 'imports and exports are not used in guide articles; remove this line' });
        break;
    }
  });
  return result;
}
