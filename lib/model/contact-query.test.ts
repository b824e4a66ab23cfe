import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { useLocale } from '../../tests/support/test-i18n';
import { type Contact, newContact } from './contact';
import {
  buildSearchIndex,
  defaultDirection,
  displayName,
  filterContacts,
  foldForSearch,
  formatLastSeen,
  nameOrder,
  searchTextOf,
  sortByName,
  sortContacts,
} from './contact-query';

const NOW = '2026-11-22T10:00:00.000Z';

const anna = newContact('anna-de-vries', NOW, {
  name: 'Anna de Vries',
  headline: 'Flex specialist',
  company: 'Randstad',
  purposes: ['growth'],
  relationships: ['mentor'],
  lastSeenAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
});
const emile = newContact('emile', NOW, {
  name: 'Émile Zola',
  headline: 'Écrivain',
  company: 'Les Éditions',
  purposes: ['purpose', 'impact'],
  relationships: ['peer', 'friend'],
  updatedAt: '2026-10-01T09:00:00.000Z',
});
const bob = newContact('bob', NOW, {
  name: 'bob Jansen',
  headline: 'Recruiter at Acme',
  company: '',
  lastSeenAt: '2026-01-05T09:00:00.000Z',
});
const zoe = newContact('name:zoë smit', NOW, { name: 'Zoë Smit', company: 'acme', relationships: ['client'] });
const noName = newContact('x-unknown', NOW);

const all: Contact[] = [zoe, anna, noName, emile, bob];
const ids = (contacts: Contact[]) => contacts.map((contact) => contact.id);

describe('foldForSearch', () => {
  it('ignores case, accents and spacing', () => {
    expect(foldForSearch('  Émile   ZOLA ')).toBe('emile zola');
    expect(foldForSearch('Zoë Ångström')).toBe('zoe angstrom');
    expect(foldForSearch('ﬁne')).toBe('fine'); // compatibility ligature
  });

  it('keeps non-Latin scripts searchable', () => {
    expect(foldForSearch('Фёдор')).toBe('федор');
    expect(foldForSearch('李小龙')).toBe('李小龙');
  });
});

