import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLocale } from './test-i18n';

// `#i18n` reads browser.i18n: every test starts in English (locales/en.yml); a test may switch to Dutch.
useLocale('en');

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});
