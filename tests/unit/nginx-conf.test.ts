import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales';
import { HEAD_SCRIPT } from '../../src/lib/browser/head-script';
import { mainConfig, testServerBlock } from '../support/nginx';

const read = (name: string) => readFileSync(new URL(`../../deploy/${name}`, import.meta.url), 'utf8');
const serverConf = read('nginx.conf');
const headersConf = read('security-headers.conf');
const HEADERS_INCLUDE = 'include esim-guide/security-headers.conf';

interface Block {
  head: string;
  directives: string[];
  blocks: Block[];
}

/** nginx's configuration syntax, enough for these files: blocks, directives, # comments, quotes. */
function parse(text: string): Block {
  const root: Block = { head: '', directives: [], blocks: [] };
  const stack = [root];
  let word = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      word += c;
      if (c === '\\') word += text[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      word += c;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{') {
      const block: Block = { head: word.trim().replace(/\s+/g, ' '), directives: [], blocks: [] };
      stack.at(-1)!.blocks.push(block);
      stack.push(block);
      word = '';
    } else if (c === ';') {
      stack.at(-1)!.directives.push(word.trim().replace(/\s+/g, ' '));
      word = '';
    } else if (c === '}') {
      stack.pop();
      word = '';
    } else word += c;
  }
  return root;
}

const all = (block: Block): Block[] => [block, ...block.blocks.flatMap(all)];
const server = parse(serverConf).blocks.find((b) => b.head === 'server')!;
const csp = /add_header Content-Security-Policy "([^"]+)" always/.exec(parse(headersConf).directives.join('\n'))?.[1] ?? '';
const directive = (name: string) => csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)?.slice(1) ?? [];

describe('deploy/nginx.conf', () => {
  it('allows the head script by the sha256 of src/lib/browser/head-script.ts, and no other inline script', () => {
    const hash = `'sha256-${createHash('sha256').update(HEAD_SCRIPT, 'utf8').digest('base64')}'`;
    expect(directive('script-src'), `put ${hash} in deploy/security-headers.conf's script-src`).toEqual(["'self'", hash, "'wasm-unsafe-eval'"]);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    // The pages' two inline stylesheets, by their hashes (tests/e2e/nginx.spec.ts checks they are the built ones).
    const styleHash = expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(directive('style-src')).toEqual(["'self'", styleHash, styleHash]);
    expect(directive('default-src')).toEqual(["'self'"]);
  });

  it('has one server block that includes the security headers', () => {
    expect(parse(serverConf).blocks.map((b) => b.head)).toEqual(['server']);
    expect(server.directives).toContain(HEADERS_INCLUDE);
  });

  it('repeats the security headers in every location that sets a header of its own', () => {
    // nginx drops the server's add_header lines in a location with any add_header.
    for (const block of all(server).filter((b) => b.head.startsWith('location'))) {
      if (block.directives.some((d) => d.startsWith('add_header'))) expect(block.directives, block.head).toContain(HEADERS_INCLUDE);
    }
  });

  it('sends every locale its own not-found page: the locale list is src/i18n/locales.ts’s', () => {
    const location = all(server).find((b) => b.head.includes('(?<locale>'));
    const listed = /\(\?<locale>([^)]+)\)/.exec(location?.head ?? '')?.[1]?.split('|') ?? [];
    expect([...listed].sort(), 'the locales in deploy/nginx.conf’s not-found location').toEqual([...localeCodes].sort());
    expect(location?.directives).toContain('error_page 404 /$locale/404/index.html');
    expect(server.directives).toContain('error_page 404 /404.html');
    // The not-found pages are never sent at their own address with 200 (tests/e2e/nginx.spec.ts asks for them).
    // Nested in the locale's location, so it keeps that location's error_page and its list of locales.
    expect(location?.blocks.map((b) => [b.head, b.directives])).toEqual([['location ~ ^/[^/]+/404/', ['internal']]]);
    expect(all(server).find((b) => b.head === 'location = /404.html')?.directives).toEqual(['internal']);
  });

  it('keeps Pagefind’s binaries out of gzip (they are gzip already) and serves them as octet-stream', () => {
    const gzipTypes = server.directives.find((d) => d.startsWith('gzip_types')) ?? '';
    expect(gzipTypes).not.toMatch(/octet-stream|\*/);
    const types = server.blocks.find((b) => b.head === 'types')!.directives;
    expect(types).toContain('application/octet-stream pf_meta pf_index pf_fragment pagefind');
    expect(types).toContain('application/wasm wasm');
  });
});

describe('the nginx test harness (tests/support/nginx.ts)', () => {
  it('changes only root and listen in the server block', () => {
    const block = testServerBlock(serverConf, '/tmp/my site/dist', 4321);
    expect(block).toContain('root "/tmp/my site/dist";');
    expect(block.match(/^\s*listen .*$/gm)).toEqual(['    listen 127.0.0.1:4321;']);
    const strip = (text: string) => text.split('\n').filter((l) => !/^\s*(root|listen) /.test(l)).join('\n');
    expect(strip(block)).toBe(strip(serverConf));
  });

  it('keeps every path nginx writes in its temp directory, and names a user only as root', () => {
    const conf = mainConfig('/tmp/x', false);
    for (const name of ['pid', 'lock_file', 'error_log', 'access_log', 'client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path']) {
      expect(conf, name).toMatch(new RegExp(`\\b${name} "/tmp/x/`));
    }
    expect(conf).not.toMatch(/^user /m);
    expect(mainConfig('/tmp/x', true)).toMatch(/^user root;/m);
  });
});
