import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README and CI', () => {
  it('CI runs exactly the test command the README gives', () => {
    const ci = /^TEST_COMMAND='(.+)'$/m.exec(read('.ci/run'))?.[1];
    expect(ci).toBeTruthy();
    expect(read('README.md')).toContain(`\n${ci}\n`);
  });

  it('package.json, the README, the version-manager files and CI name the same Node.js', () => {
    const engines = /^>=(\d+)\.(\d+)\.\d+$/.exec(JSON.parse(read('package.json')).engines.node as string);
    expect(engines, 'package.json engines.node is ">=major.minor.patch"').toBeTruthy();
    const [, major, minor] = engines!;
    expect(read('README.md')).toContain(`Node.js ${major}.${minor} or newer`);
    expect(read('.nvmrc').trim()).toBe(major);
    expect(read('.node-version').trim()).toBe(major);
    expect(read('.ci/run')).toContain(`node@${major}`);
  });
});
