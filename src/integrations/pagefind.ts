import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `<dir>/pagefind/`.
 * Pagefind splits the index by each page's `<html lang>`, so every locale gets its own index,
 * and the extended build that npm ships segments Chinese, Japanese and Thai.
 */
export async function indexSite(dir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${dir}`);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    logger.info(`Pagefind indexed ${added.page_count} pages`);
  } finally {
    await pagefind.close();
  }
}

/** Runs `indexSite` after every build, so `npm run build` alone produces `dist/pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'guide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => indexSite(fileURLToPath(dir), logger),
    },
  };
}
