import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { localeCodes } from '../../src/i18n/locales';
import { ui } from '../../src/i18n/ui';
import { pageSlugs } from '../../src/lib/content/topics';

// The Open Graph images are made by `npm run og` (scripts/og-images.ts) and committed; these tests
// catch a missing image, a wrong size, or an image made from a title that has since changed.

const root = fileURLToPath(new URL('../..', import.meta.url));
const og = `${root}public/og/`;
const fix = 'Run: npm run og';

function frontmatterTitle(file: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  expect(match, `${file}: no frontmatter`).not.toBeNull();
  const data = parseYaml(match![1]!) as { title?: unknown };
  expect(typeof data.title, `${file}: title`).toBe('string');
  return String(data.title).trim();
}

function manifest(): Record<string, string> {
  const file = fileURLToPath(new URL('../../scripts/og-manifest.json', import.meta.url));
  expect(existsSync(file), `scripts/og-manifest.json is missing. ${fix}`).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

describe('Open Graph images', () => {
  for (const locale of localeCodes) {
    describe(locale, () => {
      for (const slug of pageSlugs) {
        it(`${slug}: public/og/${locale}/${slug}.png is 1200×630 and made from the current title`, async () => {
          const image = `${og}${locale}/${slug}.png`;
          expect(existsSync(image), `public/og/${locale}/${slug}.png is missing. ${fix}`).toBe(true);
          const { format, width, height } = await sharp(image).metadata();
          expect({ format, width, height }).toEqual({ format: 'png', width: 1200, height: 630 });
          const title = frontmatterTitle(`${root}content/${locale}/${slug}.mdx`);
          expect(manifest()[`${locale}/${slug}`], `public/og/${locale}/${slug}.png is out of date (title changed). ${fix}`).toBe(title);
        });
      }
    });
  }

  it('home: public/og/home.png is 1200×630 and made from the current site name', async () => {
    const image = `${og}home.png`;
    expect(existsSync(image), `public/og/home.png is missing. ${fix}`).toBe(true);
    const { format, width, height } = await sharp(image).metadata();
    expect({ format, width, height }).toEqual({ format: 'png', width: 1200, height: 630 });
    expect(manifest().home, `public/og/home.png is out of date (site name changed). ${fix}`).toBe(ui.en['site.name']);
  });
});
