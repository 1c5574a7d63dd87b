import { defineConfig } from 'vitest/config';

// Real-browser tests: they drive the built extension (.output/) in Debian's Chromium.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
