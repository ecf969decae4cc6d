import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Wraps each section heading (`h2`/`h3` with an id) in `<div class="section-head">`. The page
 * script puts the section's copy-link and share buttons in this wrapper, beside the heading and
 * not inside it, so the heading's accessible name stays its own text; the space for them is laid
 * out from the start, so adding them moves nothing on screen.
 */
export default function rehypeSectionHeads() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !/^h[23]$/.test(node.tagName) || !node.properties.id) return;
      const head: Element = { type: 'element', tagName: 'div', properties: { className: ['section-head', `section-head-${node.tagName}`] }, children: [node] };
      parent.children[index] = head;
      return SKIP;
    });
  };
}
