import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README and CI', () => {
  it('CI runs exactly the test command the README gives', () => {
    const ci = /^TEST_COMMAND='(.+)'$/m.exec(read('.ci/run'))?.[1];
    expect(ci).toBeTruthy();
    expect(read('README.md')).toContain(`\n${ci}\n`);
  });

  it('the README documents Node 22.12+ like package.json', () => {
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=22.12.0');
    expect(read('README.md')).toMatch(/Node\.js 22\.12/);
  });
});
