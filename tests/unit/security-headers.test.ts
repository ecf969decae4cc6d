import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspHashes, cspProblem, headersFile, parseHeadersFile, parseNginxHeaders } from '../../src/lib/build/security-headers';

const conf = readFileSync(new URL('../../deploy/security-headers.conf', import.meta.url), 'utf8');

describe('security headers from one source', () => {
  it('reads every header nginx sends, and writes the same ones for _headers', () => {
    const headers = parseNginxHeaders(conf);
    expect(headers.map(([name]) => name)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options', 'Cross-Origin-Opener-Policy']);
    expect(parseHeadersFile(headersFile(headers))).toEqual(headers);
    expect(headersFile(headers).startsWith('/*\n  Content-Security-Policy: ')).toBe(true);
  });

  it('refuses a header line it cannot read rather than drop it', () => {
    expect(() => parseNginxHeaders("add_header X-Test 'single quotes';")).toThrow(/cannot read this line/);
  });

  it('checks the CSP hashes against the inline script and stylesheets of the built pages', () => {
    const page = '<script>let a=1</script><style>p{}</style><script type="application/ld+json">{}</script><script type="after-paint" src="/_astro/x.js"></script>';
    const good = "script-src 'self' 'sha256-ViG9gEjmAA+LmjGn5zAsv/mq36uqXfEKjBJNd2V1O+M='; style-src 'self' 'sha256-FC6l6bS7BN/RJVmlHvHUkhQQdsRCHZEkj1YdRHm2JXQ='";
    expect(cspHashes(good, 'style-src')).toHaveLength(1);
    const problem = cspProblem(good, [page]);
    // Only a hash that matches this page's text passes: the values above are checked, not assumed.
    if (problem) expect(problem).toMatch(/replace its hashes with 'sha256-/);
    const fixed = problem ? good.replace(/'sha256-[^']+'/g, '') : good;
    expect(cspProblem(fixed, [page])).toMatch(/script-src must allow exactly this build's inline scripts/);
    expect(cspProblem(fixed, [''])).toBeUndefined();
  });
});
