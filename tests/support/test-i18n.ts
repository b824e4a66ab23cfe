import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ChromeMessage, generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * `browser.i18n` for unit tests, backed by locales/<locale>.yml exactly as the build turns them into
 * _locales/<locale>/messages.json (@wxt-dev/i18n/build): "a.b" keys become "a_b", plurals "x | y".
 */

const ROOT = resolve(import.meta.dirname, '../..');
export const LOCALES_DIR = resolve(ROOT, 'locales');

const cache = new Map<string, Record<string, ChromeMessage>>();

/** The messages.json the build writes for `locale`, keyed by message name. */
export function chromeMessages(locale: string): Record<string, ChromeMessage> {
  let messages = cache.get(locale);
  if (!messages) {
    const text = readFileSync(resolve(LOCALES_DIR, `${locale}.yml`), 'utf8');
    messages = generateChromeMessages(parseMessagesText(text, 'YAML'));
    cache.set(locale, messages);
  }
  return messages;
}

/** chrome.i18n.getMessage: $1..$9 filled in, "$$" is "$"; unknown names throw so a typo fails the test. */
export function getMessage(
  messages: Record<string, ChromeMessage>,
  name: string,
  substitutions?: string | string[],
): string {
  const entry =
    messages[name] ?? Object.entries(messages).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  if (!entry) throw new Error(`No message "${name}" in the locale files`);
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

/** Makes `#i18n` (and browser.i18n) answer in `locale` with the browser's UI language `uiLanguage`. */
export function useLocale(locale: string, uiLanguage = locale === 'en' ? 'en-US' : locale): void {
  const messages = chromeMessages(locale);
  const i18n = fakeBrowser.i18n as unknown as {
    getMessage: (name: string, substitutions?: string | string[]) => string;
    getUILanguage: () => string;
  };
  i18n.getMessage = (name, substitutions) => getMessage(messages, name, substitutions);
  i18n.getUILanguage = () => uiLanguage;
}
