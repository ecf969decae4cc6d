import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { outdatedTranslations, summary, translatedLocales } from '../lib/build/translations';
import { pageSlugs } from '../lib/content/topics';
import { localeCodes, sourceLocale } from '../i18n/locales';
import { ui } from '../i18n/ui';
import { checkContent, formatProblems, type ArticleFile, type ContentProblem } from '../lib/content/content-checks';
import { parseArticle } from '../lib/content/parse-article';

/** Every file and folder under `dir`, as paths relative to it with `/`, folders ending in `/`. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .map((e) => `${relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/')}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

/**
 * Reads every file under `contentDir` and runs the content checks on them. Nothing is skipped:
 * a file that is not an article of the guide (`<locale>/<page>.mdx`) is reported, whatever it holds.
 */
export async function checkContentDir(root: string, contentDir = 'content'): Promise<ContentProblem[]> {
  const dir = join(root, contentDir);
  const tree = await listTree(dir);
  const folders = tree.filter((p) => /^[^/]+\/$/.test(p)).map((p) => p.slice(0, -1));
  const files: ArticleFile[] = [];
  const strays: string[] = [];
  const recordProblems: ContentProblem[] = [];
  for (const path of tree) {
    if (path.endsWith('/')) continue;
    const record = /^([^/]+)\/translated\.json$/.exec(path);
    if (record && record[1] !== sourceLocale) {
      const problem = recordProblem(await readFile(join(dir, path), 'utf8'));
      if (problem) recordProblems.push({ file: `${contentDir}/${path}`, message: problem });
      continue;
    }
    const match = /^([^/]+)\/([^/]+)\.mdx$/.exec(path);
    if (!match) {
      strays.push(path);
      continue;
    }
    files.push({
      file: `${contentDir}/${path}`,
      locale: match[1]!,
      slug: match[2]!,
      parsed: parseArticle(await readFile(join(dir, path), 'utf8')),
    });
  }
  return [...recordProblems, ...checkContent({ files, folders, strays, locales: localeCodes, sourceLocale, contentDir, ui })];
}

/** What is wrong with a translation record (`content/<locale>/translated.json`), if anything. */
function recordProblem(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `the translation record is not valid JSON (${(error as Error).message}); rewrite it with npm run translations -- --done <locale>`;
  }
  const valid =
    data !== null && typeof data === 'object' && !Array.isArray(data) &&
    Object.values(data).every((page) => page !== null && typeof page === 'object' && Object.values(page).every((hash) => typeof hash === 'string' && /^[0-9a-f]{12}$/.test(hash)));
  return valid ? undefined : 'the translation record must map pages to sections to 12-digit hashes; rewrite it with npm run translations -- --done <locale>';
}

/** Prints which translated sections lag behind the source, as `npm run translations` does. */
function reportTranslations(root: string, logger: AstroIntegrationLogger): void {
  const outdated = outdatedTranslations(join(root, 'content'));
  const lines = summary(outdated, translatedLocales);
  if (outdated.length === 0) logger.info(`translations: every section follows the current ${sourceLocale} text`);
  else logger.warn(`translations behind the ${sourceLocale} text (npm run translations lists them):\n  ${lines.join('\n  ')}`);
}

/** Pages whose sources nobody has checked for longer than this are named at every build. */
export const REVIEW_MAX_DAYS = 180;

/** Warns about every page whose `lastReviewed` is older than REVIEW_MAX_DAYS. */
function reportReviewAges(root: string, logger: AstroIntegrationLogger): void {
  for (const { file, days } of staleReviews(root)) {
    logger.warn(`${file} was last reviewed ${days} days ago (more than ${REVIEW_MAX_DAYS}): check its sources and update lastReviewed`);
  }
}

/** The pages reviewed more than REVIEW_MAX_DAYS days before `today`. */
export function staleReviews(root: string, today = new Date()): { file: string; days: number }[] {
  const stale: { file: string; days: number }[] = [];
  for (const locale of localeCodes) {
    for (const slug of pageSlugs) {
      const file = join('content', locale, `${slug}.mdx`);
      const day = /^lastReviewed:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(root, file), 'utf8'))?.[1];
      if (!day) continue;
      const days = Math.floor((today.getTime() - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
      if (days > REVIEW_MAX_DAYS) stale.push({ file, days });
    }
  }
  return stale;
}

/** Thrown when the content has problems; its message is the writer-facing report. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';
}

/**
 * Runs the content checks before Astro reads any article, so a writer sees one clear report
 * instead of a stack trace. A build stops on problems; `astro dev` reports them and goes on.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'guide:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = await checkContentDir(root);
        if (problems.length === 0) {
          reportTranslations(root, logger);
          reportReviewAges(root, logger);
          return;
        }
        const report = formatProblems(problems);
        if (command === 'build') {
          // The report is the whole message; a stack trace into this file would only distract a writer.
          const error = new ContentCheckError(report);
          error.stack = undefined;
          throw error;
        }
        logger.error(report);
      },
    },
  };
}