describe('filterContacts', () => {
  it('returns everything, in the given order, when nothing is asked', () => {
    expect(ids(filterContacts(all, {}))).toEqual(ids(all));
    expect(filterContacts(all, { search: '   ' })).toHaveLength(5);
  });

  it('searches name, headline and company without case or accents', () => {
    expect(ids(filterContacts(all, { search: 'emile' }))).toEqual(['emile']);
    expect(ids(filterContacts(all, { search: 'ÉCRIVAIN' }))).toEqual(['emile']);
    expect(ids(filterContacts(all, { search: 'zoe' }))).toEqual(['name:zoë smit']);
    expect(ids(filterContacts(all, { search: 'acme' }))).toEqual(['name:zoë smit', 'bob']); // company and headline
    expect(ids(filterContacts(all, { search: 'randstad' }))).toEqual(['anna-de-vries']);
  });

  it('needs every word, in any order and field', () => {
    expect(ids(filterContacts(all, { search: 'randstad anna' }))).toEqual(['anna-de-vries']);
    expect(ids(filterContacts(all, { search: 'anna acme' }))).toEqual([]);
  });

  it('does not join words across fields', () => {
    // Name "bob Jansen" + headline "Recruiter": "jansenrecruiter" must not match.
    expect(filterContacts(all, { search: 'jansenrecruiter' })).toEqual([]);
    expect(searchTextOf(bob)).toBe('bob jansen recruiter at acme');
  });

  it('filters by purpose, relationship and untagged', () => {
    expect(ids(filterContacts(all, { purpose: 'growth' }))).toEqual(['anna-de-vries']);
    expect(ids(filterContacts(all, { relationship: 'friend' }))).toEqual(['emile']);
    expect(ids(filterContacts(all, { purpose: 'impact', relationship: 'peer' }))).toEqual(['emile']);
    expect(ids(filterContacts(all, { purpose: 'impact', relationship: 'mentor' }))).toEqual([]);
    expect(ids(filterContacts(all, { untaggedOnly: true }))).toEqual(['x-unknown', 'bob']);
    expect(ids(filterContacts(all, { untaggedOnly: true, search: 'bob' }))).toEqual(['bob']);
  });

  it('uses a prebuilt search index', () => {
    const index = buildSearchIndex(all);
    expect(index.get(emile)).toBe('emile zola ecrivain les editions');
    expect(searchTextOf({ name: 'A\tB', headline: '', company: ' C ' })).toBe('a b c');
    expect(ids(filterContacts(all, { search: 'editions' }, index))).toEqual(['emile']);
  });

  it('filters 30,000 contacts', () => {
    const many = Array.from({ length: 30_000 }, (_, i) =>
      newContact(`person-${i}`, NOW, {
        name: `Person ${i} ${i % 3 === 0 ? 'Müller' : 'Smith'}`,
        headline: i % 5 === 0 ? 'Développeur' : 'Designer',
        company: `Company ${i % 100}`,
        purposes: i % 2 === 0 ? ['growth'] : [],
        relationships: i % 7 === 0 ? ['mentor'] : [],
      }),
    );
    const index = buildSearchIndex(many);
    expect(filterContacts(many, {}, index)).toHaveLength(30_000);
    // i % 3 === 0 and i % 5 === 0: multiples of 15.
    expect(filterContacts(many, { search: 'muller developpeur' }, index)).toHaveLength(2_000);
    // Untagged: odd and not a multiple of 7.
    const untagged = filterContacts(many, { untaggedOnly: true }, index);
    expect(untagged).toHaveLength(15_000 - Math.ceil(15_000 / 7));
    expect(untagged[0]?.id).toBe('person-1');
    // Every word must occur somewhere: "14" also matches "Person 140", "Person 1414", ...
    const found = filterContacts(many, { purpose: 'growth', relationship: 'mentor', search: 'SMITH 14' }, index);
    const expected = many.filter(
      (c, i) => i % 14 === 0 && i % 3 !== 0 && (String(i).includes('14') || String(i % 100).includes('14')),
    );
    expect(found.length).toBeGreaterThan(10);
    expect(ids(found)).toEqual(ids(expected));
  });
});

describe('sortContacts', () => {
  it('sorts by name by default, ignoring case and accents', () => {
    expect(sortContacts(all).map(displayName)).toEqual([
      'Anna de Vries',
      'bob Jansen',
      'Émile Zola',
      'x-unknown',
      'Zoë Smit',
    ]);
    expect(sortContacts(all, { key: 'name', direction: 'desc' }).map(displayName)).toEqual([
      'Zoë Smit',
      'x-unknown',
      'Émile Zola',
      'bob Jansen',
      'Anna de Vries',
    ]);
  });

  it('does not change the given array', () => {
    const copy = [...all];
    sortContacts(all, { key: 'tags', direction: 'desc' });
    expect(all).toEqual(copy);
  });

  it('skips the name sort when told the contacts are in name order already', () => {
    const byName = sortContacts(all);
    expect(ids(sortContacts(byName, { key: 'tags', direction: 'desc' }, { byName: true }))).toEqual(
      ids(sortContacts(all, { key: 'tags', direction: 'desc' })),
    );
  });

  it('sorts by company with empty companies last either way', () => {
    expect(ids(sortContacts(all, { key: 'company', direction: 'asc' }))).toEqual([
      'name:zoë smit', // acme
      'emile', // Les Éditions
      'anna-de-vries', // Randstad
      'bob', // '' (tie broken by name)
      'x-unknown',
    ]);
    expect(ids(sortContacts(all, { key: 'company', direction: 'desc' }))).toEqual([
      'anna-de-vries',
      'emile',
      'name:zoë smit',
      'bob',
      'x-unknown',
    ]);
  });

  it('sorts by tag count, ties by name', () => {
    expect(ids(sortContacts(all, { key: 'tags', direction: 'desc' }))).toEqual([
      'emile', // 4
      'anna-de-vries', // 2
      'name:zoë smit', // 1
      'bob', // 0
      'x-unknown', // 0
    ]);
    expect(ids(sortContacts(all, { key: 'tags', direction: 'asc' }))[0]).toBe('bob');
  });

  it('sorts by last seen with never-seen last', () => {
    expect(ids(sortContacts(all, { key: 'lastSeen', direction: 'desc' }))).toEqual([
      'anna-de-vries',
      'bob',
      'emile',
      'x-unknown',
      'name:zoë smit',
    ]);
    expect(ids(sortContacts(all, { key: 'lastSeen', direction: 'asc' })).slice(0, 2)).toEqual(['bob', 'anna-de-vries']);
  });

  it('sorts by update time', () => {
    expect(ids(sortContacts(all, { key: 'updated', direction: 'asc' }))).toEqual([
      'emile',
      'anna-de-vries',
      'bob',
      'x-unknown',
      'name:zoë smit',
    ]);
  });

  it('has sensible first directions', () => {
    expect(defaultDirection('name')).toBe('asc');
    expect(defaultDirection('company')).toBe('asc');
    expect(defaultDirection('tags')).toBe('desc');
    expect(defaultDirection('updated')).toBe('desc');
  });
});

