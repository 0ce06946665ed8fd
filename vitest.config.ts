import { defineConfig } from 'vitest/config';

// Unit tests run the engine, model and store in Node; browser tests live in test/browser (Playwright).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
