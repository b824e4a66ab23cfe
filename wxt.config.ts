import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const buildShim = (file: string) => fileURLToPath(new URL(`./build/${file}`, import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    // Texts live in locales/<lang>.yml (app.*); the browser picks the user's language.
    default_locale: 'en',
    name: '__MSG_app_name__',
    description: '__MSG_app_description__',
    // Only `unlimitedStorage`: the database lives in the extension's own origin, the content script is
    // declared statically, and exports download through an <a download> link. `unlimitedStorage` keeps
    // the browser from evicting that database under storage pressure:
    // - Chrome: extension IndexedDB is otherwise "best effort" and can be cleared when the disk runs
    //   low; with this permission the origin is exempt from eviction and quota, and Chrome shows no
    //   install warning for it.
    // - Firefox: an extension's IndexedDB is likewise best-effort storage, evicted (least recently used
    //   first) when the global limit is reached (MDN, "Storage quotas and eviction criteria"). Firefox
    //   grants an extension with `unlimitedStorage` the "persistent-storage" site permission (its test
    //   toolkit/components/extensions/test/xpcshell/test_ext_unlimitedStorage.js), which is what keeps
    //   the data. Firefox shows "Store unlimited amount of client-side data" at install; we ask anyway:
    //   losing a person's tags and notes is worse than one honest line in the install prompt.
    permissions: [
      'unlimitedStorage',
      // Sync across browsers (issue 17, off until the person turns it on): storage.sync, the browser's own sync.
      'storage',
      // Keep in touch: one alarm a day, just after midnight, recounts who is due for the toolbar badge;
      // sync: a write waiting for the rate limit survives the worker stopping. No install warning.
      'alarms',
    ],
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    // The tag panel is an extension page framed in LinkedIn's profile pages, so the page's scripts can
    // neither read nor drive it. Only linkedin.com may frame it; Chrome gives it a per-session URL
    // (use_dynamic_url), so a page cannot recognise Kindred by probing a fixed address. Firefox MV2
    // has a plain list: its extension URLs are already random per installation.
    web_accessible_resources:
      browser === 'firefox'
        ? ['panel.html']
        : [{ resources: ['panel.html'], matches: ['*://*.linkedin.com/*'], use_dynamic_url: true }],
    commands: {
      'focus-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_app_focusPanelCommand__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'kindred@kindred-network.org',
          strict_min_version: '140.0',
          // Kindred collects nothing: all data stays in the browser.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  // `npm run zip`: store packages for Chrome and Firefox, and the sources archive Mozilla's review asks for.
  zip: {
    excludeSources: ['tmp/**', 'docs/screenshots/**', '.output/**'],
  },
  hooks: {
    // Only the background keeps webextension-polyfill (it answers messages with promises). The content
    // script and the extension pages (the panel framed in LinkedIn's pages among them) only send
    // messages and read texts, and the MV3 APIs of Chrome and Firefox already return promises: without
    // it the panel's frame has about 10 KB less to evaluate before its first paint, the content script
    // 3 KB gzipped less. The content script runs on every LinkedIn page and has a 10 KB (gzipped) budget;
    // the i18n shim drops code of @wxt-dev/i18n that the panel never runs (see build/).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      config.resolve ??= {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), 'wxt/browser': '@wxt-dev/browser' };
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      // A few hundred bytes smaller than the default minifier's output.
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 3 }, toplevel: true } };
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string>),
        '@wxt-dev/i18n': buildShim('content-script-i18n.ts'),
        'wxt/utils/content-script-context': buildShim('content-script-context.ts'),
      };
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
