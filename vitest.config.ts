import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit tests: pure logic, components in happy-dom, the database on fake-indexeddb.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['{lib,components,build,tests/unit}/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/support/setup.ts'],
    restoreMocks: true,
  },
});
