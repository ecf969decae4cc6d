import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { deferModuleScripts, firstModuleScript } from '../lib/after-paint';

/**
 * Marks every built page's module scripts to run after the first paint (src/lib/after-paint.ts).
 * List it before the integrations that read the pages (Pagefind, the service worker, gzip twins).
 */
export default function afterPaintIntegration(): AstroIntegration {
  return {
    name: 'guide:after-paint',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
        let changed = 0;
        for (const page of pages) {
          const html = await readFile(join(root, page), 'utf8');
          const after = deferModuleScripts(html);
          const left = firstModuleScript(after);
          // Astro writes its bundled scripts one way; anything else (an inline module, a new format) would slip through.
          if (left) throw new Error(`${join(root, page)}: cannot start ${left} after the first paint; src/lib/after-paint.ts knows only <script type="module" src="/_astro/…"></script>`);
          if (after !== html) {
            await writeFile(join(root, page), after);
            changed++;
          }
        }
        logger.info(`${changed} of ${pages.length} pages start their scripts after the first paint`);
      },
    },
  };
}
