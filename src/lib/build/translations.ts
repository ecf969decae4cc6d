import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeCodes, sourceLocale } from '../../i18n/locales';
import { parseArticle } from '../content/parse-article';
import { pageSlugs } from '../content/topics';
import type { SectionText } from '../content/fact-parity';

/**
 * Which translated sections lag behind the source. Each translation keeps a record,
 * `content/<locale>/translated.json`, of the version of every zh-hans section it follows (a short
 * hash of that section's Markdown). When a zh-hans section changes, its hash no longer matches
 * the record in any other locale, so that section is out of date there until a translator updates
 * it and marks it done (`npm run translations -- --done ja/app#request-a-refund`), which writes the
 * current hash into the record. No history is needed: it works the same on a fresh clone.
 */

/** The record of one locale: page slug → section key (`top` for the text before the first section) → source hash. */
export type TranslationRecord = Record<string, Record<string, string>>;

/** The key of a section in records and reports: its id, or `top` for the page's opening. */
export const sectionKey = (section: SectionText): string => section.id || 'top';

/** A short, stable fingerprint of a section's Markdown, blind to spacing and line breaks. */
export function sectionHash(section: SectionText): string {
  return createHash('sha256').update(section.raw.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
}

export interface OutdatedSection {
  locale: string;
  slug: string;
  /** The section's key (`top` or an id). */
  key: string;
}

/** The record file of a locale. */
export const recordPath = (contentDir: string, locale: string): string => join(contentDir, locale, 'translated.json');

export function readRecord(contentDir: string, locale: string): TranslationRecord {
  const path = recordPath(contentDir, locale);
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as TranslationRecord;
}

/** Writes a record with pages and sections in a stable order, so a change shows as a small diff. */
export function writeRecord(contentDir: string, locale: string, record: TranslationRecord, order: Map<string, string[]>): void {
  const sorted: TranslationRecord = {};
  for (const [slug, keys] of order) {
    const page = record[slug];
    if (!page) continue;
    sorted[slug] = Object.fromEntries(keys.filter((k) => k in page).map((k) => [k, page[k]!]));
  }
  writeFileSync(recordPath(contentDir, locale), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The sections of every source page: slug → sections in page order. */
export function sourceSections(contentDir: string, sourceLocale: string, slugs: readonly string[]): Map<string, SectionText[]> {
  const pages = new Map<string, SectionText[]>();
  for (const slug of slugs) {
    const path = join(contentDir, sourceLocale, `${slug}.mdx`);
    if (existsSync(path)) pages.set(slug, parseArticle(readFileSync(path, 'utf8')).sections);
  }
  return pages;
}

/** The locales translated from the source locale. */
export const translatedLocales = localeCodes.filter((l) => l !== sourceLocale);

/** The sections of the source locale's pages, as `content/` holds them now. */
export const currentSource = (contentDir: string) => sourceSections(contentDir, sourceLocale, pageSlugs);

/** Every out-of-date section of every translated locale, in locale, page and section order. */
export function outdatedTranslations(contentDir: string, source = currentSource(contentDir)): OutdatedSection[] {
  return translatedLocales.flatMap((locale) => outdatedSections(source, readRecord(contentDir, locale), locale));
}

/** The out-of-date sections of one locale, in page and section order. */
export function outdatedSections(source: Map<string, SectionText[]>, record: TranslationRecord, locale: string): OutdatedSection[] {
  const outdated: OutdatedSection[] = [];
  for (const [slug, sections] of source) {
    for (const section of sections) {
      const key = sectionKey(section);
      if (record[slug]?.[key] !== sectionHash(section)) outdated.push({ locale, slug, key });
    }
  }
  return outdated;
}

/**
 * The day the source page last changed, for the note on an out-of-date section: the day of
 * its last commit, or today when it has changes not yet committed (or no history is at hand).
 */
export function sourceChangeDay(root: string, file: string): string {
  const today = new Date().toISOString().slice(0, 10);
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (git('status', '--porcelain', '--', file) !== '') return today;
    return git('log', '-1', '--format=%cs', '--', file) || today;
  } catch {
    return today;
  }
}

/** One line per locale: how many sections are out of date. */
export function summary(outdated: OutdatedSection[], locales: readonly string[]): string[] {
  return locales.map((locale) => {
    const n = outdated.filter((o) => o.locale === locale).length;
    return `${locale}: ${n === 0 ? 'up to date' : `${n} section${n === 1 ? '' : 's'} out of date`}`;
  });
}

/** `ja/app#request-a-refund` (or `ja/app`, or `ja`) → what it names; undefined when malformed. */
export function parseTarget(text: string): { locale: string; slug?: string; key?: string } | undefined {
  const match = /^([a-z-]+)(?:\/([a-z0-9-]+)(?:#([a-z0-9-]+))?)?$/.exec(text);
  return match ? { locale: match[1]!, slug: match[2], key: match[3] } : undefined;
}
