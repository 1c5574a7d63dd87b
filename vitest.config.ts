import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/pages/**/*.test.ts'],
    testTimeout: 30_000,
    // The content script's style sheets are imported as text (`?inline`): tests get the real text.
    css: { include: [/\/content\/[^/]+\.css/] },
  },
});
