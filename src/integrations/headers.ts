import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cspProblem, headersFile, parseNginxHeaders } from '../build/security-headers';

/** Writes `dir/_headers` from the nginx include, after checking its CSP against the built pages. */
export async function writeHeaders(root: string, dir: string): Promise<void> {
  const headers = parseNginxHeaders(await readFile(join(root, 'deploy/security-headers.conf'), 'utf8'));
  const csp = headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  if (!csp) throw new Error('deploy/security-headers.conf has no Content-Security-Policy');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.html'));
  const pages = await Promise.all(files.map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  const problem = cspProblem(csp, pages);
  if (problem) {
    const error = new Error(problem);
    error.stack = undefined;
    throw error;
  }
  await writeFile(join(dir, '_headers'), headersFile(headers));
}

/** The security headers for hosts that read `_headers` (see `src/build/security-headers.ts`). */
export default function securityHeaders(): AstroIntegration {
  let root = '';
  return {
    name: 'guide:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir }) => writeHeaders(root, fileURLToPath(dir)),
    },
  };
}
