import type { Heading, Nodes, Root } from 'mdast';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { ID_DEPTHS, parseIdMarker } from './section-ids';

/**
 * Articles are content, not code. MDX would run any `{expression}`, `import`, `export` or
 * component while building the page, so an article may hold Markdown, GFM and the
 * `{/* #id *\/}` marker at the end of a section heading, and nothing else of MDX. Raw HTML is not
 * used either: everything the guide shows has a Markdown form, and an element is one more way to
 * run code, redirect (`<meta http-equiv="refresh">`) or hide a link. Images come only from the
 * site itself.
 *
 * The content check (before Astro reads any article) and the MDX pipeline (before an article is
 * compiled) both call `findCode`, so nothing an article holds runs before it has been checked.
 */

/** Something in an article that is not content. */
export interface CodeFinding {
  node: Nodes;
  message: string;
}

const BRACES = 'to show a brace in text, write “\\{” and “\\}”';

/**
 * The program parsed from an expression's code (remark-mdx's, or the content check's own, see
 * parse-article.ts). Read through this type: Sätteri's mdast types declare the node without it.
 */
function programOf(node: { data?: unknown }): { body: unknown[] } | null | undefined {
  return (node.data as { estree?: { body: unknown[] } | null } | undefined)?.estree;
}

/** True when `node` is an `{/* #id *\/}` comment and nothing else (no code around the comment). */
export function isIdMarker(node: Nodes): node is Extract<Nodes, { type: 'mdxTextExpression' }> {
  if (node.type !== 'mdxTextExpression' || parseIdMarker(node.value) === undefined) return false;
  // The parsed program must be empty: `{/* #a *\/ process.exit() /* *\/}` is code with comments.
  const program = programOf(node);
  return program !== undefined && program !== null && program.body.length === 0;
}

/** The marker of a heading: its last child, an id comment, in a `##` or `###` heading. */
export function isHeadingMarker(node: Nodes, parent: Nodes | undefined): boolean {
  if (!isIdMarker(node) || parent?.type !== 'heading') return false;
  const heading = parent as Heading;
  return ID_DEPTHS.includes(heading.depth) && heading.children.at(-1) === node;
}

/** Whether an image address points into the site itself (`/images/step.png`), not elsewhere. */
export function isSiteImage(url: string): boolean {
  return /^\/(?![/\\])[^:?#\\]*$/.test(url.trim());
}

/**
 * Every piece of an article that is code, raw HTML or an image from elsewhere, in document order.
 * An element is reported once, without its children, so one mistake gives one message.
 */
export function findCode(tree: Root): CodeFinding[] {
  const findings: CodeFinding[] = [];
  visit(tree, (node: Nodes, _index: number | undefined, parent: Nodes | undefined) => {
    const report = (message: string) => {
      findings.push({ node, message });
      return SKIP;
    };
    switch (node.type) {
      case 'mdxjsEsm':
        return report('“import” and “export” are code, and articles hold no code: remove this line');
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const what = name === '' ? 'a fragment “<>”' : /^[A-Z]/.test(name) || name.includes('.') ? `the component <${name}>` : `the HTML element <${name}>`;
        return report(
          `${what} is not allowed: articles are Markdown only (no HTML, scripts, styles, frames, forms or components); ` +
            `write links as [text](address), and if you meant a “<” in text, write “\\<”`,
        );
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (isHeadingMarker(node, parent)) return CONTINUE;
        if (isIdMarker(node)) return report('a section id {/* #id */} belongs at the very end of a “##” or “###” heading');
        const code = node.value.trim();
        if (programOf(node)?.body.length === 0) {
          return report(`the comment “{${code.length > 40 ? `${code.slice(0, 40)}…` : code}}” has no place in an article: remove it (section ids are written {/* #id */} at the end of a heading)`);
        }
        return report(`“{${code.length > 40 ? `${code.slice(0, 40)}…` : code}}” is code in MDX, and articles hold no code; ${BRACES}`);
      }
      case 'image':
        if (!isSiteImage(node.url)) return report(`the image “${node.url}” is not on this site: images come only from the site itself (a path like /images/step.png)`);
        return CONTINUE;
      case 'html':
        return report('raw HTML is not allowed in articles: write Markdown instead');
      default:
        return CONTINUE;
    }
  });
  return findings;
}
