import { compareFacts } from './fact-parity';
import { articleSchema, describeFrontmatterIssues } from './frontmatter';
import { externalLinkProblem, isExternal } from './official-links';
import type { ParsedArticle } from './parse-article';
import { parseGuideLink } from './paths';
import { sectionIdProblem } from './section-ids';
import { isPageSlug, pageSlugs } from './topics';

/** One article file as the checks see it. */
export interface ArticleFile {
  /** Path shown to the writer, relative to the project, e.g. `content/en/app.mdx`. */
  file: string;
  locale: string;
  slug: string;
  parsed: ParsedArticle;
}

export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

export interface CheckInput {
  files: ArticleFile[];
  /** Locale codes from the locale table. */
  locales: readonly string[];
  sourceLocale: string;
  /** Folder names found under `content/`, to catch a folder with no locale. */
  folders: readonly string[];
  /** Files under `content/` that are not `<folder>/<name>.mdx`, relative to it: none may exist. */
  strays?: readonly string[];
  /** Where the content lives, as shown to the writer (`content`). */
  contentDir: string;
  /** UI strings per locale, to catch a missing translation of the interface. */
  ui: Record<string, Record<string, unknown>>;
}

/**
 * Keys that a locale lacks or leaves empty, compared with the source locale.
 * TypeScript catches this in the strings files; the build check covers anything it cannot see.
 */
export function missingKeys(source: Record<string, unknown>, target: Record<string, unknown> | undefined): string[] {
  return Object.keys(source).filter((key) => typeof target?.[key] !== 'string' || (target[key] as string).trim() === '');
}

/** Every page has at least this many `##` sections. */
export const MIN_SECTIONS = 3;

const list = (ids: Iterable<string>) => [...ids].map((id) => `#${id}`).join(', ');

/**
 * Every check of the guide's content in one place: frontmatter, MDX, section ids, links,
 * complete locales, matching sections across locales, and UI strings. Returns problems in
 * file order; an empty list means the content may be built.
 */
