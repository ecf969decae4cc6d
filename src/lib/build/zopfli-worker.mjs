// One of precompress.ts's workers: answers each `{ id, bytes }` with the Zopfli gzip stream of
// the bytes. Plain JavaScript: Node runs it as it is.
import { parentPort } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';

parentPort.on('message', async ({ id, bytes, iterations }) => {
  try {
    parentPort.postMessage({ id, gz: await gzipAsync(Buffer.from(bytes), { numiterations: iterations }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
