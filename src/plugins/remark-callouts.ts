import type { Root } from 'mdast';
// Brings in the `hName`/`hProperties` fields of mdast data that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { translatorOf } from './translator';

const KINDS = { WARNING: 'callout.warning', TIP: 'callout.tip', NOTE: 'callout.note' } as const;
const MARKER = /^\[!(WARNING|TIP|NOTE)\][ \t]*\n?/;

/**
 * Turns GitHub-style alerts into callouts a reader cannot miss:
 *
 *     > [!WARNING]
 *     > Deleting the eSIM does not cancel the plan.
 *
 * becomes a `role="note"` box with a visible, localized label ("Warning", "警告"), so the
 * meaning never rests on colour alone.
 */
export default function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    const t = translatorOf(file);
    visit(tree, 'blockquote', (node) => {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const text = first.children[0];
      if (text?.type !== 'text') return;
      const match = MARKER.exec(text.value);
      if (!match) return;
      const kind = match[1] as keyof typeof KINDS;
      text.value = text.value.slice(match[0].length);
      if (text.value === '') first.children.shift();
      if (first.children.length === 0) node.children.shift();
      node.data = {
        ...node.data,
        hName: 'div',
        hProperties: { className: ['callout', `callout-${kind.toLowerCase()}`], role: 'note' },
      };
      node.children.unshift({
        type: 'paragraph',
        // The label is for the eye; search should not find every warning by the word "Warning".
        data: { hProperties: { className: ['callout-title'], dataPagefindIgnore: '' } },
        children: [{ type: 'strong', children: [{ type: 'text', value: t(KINDS[kind]) }] }],
      });
    });
  };
}
