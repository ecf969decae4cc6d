import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeCodes, sourceLocale } from '../i18n/locales';
import { ui } from '../i18n/ui';
import { checkContent, formatProblems, type ArticleFile, type ContentProblem } from '../lib/content-checks';
import { parseArticle } from '../lib/parse-article';

/** Reads every article under `contentDir` and runs the content checks on them. */
export async function checkContentDir(root: string, contentDir = 'content'): Promise<ContentProblem[]> {
  const dir = join(root, contentDir);
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const files: ArticleFile[] = [];
  for (const locale of folders) {
    for (const name of await readdir(join(dir, locale))) {
      if (!name.endsWith('.mdx') || name.startsWith('_')) continue;
      const path = join(dir, locale, name);
      files.push({
        file: relative(root, path),
        locale,
        slug: name.slice(0, -'.mdx'.length),
        parsed: parseArticle(await readFile(path, 'utf8')),
      });
    }
  }
  return checkContent({ files, folders, locales: localeCodes, sourceLocale, contentDir, ui });
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
        const problems = await checkContentDir(fileURLToPath(config.root));
        if (problems.length === 0) return;
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
