import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import remarkContentOnly from '../../src/plugins/remark-content-only';

const build = (source: string) => compile({ value: source, path: '/site/content/en/app.mdx' }, { remarkPlugins: [remarkContentOnly] });

describe('the MDX pipeline’s own guard', () => {
  it('fails to compile an article holding code, so it can never run, even in astro dev', async () => {
    await expect(build('Home: {process.env.HOME}')).rejects.toThrow(/is code in MDX/);
    await expect(build('export const a = 1')).rejects.toThrow(/“import” and “export” are code/);
    await expect(build('<meta http-equiv="refresh" content="0;url=https://evil.example/" />')).rejects.toThrow(/<meta> is not allowed/);
  });

  it('compiles Markdown with section id markers', async () => {
    await expect(build('## Refund {/* #request-a-refund */}\n\nText with **bold** and [a link](/en/app/).')).resolves.toBeDefined();
  });
});