describe('formatLastSeen', () => {
  const now = new Date(2026, 10, 22, 15, 0);
  const daysAgo = (days: number, hour = 9) => new Date(2026, 10, 22 - days, hour, 0).toISOString();

  it('says never for contacts never opened', () => {
    expect(formatLastSeen('', translate, now)).toBe('never');
    expect(formatLastSeen('not a date', translate, now)).toBe('never');
  });

  it('speaks in calendar days and weeks', () => {
    expect(formatLastSeen(daysAgo(0), translate, now)).toBe('today');
    expect(formatLastSeen(daysAgo(1, 23), translate, now)).toBe('yesterday');
    expect(formatLastSeen(daysAgo(3), translate, now)).toBe('3 days ago');
    expect(formatLastSeen(daysAgo(7), translate, now)).toBe('1 week ago');
    expect(formatLastSeen(daysAgo(20), translate, now)).toBe('2 weeks ago');
  });

  it('gives the date for older visits', () => {
    expect(formatLastSeen(new Date(2025, 0, 5, 12).toISOString(), translate, now, 'en-GB')).toBe('5 Jan 2025');
  });

  it('speaks Dutch', () => {
    useLocale('nl');
    expect(formatLastSeen('', translate, now)).toBe('nooit');
    expect(formatLastSeen(daysAgo(1, 23), translate, now)).toBe('gisteren');
    expect(formatLastSeen(daysAgo(3), translate, now)).toBe('3 dagen geleden');
    expect(formatLastSeen(daysAgo(7), translate, now)).toBe('1 week geleden');
    expect(formatLastSeen(daysAgo(20), translate, now)).toBe('2 weken geleden');
    expect(formatLastSeen(new Date(2025, 0, 5, 12).toISOString(), translate, now, 'nl')).toBe('5 jan 2025');
  });
});

describe('nameOrder', () => {
  const named = (id: string, name: string) => ({ ...newContact(id, '2026-01-01T00:00:00.000Z'), name });
  it('sorts like sortByName, and keeps that order with the new objects when only tags changed', () => {
    const order = nameOrder();
    const contacts = [named('c', 'Cleo'), named('a', 'Ann'), named('b', 'Émile')];
    expect(order(contacts).map((c) => c.id)).toEqual(sortByName(contacts).map((c) => c.id));
    const tagged = { ...contacts[1]!, purposes: ['growth'] };
    const next = [contacts[0]!, tagged, contacts[2]!];
    const sorted = order(next);
    expect(sorted.map((c) => c.id)).toEqual(['a', 'c', 'b']);
    expect(sorted[0]).toBe(tagged);
  });

  it('sorts again when a name changed or a contact came or went', () => {
    const order = nameOrder();
    const contacts = [named('a', 'Ann'), named('b', 'Bea')];
    order(contacts);
    expect(order([contacts[0]!, { ...contacts[1]!, name: 'Aaron' }]).map((c) => c.id)).toEqual(['b', 'a']);
    expect(order([named('z', 'Zed'), ...contacts]).map((c) => c.id)).toEqual(['a', 'b', 'z']);
  });
});
