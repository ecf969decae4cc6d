import { readFile, readdir, writeFile } from 'node:fs/promises';
import { sitePathOf } from '../content/paths';

/**
 * The files of a built site, listed once: the steps after Astro's build (src/integrations/post-build.ts)
 * read and write through it, so none walks `dist/` again and each sees what the ones before wrote.
 * Paths are site paths: `/en/app/index.html`.
 */
export class BuiltSite {
  readonly dir: string;
  #files: Set<string>;

  private constructor(dir: string, files: string[]) {
    this.dir = dir.replace(/\/$/, '');
    this.#files = new Set(files);
  }

  /** Lists every file under `dir` (the one walk of the folder). */
  static async list(dir: string): Promise<BuiltSite> {
    return new BuiltSite(dir, await listFiles(dir));
  }

  /** Every file, sorted. */
  files(): string[] {
    return [...this.#files].sort();
  }

  /** The HTML pages, sorted. */
  pages(): string[] {
    return this.files().filter((f) => f.endsWith('.html'));
  }

  /** The file on disk for a site path. */
  file(path: string): string {
    return `${this.dir}${path}`;
  }

  read(path: string): Promise<Buffer> {
    return readFile(this.file(path));
  }

  text(path: string): Promise<string> {
    return readFile(this.file(path), 'utf8');
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    await writeFile(this.file(path), content);
    this.#files.add(path);
  }

  /** Adds the files a tool wrote itself under `folder` (a site path such as `/pagefind`). */
  async added(folder: string): Promise<void> {
    for (const path of await listFiles(this.file(folder))) this.#files.add(`${folder}${path}`);
  }
}

/** Every file under `dir`, as paths from it with a leading `/` (`/en/app/index.html`). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => sitePathOf(dir, `${e.parentPath}/${e.name}`));
}
