import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Translate } from './model/translate';

/** `i18n.t` for lib/ functions, which take keys as plain strings (see lib/model/translate.ts). */
export const translate: Translate = (key, ...args) => (i18n.t as unknown as Translate)(key, ...args);

/**
 * The locale to format dates and numbers in: the browser's UI language ("en-GB") when the messages
 * shown are in that language, otherwise the messages' own language, so a German browser that gets the
 * English texts does not get German dates in English sentences.
 */
export function uiLocale(): string {
  const messages = i18n.t('meta.locale');
  const ui = browserLanguage();
  if (!messages) return ui || 'en';
  const sameLanguage = ui.toLowerCase().split(/[-_]/)[0] === messages.toLowerCase();
  return sameLanguage ? ui.replace('_', '-') : messages;
}

function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator === 'undefined' ? '' : navigator.language;
  }
}

/** A number as the user's locale writes it: "30,000" or "30.000". */
export function formatNumber(n: number): string {
  return n.toLocaleString(uiLocale());
}

/** A share (0..1) as a whole percentage: "38%". */
export function formatPercent(share: number): string {
  return share.toLocaleString(uiLocale(), { style: 'percent', maximumFractionDigits: 0 });
}
