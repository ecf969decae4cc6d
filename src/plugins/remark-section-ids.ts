import type { Root } from 'mdast';
// Brings in the `hName`/`hProperties` fields of mdast data that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { headingMarker } from '../lib/content/parse-article';
import { ID_DEPTHS } from '../lib/content/section-ids';

/**
 * Gives each `##`/`###` heading the id written in its `{/* #id *\/}` marker and turns the
 * heading text into a link to itself, so every section can be shared. The content check has
 * already refused headings without a valid id; this plugin fails the same way if it meets one.
 */
export default function remarkSectionIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'heading', (node) => {
      if (!ID_DEPTHS.includes(node.depth)) return;
      const marker = headingMarker(node);
      if (!marker) {
        file.fail('This heading has no section id: end it with {/* #some-id */}', node);
      }
      node.children.splice(marker.index, 1);
      const last = node.children.at(-1);
      if (last?.type === 'text') last.value = last.value.trimEnd();
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: marker.id } };
      node.children = [
        {
          type: 'link',
          url: `#${marker.id}`,
          children: node.children,
          data: { hProperties: { className: ['heading-link'] } },
        },
      ];
    });
  };
}
