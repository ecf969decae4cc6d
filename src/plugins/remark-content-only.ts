import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { findCode } from '../lib/content/content-only';

/**
 * The MDX pipeline's own guard: an article holding code, HTML or a foreign image fails to compile,
 * so it can never run, even in `astro dev`, where the content check only reports. Listed first
 * among the remark plugins (astro.config.mjs).
 */
export default function remarkContentOnly() {
  return (tree: Root, file: VFile) => {
    const [first] = findCode(tree);
    if (first) file.fail(first.message, first.node);
  };
}
