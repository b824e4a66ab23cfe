import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ParsedMessage, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import { DEFAULT_TAXONOMY, defaultTagKey, defaultTaxonomy } from '../../lib/model/taxonomy';
import { LOCALES_DIR, chromeMessages, useLocale } from '../support/test-i18n';

/**
 * The locale files stay in step: the same keys in every language, the same plural forms, the same
 * placeholders; every key the code asks for exists; the English default tags match lib/taxonomy.ts.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = readdirSync(LOCALES_DIR)
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.replace(/\.yml$/, ''));

/** Messages by dotted key, without the browser's predefined @@ messages. */
function parsed(locale: string): Map<string, ParsedMessage> {
  const messages = parseMessagesText(readFileSync(resolve(LOCALES_DIR, `${locale}.yml`), 'utf8'), 'YAML');
  return new Map(messages.filter((m) => !m.key[0]!.startsWith('@@')).map((m) => [m.key.join('.'), m]));
}

/** Each form of a message: { '': text } for a simple one, { '0': …, '1': …, n: … } for a plural. */
function forms(message: ParsedMessage): Record<string, string> {
  if (message.type === 'plural') return message.plurals;
  return { '': message.message };
}

const placeholders = (text: string) => [...new Set(text.match(/(?<!\$)\$[1-9]/g) ?? [])].sort();

const en = parsed('en');

