/**
 * Synthetic articles for the benchmark's scale mode (scripts/bench.ts): N files
 * `content/<locale>/synthetic-<n>.mdx` per locale, written into a throw-away copy of the project.
 *
 * Each locale's articles are made of that locale's own text: the paragraphs, list items and
 * headings of its six real pages, shuffled (a seeded shuffle, so runs are comparable), and about
 * as long as its real topic pages on average (Khmer and Thai pages are about twice the size of the
 * English ones, and so are their synthetic pages). The vocabulary therefore stays the site's own:
 * the index grows by pages and word positions, not by new words, which understates a real
 * site's growth in words a little but keeps sizes per language honest.
 *
 * Every article passes the content checks: frontmatter by the schema, four `##` sections with the
 * same ids in every locale (`part-1` … `part-4`), no links, and no `{`, `}` or `<` that MDX would read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { localeCodes, type Locale } from '../src/i18n/locales.ts';
import { pageSlugs, topics } from '../src/lib/content/topics.ts';

/** What a locale's real pages give to its synthetic ones. */
interface Material {
  units: string[];
  headings: string[];
  navTitles: string[];
  descriptions: string[];
  /** The mean body length (characters) of the locale's topic pages. */
  bodyChars: number;
}

const SECTIONS = 4;

/** A small deterministic random generator (mulberry32), seeded per locale and article. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const pick = <T>(list: readonly T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)]!;

/** Plain text of one line of MDX: no markup, no links, nothing MDX would read as code. */
function plain(line: string): string {
  return line
    .replace(/\{\/\*.*?\*\/\}/g, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\\?[{}<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function split(file: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { data: parseYaml(match[1] ?? '') as Record<string, unknown>, body: text.slice(match[0].length) };
}

/** Text that states no number, code, e-mail address or link. */
const factFree = (text: string) => !/[\p{N}@#*]|https?:|www\.|\.(com|app|io|net|org|gov)\b/iu.test(text);

/** Reads a locale's six pages from `contentDir`. */
export function readMaterial(contentDir: string, locale: Locale): Material {
  const units: string[] = [];
  const headings: string[] = [];
  const navTitles: string[] = [];
  const descriptions: string[] = [];
  let topicChars = 0;
  for (const slug of pageSlugs) {
    const { data, body } = split(join(contentDir, locale, `${slug}.mdx`));
    navTitles.push(String(data.navTitle));
    descriptions.push(String(data.description));
    if ((topics as readonly string[]).includes(slug)) topicChars += body.length;
    for (const line of body.split(/\r?\n/)) {
      if (/^\s*\|/.test(line) || /^\s*>\s*\[!/.test(line) || /^\s*(import|export)\s/.test(line)) continue;
      const heading = /^#{2,6}\s+(.*)$/.exec(line);
      const text = plain(heading ? heading[1]! : line);
      // Only text without facts: the build holds every language's section to the same numbers,
      // codes, e-mail addresses and links (fact parity), which shuffled sentences would break.
      if (!factFree(text)) continue;
      if (heading) {
        if (text) headings.push(text);
      } else if (text.length >= 12) units.push(text);
    }
  }
  if (units.length < 20 || headings.length < 4) throw new Error(`content/${locale}: too little text to make synthetic pages from`);
  return { units, headings, navTitles, descriptions, bodyChars: Math.round(topicChars / topics.length) };
}

/** Languages written without spaces between sentences. */
const UNSPACED = new Set<Locale>(['zh-hans', 'zh-hant', 'ja']);

/** The MDX of synthetic page `n` of a locale. */
export function syntheticArticle(locale: Locale, n: number, material: Material): string {
  const rnd = random(seedOf(`${locale}/${n}`));
  const join = (parts: string[]) => parts.join(UNSPACED.has(locale) ? '' : ' ');
  const heading = pick(material.headings, rnd);
  const frontmatter = {
    title: `${heading} (${n})`,
    navTitle: pick(material.navTitles, rnd),
    description: pick(material.descriptions, rnd),
    // Within the frontmatter's 480 layout columns (a CJK character counts as two): 200 characters at most.
    summary: [...join([pick(material.units, rnd), pick(material.units, rnd)])].slice(0, 200).join('').trim(),
    lastReviewed: '2026-11-25',
    sources: [{ title: pick(material.headings, rnd), publisher: 'Synthetic benchmark page' }],
  };
  const perSection = material.bodyChars / SECTIONS;
  const sections: string[] = [];
  for (let s = 1; s <= SECTIONS; s++) {
    const blocks: string[] = [`## ${pick(material.headings, rnd)} {/* #part-${s} */}`];
    let chars = blocks[0]!.length;
    for (let b = 0; chars < perSection; b++) {
      const size = 1 + Math.floor(rnd() * 3);
      const parts = Array.from({ length: size }, () => pick(material.units, rnd));
      // Every third block is a list, as in the real pages; the rest are paragraphs.
      const block = b % 3 === 2 ? parts.map((p, i) => `${i + 1}. ${p}`).join('\n') : join(parts);
      blocks.push(block);
      chars += block.length + 2;
    }
    sections.push(blocks.join('\n\n'));
  }
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 })}---\n\n${sections.join('\n\n')}\n`;
}

/** Writes `count` synthetic pages per locale into `contentDir`; returns the number of files written. */
export function writeSyntheticPages(contentDir: string, count: number): number {
  let written = 0;
  for (const locale of localeCodes) {
    const material = readMaterial(contentDir, locale);
    for (let n = 1; n <= count; n++) {
      writeFileSync(join(contentDir, locale, `synthetic-${n}.mdx`), syntheticArticle(locale, n, material));
      written++;
    }
  }
  return written;
}
