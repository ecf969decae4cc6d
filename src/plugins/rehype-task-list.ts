import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { translatorOf } from './translator';

const hasClass = (node: Element, name: string) => {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
};

/**
 * GFM renders checklist items as a bare, disabled checkbox followed by text, which a screen
 * reader announces as an unlabelled control. Wrap each item in a `<label>` and let the reader
 * tick it, so the checklist is usable (and printable) as plain HTML.
 *
 * After each checklist comes its note, in the page's language: the ticks stay on this device,
 * and a button clears them. The page script keeps the ticks (src/scripts/checklist.ts); the
 * stylesheet shows the note only where scripts run (`.js`), as without them nothing is kept.
 * Written here rather than by the script, it takes its room from the first paint and costs
 * only the pages that have a checklist.
 */
export default function rehypeTaskList() {
  return (tree: Root, file: VFile) => {
    const t = translatorOf(file);
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
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'ul' || !hasClass(node, 'contains-task-list') || !parent || index === undefined) return;
      const note: Element = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['checklist-note'] },
        children: [
          { type: 'text', value: `${t('checklist.saved')} ` },
          { type: 'element', tagName: 'button', properties: { type: 'button', className: ['checklist-reset'] }, children: [{ type: 'text', value: t('checklist.reset') }] },
        ],
      };
      parent.children.splice(index + 1, 0, note);
      // Skip the note just added.
      return index + 2;
    });
  };
}