describe('locale files', () => {
  it('include English and Dutch', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'nl']));
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys of en', (locale) => {
    const other = parsed(locale);
    expect({ missing: [...en.keys()].filter((key) => !other.has(key)) }).toEqual({ missing: [] });
    expect({ extra: [...other.keys()].filter((key) => !en.has(key)) }).toEqual({ extra: [] });
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s has the same plural forms and placeholders as en',
    (locale) => {
      const other = parsed(locale);
      const differences: string[] = [];
      for (const [key, message] of en) {
        const theirs = other.get(key);
        if (!theirs) continue;
        const ours = forms(message);
        const their = forms(theirs);
        if (Object.keys(ours).join() !== Object.keys(their).join()) {
          differences.push(
            `${key}: forms ${Object.keys(ours).join('/')} in en, ${Object.keys(their).join('/')} in ${locale}`,
          );
          continue;
        }
        for (const form of Object.keys(ours)) {
          const a = placeholders(ours[form]!).join(' ');
          const b = placeholders(their[form]!).join(' ');
          if (a !== b) differences.push(`${key}${form ? `[${form}]` : ''}: "${a}" in en, "${b}" in ${locale}`);
        }
      }
      expect(differences).toEqual([]);
    },
  );

  it.each(LOCALES)('%s gives browsers valid message names and texts', (locale) => {
    const problems: string[] = [];
    const names = new Map<string, string>();
    for (const [key, message] of parsed(locale)) {
      const name = message.key.join('_');
      // Chrome refuses to load an extension with any other character in a message name.
      if (!/^[A-Za-z0-9_]+$/.test(name)) problems.push(`${key}: "${name}" is not a valid message name`);
      // Message names are case-insensitive, and "a.b_c" and "a_b.c" are both "a_b_c".
      const folded = name.toLowerCase();
      if (names.has(folded)) problems.push(`${key}: same message name as ${names.get(folded)}`);
      names.set(folded, key);
      if (message.namedSubstitutions.length > 0) problems.push(`${key}: "{…}" reads as a named substitution`);
      for (const text of Object.values(forms(message))) {
        if (/\$(?![1-9$])/.test(text.replace(/\$\$/g, ''))) problems.push(`${key}: a "$" that is not $1..$9`);
        if (!text.trim()) problems.push(`${key}: empty`);
        if (text.includes(' | ')) problems.push(`${key}: " | " separates plural forms`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the code and the locale files', () => {
  const sources = ['components', 'entrypoints', 'lib', 'build'].flatMap((dir) => sourceFiles(resolve(ROOT, dir)));

  /** Literal keys passed to i18n.t('…'), a `t('…')` translator or `translate('…')`. */
  const usedKeys = new Set(
    sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:t|translate)\(\s*(['"`])([A-Za-z0-9_.]+)\1/g)].map(
        (match) => match[2]!,
      ),
    ),
  );

  it('finds the keys in the source', () => {
    expect(usedKeys.size).toBeGreaterThan(100);
    expect(usedKeys).toContain('balance.split.summary');
  });

  it('asks only for keys that exist in en.yml', () => {
    expect([...usedKeys].filter((key) => !en.has(key)).sort()).toEqual([]);
  });

  it('names only existing messages in the manifest', () => {
    const config = readFileSync(resolve(ROOT, 'wxt.config.ts'), 'utf8');
    const names = [...config.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const messages = chromeMessages('en');
    for (const locale of LOCALES)
      for (const name of names) expect(chromeMessages(locale), `${locale}: ${name}`).toHaveProperty(name);
    expect(Object.keys(messages)).toContain('app_name');
  });

  it('uses every key', () => {
    const config = readFileSync(resolve(ROOT, 'wxt.config.ts'), 'utf8');
    const inManifest = new Set([...config.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!));
    const unused = [...en.values()]
      .filter((message) => {
        const key = message.key.join('.');
        if (usedKeys.has(key) || inManifest.has(message.key.join('_'))) return false;
        // The default tags' keys are built from their ids (defaultTagKey); checked below.
        if (key.startsWith('tags.')) return false;
        return true;
      })
      .map((message) => message.key.join('.'));
    expect(unused).toEqual([]);
  });
});

describe('the default tags', () => {
  it('are the English of en.yml in lib/taxonomy.ts, one key pair per default tag', () => {
    for (const tag of DEFAULT_TAXONOMY) {
      const label = en.get(defaultTagKey(tag.id, 'label'));
      const description = en.get(defaultTagKey(tag.id, 'description'));
      expect({ id: tag.id, label: label?.type === 'simple' && label.message }).toEqual({
        id: tag.id,
        label: tag.label,
      });
      expect({ id: tag.id, description: description?.type === 'simple' && description.message }).toEqual({
        id: tag.id,
        description: tag.description,
      });
    }
    const tagKeys = [...en.keys()].filter((key) => key.startsWith('tags.'));
    expect(tagKeys).toHaveLength(DEFAULT_TAXONOMY.length * 2);
  });

  it('come in the user’s language, with the same ids, colours and order', () => {
    expect(defaultTaxonomy(translate)).toEqual(DEFAULT_TAXONOMY);
    useLocale('nl');
    const dutch = defaultTaxonomy(translate);
    expect(dutch.map(({ label, description, ...rest }) => rest)).toEqual(
      DEFAULT_TAXONOMY.map(({ label, description, ...rest }) => rest),
    );
    expect(dutch.find((tag) => tag.id === 'way-shower')).toMatchObject({ label: 'Wegwijzer' });
    expect(dutch.find((tag) => tag.id === 'growth')?.description).toBe(
      'Mensen die me energie geven, voeden en uitdagen.',
    );
  });

  it('keep the English when a message is missing', () => {
    const t = (key: string) => (key === 'tags.work.label' ? 'Werk' : '');
    const tags = defaultTaxonomy(t);
    expect(tags[0]).toMatchObject({ id: 'work', label: 'Werk', description: DEFAULT_TAXONOMY[0]!.description });
    expect(tags[1]).toEqual(DEFAULT_TAXONOMY[1]);
  });
});

describe('plurals through #i18n', () => {
  it('pick the form by count in English and Dutch', async () => {
    const { i18n } = await import('#i18n');
    const counts = (key: 'panel.tagCount' | 'common.contacts') => [0, 1, 2].map((n) => i18n.t(key, n));
    expect(counts('panel.tagCount')).toEqual(['No tags', '1 tag', '2 tags']);
    expect(counts('common.contacts')).toEqual(['0 contacts', '1 contact', '2 contacts']);
    useLocale('nl');
    expect(counts('panel.tagCount')).toEqual(['Geen tags', '1 tag', '2 tags']);
    expect(counts('common.contacts')).toEqual(['0 contacten', '1 contact', '2 contacten']);
    expect(i18n.t('common.contacts', 30_000, ['30.000'])).toBe('30.000 contacten');
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
