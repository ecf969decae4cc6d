import { describe, expect, it } from 'vitest';
import { AFTER_PAINT_TYPE, deferModuleScripts, firstModuleScript } from '../../src/lib/build/after-paint';
import { HEAD_SCRIPT } from '../../src/lib/browser/head-script';

describe('deferModuleScripts', () => {
  it('turns the bundled module scripts into scripts no browser fetches or runs, in order', () => {
    const html = '<body><p>x</p><script type="module" src="/_astro/page.Ab1.js"></script><script type="module" src="/_astro/chooser.Cd2.js"></script></body>';
    expect(deferModuleScripts(html)).toBe(
      `<body><p>x</p><script type="${AFTER_PAINT_TYPE}" src="/_astro/page.Ab1.js"></script><script type="${AFTER_PAINT_TYPE}" src="/_astro/chooser.Cd2.js"></script></body>`,
    );
  });

  it('leaves inline scripts, data blocks and other origins alone', () => {
    const html = '<script>1</script><script type="application/ld+json">{}</script><script type="module" src="https://cdn.example/x.js"></script>';
    expect(deferModuleScripts(html)).toBe(html);
  });

  it('finds a module script it could not mark', () => {
    expect(firstModuleScript(deferModuleScripts('<script type="module" src="/_astro/page.Ab1.js"></script>'))).toBeUndefined();
    expect(firstModuleScript('<script type="module">import "/x.js"</script>')).toBe('<script type="module">');
    expect(firstModuleScript('<script src="/_astro/page.js" type=module></script>')).toBe('<script src="/_astro/page.js" type=module>');
    expect(firstModuleScript('<script type="application/ld+json">{}</script>')).toBeUndefined();
  });

  it('matches what the head script starts', () => {
    expect(HEAD_SCRIPT).toContain(`[type=${AFTER_PAINT_TYPE}]`);
    expect(HEAD_SCRIPT).toContain("addEventListener('load'");
  });
});
