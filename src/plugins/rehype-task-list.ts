import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const hasClass = (node: Element, name: string) => {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
};

/**
 * GFM renders checklist items as a bare, disabled checkbox followed by text, which a screen
 * reader announces as an unlabelled control. Wrap each item in a `<label>` and let the reader
 * tick it, so the checklist is usable (and printable) as plain HTML.
 */
export default function rehypeTaskList() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'li' || !hasClass(node, 'task-list-item')) return;
      const box = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
      if (!box) return;
      delete box.properties.disabled;
      // Loose lists wrap the text in a paragraph; the label takes the paragraph's content.
      const content: ElementContent[] = node.children.flatMap((c) =>
        c.type === 'element' && c.tagName === 'p' ? c.children : [c],
      );
      node.children = [{ type: 'element', tagName: 'label', properties: {}, children: content }];
    });
  };
}
