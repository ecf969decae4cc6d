import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { sitePathOf } from '../lib/paths';
import { shouldPrecompress } from '../lib/precompress';

const worker = fileURLToPath(new URL('./zopfli-worker.mjs', import.meta.url));

/** What one build's precompression did. */
export interface Precompressed {
  files: number;
  rawBytes: number;
  gzBytes: number;
}

/**
 * Writes a Zopfli `.gz` twin next to every text file of the built site in `dir` (see
 * `src/lib/precompress.ts`), on one worker per core. Zopfli takes about 0.2 s for a 60 KB page.
 * `iterations` trades time for bytes: 5 gets within 0.1 % of Zopfli's default 15.
 */
export async function precompress(dir: string, iterations = 5): Promise<Precompressed> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.name.endsWith('.gz'));
  const sized = await Promise.all(entries.map(async (e) => ({ file: join(e.parentPath, e.name), size: (await stat(join(e.parentPath, e.name))).size })));
  // The biggest first, so that no worker is left with a long file at the end.
  const queue = sized
    .filter(({ file, size }) => shouldPrecompress(sitePathOf(dir, file), size))
    .sort((a, b) => b.size - a.size)
    .map(({ file }) => file);
  const done: Precompressed = { files: 0, rawBytes: 0, gzBytes: 0 };
  const workers = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const thread = new Worker(worker);
      try {
        for (let file = queue.shift(); file; file = queue.shift()) {
          const result = await new Promise<{ raw: number; gz: number; error?: string }>((resolve, reject) => {
            const settle = (fn: () => void) => {
              thread.off('message', onMessage).off('error', onError);
              fn();
            };
            const onMessage = (message: { raw: number; gz: number; error?: string }) => settle(() => resolve(message));
            const onError = (error: Error) => settle(() => reject(error));
            thread.on('message', onMessage).on('error', onError);
            thread.postMessage({ file, iterations });
          });
          if (result.error) throw new Error(`Could not precompress ${file}: ${result.error}`);
          if (result.gz) {
            done.files++;
            done.rawBytes += result.raw;
            done.gzBytes += result.gz;
          }
        }
      } finally {
        await thread.terminate();
      }
    }),
  );
  return done;
}

/**
 * The last step of a build (list it after every integration that writes files): gzip twins for
 * `gzip_static`. `GUIDE_PRECOMPRESS=off` skips it, for the benchmark's thousand-article builds.
 */
export default function precompressIntegration(): AstroIntegration {
  return {
    name: 'guide:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.GUIDE_PRECOMPRESS === 'off') {
          logger.info('Skipped (GUIDE_PRECOMPRESS=off): no .gz files');
          return;
        }
        const started = performance.now();
        const { files, rawBytes, gzBytes } = await precompress(fileURLToPath(dir).replace(/\/$/, ''));
        const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
        logger.info(`${files} files precompressed with Zopfli for gzip_static: ${kb(rawBytes)} → ${kb(gzBytes)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
