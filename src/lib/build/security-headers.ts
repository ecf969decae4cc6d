import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltSite } from './built-site';

/**
 * One source for the security headers on every host: `deploy/security-headers.conf`, which nginx
 * includes, is read by the build and written again as `dist/_headers` (Netlify, Cloudflare
 * Pages). The build also checks that the Content-Security-Policy's hashes are those of this very
 * build's inline script and stylesheets, and stops with the line to paste when they are not.
 */

/** The `add_header Name "value" always;` lines of an nginx include, in order; comments skipped. */
export function parseNginxHeaders(conf: string): [name: string, value: string][] {
  const headers: [string, string][] = [];
  for (const line of conf.split('\n')) {
    const match = /^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"(?:\s+always)?\s*;\s*$/.exec(line);
    if (match) headers.push([match[1]!, match[2]!]);
    else if (/^\s*add_header\b/.test(line)) throw new Error(`deploy/security-headers.conf: cannot read this line: ${line.trim()}`);
  }
  return headers;
}

/** The same headers as a `_headers` file, for every path of the site. */
export function headersFile(headers: [string, string][]): string {
  return `/*\n${headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}

/** Reads a `_headers` file back (the rules for `/*`). */
export function parseHeadersFile(text: string): [name: string, value: string][] {
  return text
    .split('\n')
    .filter((line) => /^\s+\S/.test(line))
    .map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as [string, string];
    });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hash sources of one CSP directive (`'sha256-…'`). */
export function cspHashes(csp: string, directive: string): string[] {
  const part = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === directive) ?? [];
  return part.filter((source) => source.startsWith("'sha256-"));
}

/** The inline scripts (not JSON data blocks) and stylesheets of built pages, as CSP hash sources, the most used first. */
export function inlineHashes(pages: string[]): { scripts: string[]; styles: string[] } {
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const scripts = new Map<string, number>();
  const styles = new Map<string, number>();
  for (const html of pages) {
    for (const [, attrs, text] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\bsrc=/.test(attrs!) || /type="?application\/(ld\+)?json/.test(attrs!)) continue;
      if (/type="?(module|after-paint)"?/.test(attrs!) && text === '') continue;
      count(scripts, sha256(text!));
    }
    for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) count(styles, sha256(css!));
  }
  const ordered = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  return { scripts: ordered(scripts), styles: ordered(styles) };
}

/**
 * What is wrong with the CSP for these pages, as a sentence with the fix, or undefined.
 * Every inline script and stylesheet must be allowed by its hash, and no other hash may be.
 */
export function cspProblem(csp: string, pages: string[]): string | undefined {
  const built = inlineHashes(pages);
  const problems: string[] = [];
  for (const [directive, want] of [['script-src', built.scripts], ['style-src', built.styles]] as const) {
    const have = cspHashes(csp, directive);
    if (want.join(' ') !== have.join(' ')) {
      problems.push(`${directive} must allow exactly this build's inline ${directive === 'script-src' ? 'scripts' : 'stylesheets'}: replace its hashes with ${want.join(' ')}`);
    }
  }
  return problems.length === 0 ? undefined : `deploy/security-headers.conf: ${problems.join('; ')}`;
}

/** Writes `/_headers` from the nginx include in `root`, after checking its CSP against the built pages. */
export async function writeHeaders(root: string, site: BuiltSite): Promise<number> {
  const headers = parseNginxHeaders(await readFile(join(root, 'deploy/security-headers.conf'), 'utf8'));
  const csp = headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  if (!csp) throw new Error('deploy/security-headers.conf has no Content-Security-Policy');
  const problem = cspProblem(csp, await Promise.all(site.pages().map((p) => site.text(p))));
  if (problem) {
    const error = new Error(problem);
    error.stack = undefined;
    throw error;
  }
  await site.write('/_headers', headersFile(headers));
  return headers.length;
}
