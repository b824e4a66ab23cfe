import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Kindred',
    description:
      'See why your professional network exists: tag LinkedIn contacts by purpose and relationship. Your data stays on your computer.',
    // No permissions: the database lives in the extension's own origin, the content script
    // is declared statically, and exports download through an <a download> link.
    permissions: [],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
