import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContentDir } from '../../src/integrations/content-check';
import { formatProblems } from '../../src/lib/content-checks';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the committed guide', () => {
  it('passes every content check, in every locale', async () => {
    const problems = await checkContentDir(root);
    // Printing the report makes a failure read like the build's own message.
    expect(formatProblems(problems)).toBe(formatProblems([]));
  });
});
