import type { BuiltSite } from './built-site';

/**
 * The page scripts run after the first paint. A module script runs as soon as the document is
 * parsed, which on a fast machine is before the browser paints; Lighthouse's model of a slow
 * phone then counts the script's download as a step before the first paint (about 80 ms of
 * simulated LCP on the longest articles), although nothing on screen waits for it.
 *
 * So the build (`deferPageScripts`, below) turns each bundled module script of a page into
 * a script of a type browsers neither fetch nor run, and the head script (head-script.ts) imports
 * them once the page has loaded and painted a frame. The same bytes, the same requests, later.
 */

/** The type the build gives the page's module scripts: browsers leave it alone. */
export const AFTER_PAINT_TYPE = 'after-paint';

const MODULE_SCRIPT = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/g;

/** The page with its bundled module scripts marked to run after the first paint. */
export function deferModuleScripts(html: string): string {
  return html.replace(MODULE_SCRIPT, (_, src: string) => `<script type="${AFTER_PAINT_TYPE}" src="${src}"></script>`);
}

/** A module script left in a page, which the parser would fetch before the first paint. */
export function firstModuleScript(html: string): string | undefined {
  return /<script\b[^>]*\btype="?module"?[^>]*>/.exec(html)?.[0];
}

/** Marks the module scripts of every built page to run after the first paint; returns how many pages changed. */
export async function deferPageScripts(site: BuiltSite): Promise<number> {
  let changed = 0;
  for (const path of site.pages()) {
    const html = await site.text(path);
    const after = deferModuleScripts(html);
    const left = firstModuleScript(after);
    // Astro writes its bundled scripts one way; anything else (an inline module, a new format) would slip through.
    if (left) throw new Error(`${site.file(path)}: cannot start ${left} after the first paint; src/lib/build/after-paint.ts knows only <script type="module" src="/_astro/…"></script>`);
    if (after !== html) {
      await site.write(path, after);
      changed++;
    }
  }
  return changed;
}
