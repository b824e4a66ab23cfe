import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's headless Chromium (.output/chrome-mv3) and Firefox ESR
// (.output/firefox-mv2); `npm test` builds both before it runs these.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
