import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../src/integrations/precompress';
import { MIN_BYTES, shouldPrecompress } from '../../src/lib/precompress';

describe('shouldPrecompress', () => {
  it('takes the text a server compresses: pages, styles, scripts, JSON, SVG, XML, text', () => {
    for (const path of ['/en/app/index.html', '/_astro/a.css', '/_astro/Base.x.js', '/pagefind/pagefind.js', '/pagefind/outline/km.json', '/favicon.svg', '/sitemap-0.xml', '/robots.txt', '/sw.js']) {
      expect(shouldPrecompress(path, 5000), path).toBe(true);
    }
  });

  it('leaves Pagefind’s gzip files, images, tiny files and bundles no reader is sent', () => {
    for (const path of ['/pagefind/index/en_1.pf_index', '/pagefind/pagefind.en_1.pf_meta', '/pagefind/fragment/en_1.pf_fragment', '/pagefind/wasm.en.pagefind', '/og/en/app.png', '/pagefind/pagefind-ui.js', '/pagefind/pagefind-worker.js', '/en/app/index.html.gz']) {
      expect(shouldPrecompress(path, 5000), path).toBe(false);
    }
    expect(shouldPrecompress('/robots.txt', MIN_BYTES - 1)).toBe(false);
    expect(shouldPrecompress('/robots.txt', MIN_BYTES)).toBe(true);
  });
});

describe('precompress', () => {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('writes a gzip twin that inflates to the very bytes, smaller than zlib’s best, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guide-precompress-'));
    made.push(dir);
    const page = `<!DOCTYPE html><html lang="km"><body>${'<p>លុប eSIM ចេញពីទូរស័ព្ទរបស់អ្នក ក្រោយពេលសងប្រាក់វិញ។</p>\n'.repeat(40)}</body></html>`;
    const files: Record<string, string | Buffer> = {
      'km/app/index.html': page,
      '_astro/page.js': 'export const a = 1;\n'.repeat(30),
      'robots.txt': 'User-agent: *\n',
      'pagefind/index/km_1.pf_index': Buffer.from([0x1f, 0x8b, 1, 2, 3]),
      'pagefind/pagefind-ui.js': 'ui();\n'.repeat(100),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), content);
    }
    const done = await precompress(dir, 1);
    expect(done.files).toBe(2);
    const twins = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.gz')).sort();
    expect(twins).toEqual(['_astro/page.js.gz', 'km/app/index.html.gz']);
    const gz = await readFile(join(dir, 'km/app/index.html.gz'));
    expect(gunzipSync(gz).toString('utf8')).toBe(page);
    expect(gz.length).toBeLessThanOrEqual(gzipSync(page, { level: 9 }).length);
    expect(done.gzBytes).toBe(gz.length + (await readFile(join(dir, '_astro/page.js.gz'))).length);
  });
});
