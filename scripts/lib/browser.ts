import { existsSync } from 'node:fs';

/** Flags for Chromium on machines without a desktop session or outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium to drive: `CHROME_PATH`, else Debian's `/usr/bin/chromium`, else undefined so
 * Playwright uses its own download on an ordinary developer machine.
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
