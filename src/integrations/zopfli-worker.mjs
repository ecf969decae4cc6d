// One of precompress.ts's workers: compresses the files it is sent, one at a time, and writes
// each `<file>.gz` when it is smaller than the file. Plain JavaScript: Node runs it as it is.
import { readFile, writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';

parentPort.on('message', async ({ file, iterations }) => {
  try {
    const bytes = await readFile(file);
    const gz = await gzipAsync(bytes, { numiterations: iterations });
    if (gz.length < bytes.length) await writeFile(`${file}.gz`, gz);
    parentPort.postMessage({ file, raw: bytes.length, gz: gz.length < bytes.length ? gz.length : 0 });
  } catch (error) {
    parentPort.postMessage({ file, error: String(error?.stack ?? error) });
  }
});
