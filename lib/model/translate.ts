/**
 * How lib/ code gets its words without touching the browser: callers pass a translator, in the pages
 * `translate` from lib/i18n.ts (the @wxt-dev/i18n messages in locales/*.yml). It is `i18n.t` without
 * the key checking: a number picks the plural form (and is $1), an array fills $1..$9.
 */
type Substitution = string | number;
export type Translate = (key: string, ...args: Array<number | Substitution[]>) => string;
