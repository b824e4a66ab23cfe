import { browser } from 'wxt/browser';

/**
 * Stands in for @wxt-dev/i18n's runtime in the content script's bundle, with the same contract for
 * what the panel uses: `t(key)`, `t(key, [substitutions])` and `t(key, count)` for plural messages
 * ("none | one | many" as the module writes them into messages.json). It leaves out named
 * substitutions and argument checking, which the panel does not use, to stay in the 15 KB budget.
 * tests/unit/content-script-i18n.test.ts holds it to the same results as the real runtime.
 */
export function createI18n() {
  const t = (key: string, ...args: unknown[]): string => {
    const count = args.find((arg): arg is number => typeof arg === 'number');
    const substitutions = (args.find(Array.isArray) as unknown[] | undefined) ?? (count === undefined ? [] : [count]);
    // The generated message names are not in the browser's types; the real runtime casts the same way.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions: string[]) => string;
    const message = getMessage(key.replaceAll('.', '_'), substitutions.map(String));
    if (count === undefined) return message;
    const forms = message.split(' | ');
    return forms[forms.length === 3 ? Math.min(count, 2) : forms.length === 2 ? (count === 1 ? 0 : 1) : 0]!;
  };
  return { t };
}
