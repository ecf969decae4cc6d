import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import remarkSectionIds from '../../src/plugins/remark-section-ids';
import remarkCallouts from '../../src/plugins/remark-callouts';
import rehypeTaskList from '../../src/plugins/rehype-task-list';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import rehypeTableLabels from '../../src/plugins/rehype-table-labels';
import rehypeSectionHeads from '../../src/plugins/rehype-section-heads';
import { ui } from '../../src/i18n/ui';

async function transform(markdown: string, path = '/site/content/en/app.mdx'): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkSectionIds).use(remarkCallouts);
  const file = new VFile({ value: markdown, path });
  return (await processor.run(processor.parse(file), file)) as Root;
}

describe('remarkSectionIds', () => {
  it('moves the marker into the id and links the heading to itself', async () => {
    const tree = await transform('## Turn off auto top-up {/* #turn-off-auto-top-up */}');
    const heading = tree.children[0];
    expect(heading).toMatchObject({
      type: 'heading',
      data: { hProperties: { id: 'turn-off-auto-top-up' } },
      children: [{ type: 'link', url: '#turn-off-auto-top-up', children: [{ type: 'text', value: 'Turn off auto top-up' }] }],
    });
  });

  it('fails on a section heading without an id', async () => {
    await expect(transform('## No id')).rejects.toThrow(/no section id/);
  });
});

describe('remarkCallouts', () => {
  it('turns an alert into a labelled note in the page language', async () => {
    const tree = await transform('> [!WARNING]\n> Deleting does not cancel the plan.', '/site/content/zh-hans/app.mdx');
    expect(tree.children[0]).toMatchObject({
      type: 'blockquote',
      data: { hName: 'div', hProperties: { className: ['callout', 'callout-warning'], role: 'note' } },
      children: [
        { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: '警告' }] }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'Deleting does not cancel the plan.' }] },
      ],
    });
  });

  it('leaves ordinary quotes alone', async () => {
    const tree = await transform('> Just a quote.');
    expect(tree.children[0]?.data).toBeUndefined();
  });
});

describe('rehypeTaskList', () => {
  it('labels checklist items and lets the reader tick them', () => {
    const tree: HastRoot = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'li',
          properties: { className: ['task-list-item'] },
          children: [
            { type: 'element', tagName: 'input', properties: { type: 'checkbox', disabled: true }, children: [] },
            { type: 'text', value: ' Saved the ICCID' },
          ],
        },
      ],
    };
    rehypeTaskList()(tree, new VFile({ path: '/site/content/en/preparation.mdx' }));
    expect(tree.children[0]).toMatchObject({
      tagName: 'li',
      children: [{ tagName: 'label', children: [{ tagName: 'input', properties: { type: 'checkbox' } }, { type: 'text', value: ' Saved the ICCID' }] }],
    });
    expect(JSON.stringify(tree)).not.toContain('disabled');
  });

  it('follows each checklist with its note and clear button, in the page’s language', () => {
    const item: HastElement = { type: 'element', tagName: 'li', properties: { className: ['task-list-item'] }, children: [{ type: 'element', tagName: 'input', properties: { type: 'checkbox' }, children: [] }, { type: 'text', value: ' 截图保存 ICCID' }] };
    const list = (): HastElement => ({ type: 'element', tagName: 'ul', properties: { className: ['contains-task-list'] }, children: [structuredClone(item)] });
    const plain: HastElement = { type: 'element', tagName: 'ul', properties: {}, children: [] };
    const tree: HastRoot = { type: 'root', children: [list(), plain, list()] };
    rehypeTaskList()(tree, new VFile({ path: '/site/content/zh-hans/preparation.mdx' }));
    const note = { tagName: 'p', properties: { className: ['checklist-note'] }, children: [{ type: 'text', value: `${ui['zh-hans']['checklist.saved']} ` }, { tagName: 'button', properties: { type: 'button', className: ['checklist-reset'] }, children: [{ type: 'text', value: ui['zh-hans']['checklist.reset'] }] }] };
    expect(tree.children.map((c) => (c as HastElement).tagName)).toEqual(['ul', 'p', 'ul', 'ul', 'p']);
    expect(tree.children[1]).toMatchObject(note);
    expect(tree.children[4]).toMatchObject(note);
  });
});

describe('rehypeTableLabels', () => {
  it('labels cells with their column header, keeps table roles, and wraps the table', () => {
    const cell = (tag: string, text: string): HastElement => ({ type: 'element', tagName: tag, properties: {}, children: [{ type: 'text', value: text }] });
    const row = (...cells: HastElement[]): HastElement => ({ type: 'element', tagName: 'tr', properties: {}, children: cells });
    const group = (tag: string, ...rows: HastElement[]): HastElement => ({ type: 'element', tagName: tag, properties: {}, children: rows });
    const table: HastElement = { type: 'element', tagName: 'table', properties: {}, children: [group('thead', row(cell('th', 'Seller'), cell('th', 'Deadline'))), group('tbody', row(cell('td', 'Holafly'), cell('td', '6 months')))] };
    const tree: HastRoot = { type: 'root', children: [table] };
    rehypeTableLabels()(tree);
    expect(tree.children[0]).toMatchObject({ tagName: 'div', properties: { className: ['table-wrap'] }, children: [{ tagName: 'table', properties: { role: 'table' } }] });
    const body = table.children[1] as HastElement;
    const cells = (body.children[0] as HastElement).children as HastElement[];
    expect(cells.map((c) => [c.properties.dataLabel, c.properties.role])).toEqual([['Seller', 'cell'], ['Deadline', 'cell']]);
  });
});

describe('rehypeSectionHeads', () => {
  it('wraps section headings, and only those, so their tools sit beside them', () => {
    const h = (tagName: string, id?: string): HastElement => ({ type: 'element', tagName, properties: id ? { id } : {}, children: [{ type: 'text', value: 'x' }] });
    const tree: HastRoot = { type: 'root', children: [h('h2', 'a'), h('p'), h('h3', 'b'), h('h2')] };
    rehypeSectionHeads()(tree);
    expect(tree.children.map((c) => (c as HastElement).tagName)).toEqual(['div', 'p', 'div', 'h2']);
    expect(tree.children[0]).toMatchObject({ properties: { className: ['section-head', 'section-head-h2'] }, children: [{ tagName: 'h2', properties: { id: 'a' } }] });
    expect(tree.children[2]).toMatchObject({ properties: { className: ['section-head', 'section-head-h3'] } });
  });
});
