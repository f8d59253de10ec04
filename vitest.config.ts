import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // web/src/**: the console's pure helpers (no DOM), which run in node like the rest.
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
