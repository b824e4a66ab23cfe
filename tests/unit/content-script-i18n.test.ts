import { createI18n as createRealI18n } from '@wxt-dev/i18n';
import { describe, expect, it } from 'vitest';
import { createI18n as createContentScriptI18n } from '../../build/content-script-i18n';
import { chromeMessages } from '../support/test-i18n';
import { useLocale } from '../support/test-i18n';

/** The content script's lean i18n runtime must say exactly what @wxt-dev/i18n says. */
describe('the content script’s i18n runtime', () => {
  const real = createRealI18n() as unknown as { t: (key: string, ...args: unknown[]) => string };
  const lean = createContentScriptI18n();
  const panelKeys = Object.keys(chromeMessages('en'))
    .filter((name) => name.startsWith('panel_'))
    .map((name) => name.replace('panel_', 'panel.'));

  for (const locale of ['en', 'nl']) {
    it(`matches @wxt-dev/i18n for every panel text in ${locale}`, () => {
      useLocale(locale);
      expect(panelKeys.length).toBeGreaterThan(10);
      for (const key of panelKeys) {
        if (key === 'panel.tagCount') {
          for (const count of [0, 1, 2, 17]) expect(lean.t(key, count), `${key} ${count}`).toBe(real.t(key, count));
        } else {
          expect(lean.t(key, ['jane-doe']), key).toBe(real.t(key, ['jane-doe']));
          expect(lean.t(key), key).toBe(real.t(key));
        }
      }
    });
  }
});
