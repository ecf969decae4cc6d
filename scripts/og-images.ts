// Draws the Open Graph cards in Chromium and writes them as palette PNGs (`npm run og`; see README.md).
// Runs under plain Node: import only files without runtime imports, with explicit `.ts` extensions.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { localeCodes, locales, type Locale } from '../src/i18n/locales.ts';
import { pageSlugs, type PageSlug } from '../src/lib/content/topics.ts';
import { chromiumArgs, chromiumPath } from './lib/browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'public', 'og');
// What each card was made from (`<locale>/<slug>`: its title; `home`: the English site name), so
// --check and the unit test can tell a stale card. Kept beside the script: the site does not publish it.
const manifestPath = join(root, 'scripts', 'og-manifest.json');
const WIDTH = 1200;
const HEIGHT = 630;
/** A card above this size gets a warning: a simpler design or a shorter title would help. */
const MAX_BYTES = 60 * 1024;

// ---------------------------------------------------------------------------------------------
// Inputs: frontmatter and site names
// ---------------------------------------------------------------------------------------------

interface PageInfo {
  locale: Locale;
  slug: PageSlug;
  /** `<locale>/<slug>`, the manifest key. */
  key: string;
  source: string;
  /** Undefined while the article is not written yet. */
  title?: string;
  navTitle?: string;
}

/** The YAML between the opening `---` lines of an MDX file, parsed. */
export function readFrontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match) throw new Error(`${relative(root, file)}: no frontmatter`);
  const data: unknown = parseYaml(match[1] ?? '');
  if (data === null || typeof data !== 'object') throw new Error(`${relative(root, file)}: frontmatter is not a mapping`);
  return data as Record<string, unknown>;
}

function readPage(locale: Locale, slug: PageSlug): PageInfo {
  const file = join(root, 'content', locale, `${slug}.mdx`);
  const page: PageInfo = { locale, slug, key: `${locale}/${slug}`, source: relative(root, file) };
  if (!existsSync(file)) return page;
  const data = readFrontmatter(file);
  // The content schema trims both; so does the page heading.
  if (typeof data.title !== 'string' || !data.title.trim()) throw new Error(`${page.source}: the field “title” is missing`);
  page.title = data.title.trim();
  page.navTitle = typeof data.navTitle === 'string' ? data.navTitle.trim() : '';
  return page;
}

/** `ui[locale]['site.name']`: imported, or, should a UI file ever gain runtime imports, read with a regex. */
async function siteName(locale: Locale): Promise<string> {
  const file = join(root, 'src', 'i18n', 'ui', `${locale}.ts`);
  try {
    const mod = (await import(new URL(`../src/i18n/ui/${locale}.ts`, import.meta.url).href)) as { default: Record<string, string> };
    const name = mod.default['site.name'];
    if (typeof name === 'string' && name.trim()) return name.trim();
  } catch {
    // fall through to the regex
  }
  const match = /['"]site\.name['"]\s*:\s*(['"])((?:\\.|(?!\1).)*)\1/.exec(readFileSync(file, 'utf8'));
  if (!match?.[2]) throw new Error(`${relative(root, file)}: no 'site.name'`);
  return match[2].replace(/\\(.)/g, '$1');
}

// ---------------------------------------------------------------------------------------------
// The card
// ---------------------------------------------------------------------------------------------

/** The Noto family for each script; CJK families differ in glyph shapes, so the locale picks one. */
const scriptFont: Partial<Record<Locale, string>> = {
  'zh-hans': '"Noto Sans CJK SC"',
  'zh-hant': '"Noto Sans CJK TC"',
  ja: '"Noto Sans CJK JP"',
  ko: '"Noto Sans CJK KR"',
  th: '"Noto Sans Thai"',
  km: '"Noto Sans Khmer"',
};

function fontStack(locale: Locale): string {
  return [scriptFont[locale], '"Noto Sans"', 'sans-serif'].filter(Boolean).join(', ');
}

/** Thai and Khmer stack vowels and subscripts above and below the line; Vietnamese stacks accents. */
function lineHeight(locale: Locale): number {
  if (locale === 'km') return 1.75;
  if (locale === 'th') return 1.6;
  if (locale === 'vi') return 1.32;
  if (scriptFont[locale]) return 1.3; // CJK
  return 1.2;
}

/** Line breaking that reads well: phrases in Japanese, words (at spaces) in Korean. */
function wordBreak(locale: Locale): string {
  if (locale === 'ja') return 'auto-phrase';
  if (locale === 'ko') return 'keep-all';
  return 'normal';
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The title as the card shows it. Khmer titles break only where the writer put a space: Khmer
 * spaces phrases, and the line breaker's dictionary splits compounds such as បោកប្រាស់ ("to
 * cheat") into two words, which a reader sees as a broken word. (Thai keeps the dictionary's
 * breaks: its titles have runs too long for one line.)
 */
