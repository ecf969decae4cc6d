/**
 * The peer of the benchmark's build comparison (scripts/bench.ts, README.md "Benchmark"): the
 * guide's articles as a plain Starlight site, written into a throw-away folder.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeCodes, locales, sourceLocale } from '../src/i18n/locales.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Pinned, so that runs compare; a new version is a new install folder. */
export const STARLIGHT_VERSION = '0.42.4';

export interface PeerInstall {
  /** The folder whose node_modules every peer project links to. */
  dir: string;
  /** Its package.json: a peer project has the same, so that Astro finds Starlight's components among its dependencies. */
  manifest: string;
  /** Exact versions installed: Starlight, and the guide's own astro, pagefind and Markdown processor. */
  versions: Record<string, string>;
  /** The time `npm install` took, when this call installed; undefined when the folder was ready. */
  installMs?: number;
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** npm as `npm run` started it (the same npm, on the same node), else the one on PATH. */
function npmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  return execPath && /\.c?js$/.test(execPath) ? [process.execPath, [execPath]] : ['npm', []];
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${output.slice(-4000)}`))));
  });
}

/**
 * Installs Starlight, with the guide's exact astro and pagefind, into
 * node_modules/.cache/guide-bench/starlight-<version>/ once; later runs reuse the folder as long
 * as its package.json is the one they would write.
 */
export async function installPeer(): Promise<PeerInstall> {
  const versions = {
    '@astrojs/starlight': STARLIGHT_VERSION,
    astro: installedVersion('astro'),
    pagefind: installedVersion('pagefind'),
    // Starlight's peer dependency, the one the guide uses too.
    '@astrojs/markdown-remark': installedVersion('@astrojs/markdown-remark'),
  };
  const dir = join(root, 'node_modules', '.cache', 'guide-bench', `starlight-${STARLIGHT_VERSION}`);
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts?: unknown };
  const manifest = `${JSON.stringify({ name: 'guide-bench-starlight', private: true, type: 'module', dependencies: versions, allowScripts: own.allowScripts }, null, 2)}\n`;
  const done = join(dir, '.installed');
  if (existsSync(done) && readFileSync(done, 'utf8') === manifest) return { dir, manifest, versions };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), manifest);
  const [npm, npmArgs] = npmCommand();
  const start = performance.now();
  await run(npm, [...npmArgs, 'install', '--no-audit', '--no-fund'], dir);
  const installMs = performance.now() - start;
  writeFileSync(done, manifest);
  return { dir, manifest, versions, installMs };
}

/**
 * A throw-away Starlight project holding the guide's articles: content/<locale>/<page>.mdx as
 * src/content/docs/<locale>/<page>.mdx, the guide's locales and `lang` tags, Starlight's defaults
 * otherwise (Pagefind search, sidebar, table of contents, sitemap). The schema accepts the guide's
 * own frontmatter fields. Astro and Vite keep their caches in the folder, not in the shared
 * node_modules.
 *
 * The folder sits next to the install (node_modules/.cache/guide-bench/site-…), not in the system's
 * temporary folder: Astro 7 reads the path of an .astro component that shares no folder but `/`
 * with the project as relative to the project, and fails on Starlight's components.
 */
export function makePeerProject(install: PeerInstall): string {
  const dir = mkdtempSync(join(dirname(install.dir), 'site-'));
  for (const locale of localeCodes) {
    const from = join(root, 'content', locale);
    const to = join(dir, 'src', 'content', 'docs', locale);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) if (name.endsWith('.mdx')) cpSync(join(from, name), join(to, name));
  }
  const starlightLocales = Object.fromEntries(localeCodes.map((code) => [code, { label: locales[code].endonym, lang: locales[code].lang, dir: locales[code].dir }]));
  writeFileSync(join(dir, 'package.json'), install.manifest);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://esim-guide.example',
  cacheDir: './.bench-cache/astro/',
  vite: { cacheDir: './.bench-cache/vite/' },
  integrations: [
    starlight({
      title: 'Closing a Cambodia travel eSIM',
      defaultLocale: ${JSON.stringify(sourceLocale)},
      locales: ${JSON.stringify(starlightLocales)},
    }),
  ],
});
`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// The guide's frontmatter fields besides title and description (src/lib/content/frontmatter.ts, without its length rules).
const guideFields = z.object({
  navTitle: z.string(),
  summary: z.string(),
  lastReviewed: z.coerce.date(),
  sources: z.array(z.object({ title: z.string(), publisher: z.string(), url: z.url().optional() })).min(1),
});

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: guideFields }) }),
};
`,
  );
  linkNodeModules(join(install.dir, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Caches tools keep in node_modules (Astro, Vite, the guide's Zopfli twins): a copy starts without them. */
export const MODULE_CACHES = ['.astro', '.vite', '.cache'];

/**
 * A throw-away project's node_modules: a folder of links to the installed packages, without their
 * caches, so that what a build caches stays in the copy and a clean build is a clean one.
 */
export function linkNodeModules(from: string, to: string): void {
  mkdirSync(to);
  for (const name of readdirSync(from)) if (!MODULE_CACHES.includes(name)) symlinkSync(join(from, name), join(to, name), 'dir');
}
