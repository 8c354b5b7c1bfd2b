import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A guard against a hung test, not a measure of speed: on a loaded 2-core machine a CLI test that spawns
    // workers can take minutes, and a timeout there is a false failure.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