function titleHtml(title: string, locale: Locale): string {
  if (locale !== 'km') return escapeHtml(title);
  return title.split(' ').map((run) => `<span class="run">${escapeHtml(run)}</span>`).join(' ');
}

/** The guide's mark (a SIM card), as on the language chooser. */
const mark = `<svg class="mark" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M7 2h7l5 5v13a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Zm1 9v7h8v-7H8Zm2 2h4v3h-4v-3Z"/></svg>`;

interface Card {
  locale: Locale;
  label: string;
  title: string;
  /** HTML of the footer text: the site name, or for the chooser the endonyms. */
  footer: string;
}

export function cardHtml({ locale, label, title, footer }: Card): string {
  const lang = locales[locale].lang;
  const dir = locales[locale].dir;
  const lh = lineHeight(locale);
  const latin = !scriptFont[locale];
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<style>
  * { box-sizing: border-box; margin: 0; padding: 0; }
  html, body { width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; }
  body {
    display: flex; background: #f6faf9; color: #10302e;
    font-family: ${fontStack(locale)}; font-kerning: normal;
  }
  .bar { flex: none; width: 24px; background: #0b6e69; }
  .card { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 26px; padding: 58px 84px 50px 72px; }
  .label {
    align-self: flex-start; max-width: 100%; white-space: nowrap;
    font-size: 28px; font-weight: 700; line-height: ${Math.min(lh, 1.5)}; color: #0b6e69;
    background: #e2f0ee; border: 2px solid #b9dbd6; border-radius: 999px; padding: 3px 22px 4px;
  }
  .main { flex: 1; min-height: 0; display: flex; align-items: center; }
  h1 {
    width: 100%; font-size: 76px; font-weight: 700; line-height: ${lh};
    letter-spacing: ${latin ? '-0.012em' : '0'}; text-wrap: balance;
    word-break: ${wordBreak(locale)}; overflow-wrap: anywhere; line-break: strict;
  }
  .run { white-space: nowrap; }
  .foot { flex: none; height: 96px; display: flex; align-items: center; gap: 20px; border-top: 2px solid #d2e5e2; padding-top: 22px; }
  .mark { flex: none; width: 46px; height: 46px; color: #0b6e69; }
  .site { min-width: 0; flex: 1; font-size: 30px; line-height: ${Math.min(lh, 1.5)}; color: #3a5754; font-weight: 500; }
  .site.one-line { white-space: nowrap; }
  .sep { color: #8fb3ae; padding: 0 0.3em; }
</style>
</head>
<body>
  <div class="bar"></div>
  <div class="card">
    <div class="label" id="label">${escapeHtml(label)}</div>
    <div class="main" id="main"><h1 id="title">${titleHtml(title, locale)}</h1></div>
    <div class="foot" id="foot">${mark}<div class="site" id="site">${footer}</div></div>
  </div>
</body>
</html>`;
}

/** Shrinks the title, label and footer text until each fits its box; runs in the page. */
export function fitCard(): { title: number; fits: boolean } {
  const $ = (id: string) => document.getElementById(id)!;
  const fits = (el: HTMLElement, box: HTMLElement) => el.scrollHeight <= box.clientHeight && el.scrollWidth <= box.clientWidth;
  const shrink = (el: HTMLElement, box: HTMLElement, max: number, min: number) => {
    let size = max;
    for (; size > min; size -= 2) {
      el.style.fontSize = `${size}px`;
      if (fits(el, box)) return size;
    }
    el.style.fontSize = `${min}px`;
    return min;
  };
  const label = $('label');
  const labelFits = () => label.scrollWidth <= label.clientWidth;
  for (let size = 28; size > 18 && !labelFits(); size -= 1) label.style.fontSize = `${size - 1}px`;
  const site = $('site');
  const footBox = site.parentElement!;
  const siteFits = () => site.scrollHeight <= footBox.clientHeight - 22 && site.scrollWidth <= site.clientWidth;
  for (let size = 30; size > 18 && !siteFits(); size -= 1) site.style.fontSize = `${size - 1}px`;
  const title = $('title');
  const main = $('main');
  const size = shrink(title, main, 76, 36);
  return { title: size, fits: fits(title, main) && labelFits() && siteFits() };
}

/**
 * The screenshot as a palette PNG, a third of its size: the card is flat colours and anti-aliased
 * text, which quality 98 keeps in a few dozen colours; no dithering keeps flat areas flat.
 */
export function encodeCard(shot: Buffer): Promise<Buffer> {
  return sharp(shot).png({ palette: true, colours: 256, quality: 98, dither: 0, effort: 10, compressionLevel: 9 }).toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const imagePath = (key: string) => join(outDir, `${key}.png`);
const shown = (file: string) => relative(root, file).split('\\').join('/');

function readManifest(): Record<string, string> {
  if (!existsSync(manifestPath)) return {};
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const only = args.filter((arg) => arg !== '--check');
  const unknown = only.filter((arg) => arg !== 'home' && !(localeCodes as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(', ')}. Usage: og-images.ts [--check] [locale … | home]`);
    return 2;
  }

  const pages = localeCodes.flatMap((locale) => pageSlugs.map((slug) => readPage(locale, slug)));
  const names = Object.fromEntries(await Promise.all(localeCodes.map(async (code) => [code, await siteName(code)] as const))) as Record<Locale, string>;
  const homeName = names.en;
  const manifest = readManifest();
  for (const page of pages) if (page.title === undefined) console.warn(`Skipped ${page.key}: ${page.source} does not exist yet.`);

  if (check) {
    const stale: string[] = [];
    for (const page of pages) {
      if (page.title === undefined) continue;
      const file = imagePath(page.key);
      if (!existsSync(file)) stale.push(`${shown(file)} (missing)`);
      else if (manifest[page.key] !== page.title) stale.push(`${shown(file)} (title changed)`);
    }
    const home = imagePath('home');
    if (!existsSync(home)) stale.push(`${shown(home)} (missing)`);
    else if (manifest.home !== homeName) stale.push(`${shown(home)} (site name changed)`);
    for (const line of stale) console.error(`Open Graph image out of date: ${line}. Run: npm run og`);
    if (stale.length === 0) console.log(`Open Graph images are up to date (${pages.filter((p) => p.title !== undefined).length + 1}).`);
    return stale.length > 0 ? 1 : 0;
  }

  const wanted = (key: string) => only.length === 0 || only.includes(key === 'home' ? 'home' : key.split('/')[0]!);
  const cards: { key: string; manifestTitle: string; card: Card }[] = [];
  for (const page of pages) {
    if (page.title === undefined || !wanted(page.key)) continue;
    cards.push({
      key: page.key,
      manifestTitle: page.title,
      card: { locale: page.locale, label: page.navTitle ?? '', title: page.title, footer: escapeHtml(names[page.locale]) },
    });
  }
  if (wanted('home')) {
    const endonyms = localeCodes
      // Khmer letters are small for their em box: a little larger, to look the same size as the rest.
      .map((code) => `<span lang="${locales[code].lang}" style='font-family: ${fontStack(code)}${code === 'km' ? '; font-size: 1.12em' : ''}'>${escapeHtml(locales[code].endonym)}</span>`)
      .join('<span class="sep" aria-hidden="true">·</span>');
    const en = (await import(new URL('../src/i18n/ui/en.ts', import.meta.url).href).catch(() => undefined)) as { default: Record<string, string> } | undefined;
    cards.push({
      key: 'home',
      manifestTitle: homeName,
      card: { locale: 'en', label: en?.default['home.title'] ?? 'Choose your language', title: homeName, footer: endonyms },
    });
  }

  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    // No network: the card is self-contained, with system fonts only.
    await page.route('**/*', (route) => route.abort());
    for (const { key, manifestTitle, card } of cards) {
      await page.setContent(cardHtml(card), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      if (key === 'home') await page.evaluate(() => document.getElementById('site')!.classList.add('one-line'));
      const fit = await page.evaluate(fitCard);
      const shot = await page.screenshot({ type: 'png' });
      const png = await encodeCard(shot);
      const file = imagePath(key);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
      manifest[key] = manifestTitle;
      console.log(`${shown(file)}  ${(png.length / 1024).toFixed(1)} KB, title ${fit.title}px`);
      if (!fit.fits) problems.push(`${shown(file)}: the text does not fit the card even at the smallest size; shorten the title.`);
      if (png.length > MAX_BYTES) problems.push(`${shown(file)}: ${(png.length / 1024).toFixed(1)} KB, over ${MAX_BYTES / 1024} KB.`);
    }
  } finally {
    await browser.close();
  }

  // The manifest in reading order; entries of pages that no longer exist are dropped.
  const ordered: Record<string, string> = {};
  for (const page of pages) if (page.title !== undefined && manifest[page.key] !== undefined) ordered[page.key] = manifest[page.key]!;
  if (manifest.home !== undefined) ordered.home = manifest.home;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(manifestPath, `${JSON.stringify(ordered, null, 2)}\n`);
  const total = Object.keys(ordered).reduce((sum, key) => sum + (existsSync(imagePath(key)) ? statSync(imagePath(key)).size : 0), 0);
  console.log(`Wrote ${cards.length} image(s) and ${shown(manifestPath)}; all images together ${(total / 1024).toFixed(1)} KB.`);
  for (const problem of problems) console.warn(`Warning: ${problem}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
