import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const children = (node: Element, tag: string) => node.children.filter((c): c is Element => c.type === 'element' && c.tagName === tag);

/**
 * Copies each column's header onto its cells (`data-label`) and wraps the table in a region
 * that can scroll, so that on a phone the stylesheet can show every row as a small card
 * ("Seller: Airalo / Condition: … / Deadline: …") instead of squeezing columns. Explicit ARIA
 * roles keep it a table for screen readers when CSS changes its display.
 */
export default function rehypeTableLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const head = children(node, 'thead')[0];
      const roles: Record<string, string> = { table: 'table', thead: 'rowgroup', tbody: 'rowgroup', tr: 'row', th: 'columnheader', td: 'cell' };
      visit(node, 'element', (el) => {
        const role = roles[el.tagName];
        if (role) el.properties.role = role;
      });
      const labels = head ? children(children(head, 'tr')[0] ?? head, 'th').map((th) => toString(th).trim()) : [];
      for (const body of children(node, 'tbody')) {
        for (const row of children(body, 'tr')) {
          children(row, 'td').forEach((td, i) => {
            if (labels[i]) td.properties.dataLabel = labels[i];
          });
        }
      }
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [node] };
    });
  };
}