export function checkContent(input: CheckInput): ContentProblem[] {
  const { files, locales, sourceLocale, contentDir, ui } = input;
  const problems: ContentProblem[] = [];
  const byKey = new Map(files.map((f) => [`${f.locale}/${f.slug}`, f]));
  const fileOf = (locale: string, slug: string) => `${contentDir}/${locale}/${slug}.mdx`;

  for (const folder of input.folders) {
    if (!locales.includes(folder)) {
      problems.push({
        file: `${contentDir}/${folder}/`,
        message: `“${folder}” is not a locale of the guide; add it to src/i18n/locales.ts or move the folder`,
      });
    }
  }

  for (const path of input.strays ?? []) {
    const name = path.split('/').at(-1) ?? path;
    const why = path.split('/').length > 2
      ? 'articles live directly in a locale folder (content/<locale>/<page>.mdx), not in subfolders'
      : name.endsWith('.md')
        ? 'articles are .mdx files: rename it to .mdx if it is a page of the guide'
        : 'only articles (.mdx) belong under content/';
    problems.push({ file: `${contentDir}/${path}`, message: `this file is not part of the guide and would not be published: ${why}; move or delete it` });
  }

  for (const locale of locales) {
    for (const slug of pageSlugs) {
      if (!byKey.has(`${locale}/${slug}`)) {
        problems.push({
          file: fileOf(locale, slug),
          message: `the ${locale} translation of “${slug}” is missing: every locale needs all pages (${pageSlugs.join(', ')})`,
        });
      }
    }
    const missing = missingKeys(ui[sourceLocale] ?? {}, ui[locale]);
    if (missing.length > 0) {
      problems.push({ file: `src/i18n/ui/${locale}.ts`, message: `UI strings missing for ${locale}: ${missing.join(', ')}` });
    }
  }

  for (const f of files) {
    const report = (message: string, line?: number) => problems.push({ file: f.file, line, message });
    if (!isPageSlug(f.slug)) {
      const draft = f.slug.startsWith('_') ? ' (a leading “_” does not make a draft: keep drafts outside content/)' : '';
      report(`“${f.slug}” is not a page of the guide${draft}; the pages are ${pageSlugs.join(', ')}`);
    }
    for (const p of f.parsed.problems) report(p.message, p.line);

    if (f.parsed.frontmatter !== undefined) {
      const result = articleSchema.safeParse(f.parsed.frontmatter);
      if (!result.success) for (const message of describeFrontmatterIssues(f.parsed.frontmatter, result.error)) report(`frontmatter: ${message}`, 1);
      else {
        result.data.sources.forEach((s, i) => {
          const why = s.url && externalLinkProblem(s.url);
          if (why) report(`frontmatter: sources.${i}.url ${s.url} cannot be linked: ${why}`, 1);
        });
      }
    }

    const seen = new Map<string, number>();
    for (const h of f.parsed.headings) {
      const marks = '#'.repeat(h.depth);
      if (h.id === undefined) {
        report(`the heading “${marks} ${h.text}” has no section id: end it with {/* #some-id */}`, h.line);
        continue;
      }
      const why = sectionIdProblem(h.id);
      if (why) report(`the heading “${marks} ${h.text}”: ${why}`, h.line);
      const first = seen.get(h.id);
      if (first !== undefined) report(`the section id #${h.id} is used twice on this page (first on line ${first}); ids must be unique`, h.line);
      else seen.set(h.id, h.line);
    }
    if (f.parsed.readable && f.parsed.headings.filter((h) => h.depth === 2).length < MIN_SECTIONS) {
      report(`a page needs at least ${MIN_SECTIONS} “##” sections`);
    }
  }

  // Sections must match the source locale, so a shared #link works in every language.
  for (const f of files) {
    if (f.locale === sourceLocale) continue;
    const src = byKey.get(`${sourceLocale}/${f.slug}`);
    if (!src || !src.parsed.readable || !f.parsed.readable) continue;
    const srcIds = src.parsed.headings.map((h) => h.id ?? '');
    const ids = f.parsed.headings.map((h) => h.id ?? '');
    if (srcIds.join(' ') === ids.join(' ')) continue;
    const missing = srcIds.filter((id) => id && !ids.includes(id));
    const extra = ids.filter((id) => id && !srcIds.includes(id));
    const detail = [
      missing.length ? `missing ${list(missing)}` : '',
      extra.length ? `not in the source: ${list(extra)}` : '',
      !missing.length && !extra.length && ids.length !== srcIds.length ? `${ids.length} sections where the source has ${srcIds.length}` : '',
      !missing.length && !extra.length && ids.length === srcIds.length ? 'the same ids in a different order' : '',
    ].filter(Boolean);
    problems.push({
      file: f.file,
      message: `the section ids differ from the source ${src.file} (${detail.join('; ')}); every locale must use the source's ids in the same order`,
    });
  }

  // Facts: numbers, phone numbers, codes, e-mail addresses and link targets are the source's, section by section.
  for (const f of files) {
    if (f.locale === sourceLocale) continue;
    const src = byKey.get(`${sourceLocale}/${f.slug}`);
    if (!src || !src.parsed.readable || !f.parsed.readable) continue;
    for (const d of compareFacts(src.parsed.sections, sourceLocale, f.parsed.sections, f.locale)) {
      const section = d.id ? `section #${d.id}` : 'text before the first section';
      const detail = [
        d.missing.length ? `missing ${d.missing.join(', ')}` : '',
        d.extra.length ? `not in the source: ${d.extra.join(', ')}` : '',
      ].filter(Boolean);
      problems.push({
        file: f.file,
        line: d.line,
        message: `the ${section} states other facts than the same section of ${src.file} (${detail.join('; ')}); numbers, phone numbers, codes, e-mail addresses and links must be the same in every language`,
      });
    }
  }

  // Links: internal ones must reach an existing page and section; external ones an official channel.
  for (const f of files) {
    for (const { href, line } of f.parsed.links) {
      const report = (message: string) => problems.push({ file: f.file, line, message });
      if (isExternal(href)) {
        const why = externalLinkProblem(href);
        if (why) report(`the link ${href} is not allowed: ${why}`);
        continue;
      }
      const target = href.startsWith('#') ? { locale: f.locale, slug: f.slug, id: href.slice(1) } : parseGuideLink(href);
      if (!target) {
        report(`the link “${href}” is not a page of the guide; write links like /${f.locale}/app/ or /${f.locale}/app/#request-a-refund`);
        continue;
      }
      const page = byKey.get(`${target.locale}/${target.slug}`);
      if (!page) {
        report(`the link “${href}” points to a page that does not exist (${fileOf(target.locale, target.slug)})`);
        continue;
      }
      if (target.id !== undefined && page.parsed.readable && !page.parsed.headings.some((h) => h.id === target.id)) {
        const ids = page.parsed.headings.map((h) => h.id).filter((id): id is string => Boolean(id));
        report(`the link “${href}” points to the section #${target.id}, which does not exist on ${page.file}; its sections are ${list(ids)}`);
      }
    }
  }
  return problems;
}

/** Formats problems as the build prints them: one block per file, `file:line  message`. */
export function formatProblems(problems: ContentProblem[]): string {
  const lines = problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}\n    ${p.message}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The guide's content has ${count}; fix ${problems.length === 1 ? 'it' : 'them'} and build again:\n\n${lines.join('\n\n')}\n`;
}
