import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // The bad-input suite runs real builds; give them room on a small machine.
    testTimeout: 120_000,
  },
});
