import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The store suites share one PostgreSQL database; each suite uses its own schema.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
