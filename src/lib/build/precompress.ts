import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { constants, gzip } from 'node:zlib';
import type { BuiltSite } from './built-site';

/**
 * The `.gz` twin of each text file of the built site, for a server that sends those instead of
 * compressing on the fly (nginx's `gzip_static`, see deploy/nginx.conf).
 *
 * What a reader's first visit fetches (pages, styles, scripts) is compressed with Zopfli, whose
 * gzip streams any browser reads and are about 5 % smaller than zlib's best: 650–800 bytes on a
 * guide page, the margin of the page budget. Zopfli takes most of a second per page, so its
 * output is kept in a cache keyed by the file's content (`node_modules/.cache/`): a build
 * compresses only what changed. Everything else gets zlib's best level.
 */

/** Text formats the site serves. Pagefind's index files are gzip streams already. */
const TEXT = /\.(html|css|m?js|json|svg|xml|txt|webmanifest)$/;

/** nginx's `gzip_min_length` (deploy/nginx.conf): below it, a file goes as it is. */
export const MIN_BYTES = 256;

/**
 * Built files no reader is ever sent: Pagefind's own UI bundles (the guide has its own search UI)
 * and its worker (the search runs Pagefind with `noWorker`). Site paths, such as `/pagefind/pagefind-ui.js`.
 */
export const UNUSED = /^\/pagefind\/pagefind-(component-ui|modular-ui|ui|highlight|worker)\.(js|css)$/;

/** A precompressed twin, as `gzip_static` looks for it: the file's own name plus `.gz`. */
export const GZ = '.gz';

/** Whether the built file at `path` (a site path) of `size` bytes should get a `.gz` twin. */
export function shouldPrecompress(path: string, size: number): boolean {
  return TEXT.test(path) && !UNUSED.test(path) && size >= MIN_BYTES;
}

/**
 * Files a first visit fetches, worth Zopfli's time: pages, styles, scripts. Not the service
 * worker, which changes with every build (its manifest) and is fetched after the page has loaded.
 */
export const isFirstLoad = (path: string) => /\.(html|css|m?js)$/.test(path) && path !== '/sw.js';

/** Zopfli iterations: 5 gets within 0.1 % of its default 15, in a third of the time. */
const ITERATIONS = 5;

/** zlib's smallest stream for `bytes`: the same for the same bytes, on any machine. */
export const gzipBest = (bytes: Uint8Array) => promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });

/** Where Zopfli's output is kept between builds, by content hash. */
export const defaultCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'guide-precompress');

/** Zopfli on worker threads, one per core, started on first use. */
class ZopfliPool {
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #waiting: (() => void)[] = [];
  #next = 0;

  async gzip(bytes: Uint8Array): Promise<Buffer> {
    const worker = await this.#take();
    try {
      const id = this.#next++;
      return await new Promise<Buffer>((resolve, reject) => {
        const onMessage = (m: { id: number; gz?: Uint8Array; error?: string }) => {
          if (m.id !== id) return;
          worker.off('message', onMessage).off('error', reject);
          if (m.error || !m.gz) reject(new Error(m.error ?? 'no output'));
          else resolve(Buffer.from(m.gz));
        };
        worker.on('message', onMessage).on('error', reject);
        worker.postMessage({ id, bytes, iterations: ITERATIONS });
      });
    } finally {
      this.#idle.push(worker);
      this.#waiting.shift()?.();
    }
  }

  async #take(): Promise<Worker> {
    for (;;) {
      const idle = this.#idle.pop();
      if (idle) return idle;
      if (this.#workers.length < Math.max(1, availableParallelism())) {
        const worker = new Worker(new URL('./zopfli-worker.mjs', import.meta.url));
        this.#workers.push(worker);
        return worker;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  close(): Promise<unknown> {
    return Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/** What one build's precompression did. */
export interface Precompressed {
  files: number;
  rawBytes: number;
  gzBytes: number;
  /** Files Zopfli compressed in this build, and those its cache answered. */
  zopfli: number;
  cached: number;
}

/**
 * Writes `<file>.gz` beside every file (of those `which` takes) that `shouldPrecompress` and
 * that gzip makes smaller. `cacheDir` keeps Zopfli's output between builds.
 */
export async function precompress(site: BuiltSite, cacheDir: string, which: (path: string) => boolean = () => true): Promise<Precompressed> {
  const done: Precompressed = { files: 0, rawBytes: 0, gzBytes: 0, zopfli: 0, cached: 0 };
  const pool = new ZopfliPool();
  await mkdir(cacheDir, { recursive: true });
  const zopfli = async (bytes: Buffer): Promise<Buffer> => {
    const cached = join(cacheDir, `${createHash('sha256').update(bytes).digest('hex')}-${ITERATIONS}.gz`);
    const hit = await readFile(cached).catch(() => undefined);
    if (hit) {
      done.cached++;
      // Marks the entry as in use, so that clearing old entries by date keeps it.
      await utimes(cached, new Date(), new Date()).catch(() => undefined);
      return hit;
    }
    const gz = await pool.gzip(bytes);
    done.zopfli++;
    // Written whole under a temporary name, then renamed: a build running beside this one never reads half a file.
    const partial = `${cached}.${process.pid}.part`;
    await writeFile(partial, gz);
    await rename(partial, cached);
    return gz;
  };
  const candidates = site.files().filter((path) => !path.endsWith(GZ) && TEXT.test(path) && which(path));
  try {
    // A bounded number at a time: a site of thousands of pages must not hold them all in memory.
    for (let i = 0; i < candidates.length; i += 32) {
      await Promise.all(
        candidates.slice(i, i + 32).map(async (path) => {
          const bytes = await site.read(path);
          if (!shouldPrecompress(path, bytes.length)) return;
          const gz = isFirstLoad(path) ? await zopfli(bytes) : await gzipBest(bytes);
          if (gz.length >= bytes.length) return;
          await site.write(path + GZ, gz);
          done.files++;
          done.rawBytes += bytes.length;
          done.gzBytes += gz.length;
        }),
      );
    }
  } finally {
    await pool.close();
  }
  return done;
}

/** Entries no build has used for this long are deleted: the cache holds what the site is now, not its history. */
const CACHE_DAYS = 30;

/** Deletes the cache entries no build has used for CACHE_DAYS; once per build, after its last compression. */
export async function forgetUnused(cacheDir: string): Promise<void> {
  const before = Date.now() - CACHE_DAYS * 86_400_000;
  for (const name of await readdir(cacheDir)) {
    const file = join(cacheDir, name);
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Infinity }));
    if (mtimeMs < before) await rm(file, { force: true });
  }
}
