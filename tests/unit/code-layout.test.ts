import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every module a file imports (static, dynamic and type-only), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function modules(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .map((f) => join(root, dir, f));
}

/** Where an import leads, as a path under the project, or the package name. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : spec;
}

describe('code is grouped by where it runs', () => {
  // What ships to readers may use only other reader code and the typed UI strings and locales.
  const browserCode = [...modules('src/lib/browser'), ...modules('src/scripts')];

  it('the browser code imports no Node, Astro, build or content module', () => {
    const wrong = browserCode.flatMap((file) =>
      importsOf(file)
        .map((spec) => ({ spec, to: target(file, spec) }))
        .filter(({ to }) => !/^src\/(lib\/browser|scripts|i18n|styles)\//.test(to))
        .map(({ spec }) => `${relative(root, file)} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('content and build modules never reach into the page scripts', () => {
    const wrong = [...modules('src/lib/content'), ...modules('src/lib/build')].flatMap((file) =>
      importsOf(file)
        .filter((spec) => target(file, spec).startsWith('src/scripts/'))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the product imports nothing from the scripts or the tests, and the scripts nothing from the tests', () => {
    const wrong = [
      ...modules('src').flatMap((file) => importsOf(file).filter((spec) => /^(scripts|tests)\//.test(target(file, spec))).map((spec) => `${relative(root, file)} imports ${spec}`)),
      ...modules('scripts').flatMap((file) => importsOf(file).filter((spec) => target(file, spec).startsWith('tests/') && !/\.json$/.test(spec)).map((spec) => `${relative(root, file)} imports ${spec}`)),
    ];
    expect(wrong).toEqual([]);
  });

  it('no switch for the bench or the tests in the product: src/ reads no environment variable', () => {
    // The one use: handing Pagefind its chunk size (src/lib/build/search-index.ts), which it reads from the environment.
    const allowed = new Set(['CHUNK_SIZE_SETTING']);
    const wrong = modules('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/process\.env\??(?:\.|\[\s*['"]?)(\w+)/g)]
        .map((m) => m[1]!)
        .filter((name) => !allowed.has(name))
        .map((name) => `${relative(root, file)} reads ${name}`),
    );
    expect(wrong).toEqual([]);
    // …and the check sees the spellings a switch would use.
    const spellings = ['process.env.GUIDE_X', 'process.env?.GUIDE_X', "process.env['GUIDE_X']", 'process.env[ "GUIDE_X"]'];
    for (const s of spellings) expect([...s.matchAll(/process\.env\??(?:\.|\[\s*['"]?)(\w+)/g)].map((m) => m[1]), s).toEqual(['GUIDE_X']);
  });
});
