import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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
  for (const name of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
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
    expect(output).toContain('the field “lastReviewed” is not a date: write it as YYYY-MM-DD');
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
    expect(output).toMatch(/content\/en\/support\.mdx:\d+\n\s+the link https:\/\/t\.me\/esim_cancel_help is not allowed: it is a Telegram link/);
    expect(output).toContain('esim-cancel.example is not an official channel listed in src/lib/official-links.ts');
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
