import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BuiltSite } from '../../src/lib/build/built-site';
import { isFirstLoad, MIN_BYTES, precompress, shouldPrecompress } from '../../src/lib/build/precompress';

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

describe('isFirstLoad', () => {
  it('takes pages, styles and scripts for Zopfli, not the service worker that changes with every build', () => {
    for (const path of ['/en/app/index.html', '/_astro/Base.x.js', '/_astro/a.css', '/pagefind/pagefind.js']) expect(isFirstLoad(path), path).toBe(true);
    for (const path of ['/sw.js', '/pagefind/outline/en.json', '/sitemap-0.xml', '/favicon.svg']) expect(isFirstLoad(path), path).toBe(false);
  });
});

describe('precompress', () => {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('writes a gzip twin that inflates to the very bytes, the same for the same bytes, and nothing else', async () => {
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
    const site = await BuiltSite.list(dir);
    const cache = await mkdtemp(join(tmpdir(), 'guide-precompress-cache-'));
    made.push(cache);
    const done = await precompress(site, cache);
    expect(done.files).toBe(2);
    const twins = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.gz')).sort();
    expect(twins).toEqual(['_astro/page.js.gz', 'km/app/index.html.gz']);
    const gz = await readFile(join(dir, 'km/app/index.html.gz'));
    expect(gunzipSync(gz).toString('utf8')).toBe(page);
    // Pages and scripts get Zopfli: smaller than zlib's best.
    expect(gz.length).toBeLessThan(gzipSync(page, { level: 9, memLevel: 9 }).length);
    expect(done.zopfli).toBe(2);
    // The twins join the site's list of files, for any step after this one.
    expect(site.files().filter((f) => f.endsWith('.gz'))).toEqual(['/_astro/page.js.gz', '/km/app/index.html.gz']);
    expect(done.gzBytes).toBe(gz.length + (await readFile(join(dir, '_astro/page.js.gz'))).length);

    // The next build of the same files takes Zopfli's output from the cache: the same bytes, no work.
    await rm(join(dir, 'km/app/index.html.gz'));
    const again = await precompress(await BuiltSite.list(dir), cache);
    expect(again).toMatchObject({ zopfli: 0, cached: 2, files: 2 });
    expect((await readFile(join(dir, 'km/app/index.html.gz'))).equals(gz)).toBe(true);
  });

  it('compresses a changed file again, and other text with zlib’s best', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guide-precompress-'));
    const cache = await mkdtemp(join(tmpdir(), 'guide-precompress-cache-'));
    made.push(dir, cache);
    const json = JSON.stringify({ words: Array.from({ length: 200 }, (_, i) => `word ${i}`) });
    await writeFile(join(dir, 'a.html'), '<p>one</p>'.repeat(100));
    await writeFile(join(dir, 'outline.json'), json);
    await precompress(await BuiltSite.list(dir), cache);
    expect((await readFile(join(dir, 'outline.json.gz'))).equals(gzipSync(json, { level: 9, memLevel: 9 }))).toBe(true);
    await writeFile(join(dir, 'a.html'), '<p>two</p>'.repeat(100));
    const again = await precompress(await BuiltSite.list(dir), cache);
    expect(again).toMatchObject({ zopfli: 1, cached: 0 });
    expect(gunzipSync(await readFile(join(dir, 'a.html.gz'))).toString()).toBe('<p>two</p>'.repeat(100));
  });
});
