/** Finding and ordering contacts for the contacts table: pure functions, fast enough for 30,000 contacts. */

import { type Contact, isTagged } from './contact';
import { DAY } from './dates';
import type { Translate } from './translate';

export interface ContactFilter {
  /** Free text matched against name, headline and company; every word must occur (case and accents ignored). */
  search?: string;
  /** A purpose tag id the contact must have; '' or undefined for any. */
  purpose?: string;
  /** A relationship tag id the contact must have; '' or undefined for any. */
  relationship?: string;
  /** Only contacts with no purpose and no relationship. */
  untaggedOnly?: boolean;
}

export type SortKey = 'name' | 'company' | 'tags' | 'lastSeen' | 'updated';
type SortDirection = 'asc' | 'desc';

export interface ContactSort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: ContactSort = { key: 'name', direction: 'asc' };

/** The direction a column sorts in when it is first chosen: text A→Z, counts and dates most/newest first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'name' || key === 'company' ? 'asc' : 'desc';
}

/** Text as search compares it: accents and marks removed, lower-cased, spacing collapsed. */
export function foldForSearch(text: string): string {
  let folded = text.toLowerCase();
  // Plain ASCII (most names) needs no Unicode work; this keeps indexing 30,000 contacts quick.
  if (NON_ASCII.test(folded)) folded = folded.normalize('NFKD').replace(MARKS, '');
  if (UNTIDY_SPACE.test(folded)) folded = folded.replace(SPACES, ' ');
  return folded.trim();
}

// Any UTF-16 code unit above ASCII (written as a range so no control character sits in the pattern).
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;
const UNTIDY_SPACE = /\s\s|[^\S ]/;
const SPACES = /\s+/g;

/** The folded text a search looks in; name, headline and company are kept apart so words do not join. */
export function searchTextOf(contact: Pick<Contact, 'name' | 'headline' | 'company'>): string {
  return foldForSearch(`${contact.name} ${contact.headline} ${contact.company}`);
}

/** Each contact's folded search text, computed once so typing in the search box only compares strings. */
type SearchIndex = ReadonlyMap<Contact, string>;

export function buildSearchIndex(contacts: readonly Contact[], previous?: SearchIndex): SearchIndex {
  const index = new Map<Contact, string>();
  // A contact object that is unchanged since the last index keeps its text: one tag re-folds one contact.
  for (const contact of contacts) index.set(contact, previous?.get(contact) ?? searchTextOf(contact));
  return index;
}

/**
 * The contacts that pass the filter, in their given order. Pass a `SearchIndex` built from the same
 * contacts to avoid folding every contact's text again.
 */
export function filterContacts(contacts: readonly Contact[], filter: ContactFilter, index?: SearchIndex): Contact[] {
  const words = foldForSearch(filter.search ?? '')
    .split(' ')
    .filter((word) => word !== '');
  const purpose = filter.purpose ?? '';
  const relationship = filter.relationship ?? '';
  const untaggedOnly = filter.untaggedOnly ?? false;
  if (words.length === 0 && !purpose && !relationship && !untaggedOnly) return [...contacts];

  const result: Contact[] = [];
  for (const contact of contacts) {
    if (untaggedOnly && isTagged(contact)) continue;
    if (purpose && !contact.purposes.includes(purpose)) continue;
    if (relationship && !contact.relationships.includes(relationship)) continue;
    if (words.length > 0) {
      const text = index?.get(contact) ?? searchTextOf(contact);
      if (!words.every((word) => text.includes(word))) continue;
    }
    result.push(contact);
  }
  return result;
}

/** Locale-aware, ignoring case and accents: "Émile" sorts with "Emile". */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** What the table shows as a contact's name: profiles read without a name show their id. */
export function displayName(contact: Pick<Contact, 'id' | 'name'>): string {
  return contact.name || contact.id;
}

/** A new array in name order (accents folded, locale-aware), ties broken by id. */
export function sortByName(contacts: readonly Contact[]): Contact[] {
  // Decorate once: folding n names instead of n log n.
  const rows = contacts.map((contact) => ({ contact, name: foldForSearch(displayName(contact)) }));
  rows.sort(
    (a, b) => compareText(a.name, b.name) || (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0),
  );
  return rows.map((row) => row.contact);
}

/**
 * `sortByName` that remembers its last answer. When only some contacts' tags or notes changed (the same
 * contacts in the same places under the same names, as the watched contacts arrive after a tag), the
 * order is kept with the new objects in it instead of sorting 30,000 names again.
 */
export function nameOrder(): (contacts: readonly Contact[]) => Contact[] {
  let input: readonly Contact[] = [];
  let output: Contact[] = [];
  let names = new Map<string, string>();
  return (contacts) => {
    const replaced = contacts === input ? new Map<string, Contact>() : sameNames(input, contacts, names);
    if (replaced) {
      if (replaced.size > 0) output = output.map((contact) => replaced.get(contact.id) ?? contact);
    } else {
      output = sortByName(contacts);
      names = new Map(contacts.map((contact) => [contact.id, displayName(contact)]));
    }
    input = contacts;
    return output;
  };
}

/** The contacts that changed, by id, when nothing that decides the name order did; otherwise null. */
function sameNames(
  before: readonly Contact[],
  after: readonly Contact[],
  names: ReadonlyMap<string, string>,
): Map<string, Contact> | null {
  if (before.length !== after.length) return null;
  const replaced = new Map<string, Contact>();
  for (let i = 0; i < after.length; i++) {
    const contact = after[i]!;
    if (contact === before[i]) continue;
    if (contact.id !== before[i]!.id || names.get(contact.id) !== displayName(contact)) return null;
    replaced.set(contact.id, contact);
  }
  return replaced;
}

/**
 * A new array in the requested order. Empty values (no company, never seen) come last in either
 * direction; ties are in name order. Pass `{ byName: true }` when `contacts` is already the result of
 * `sortByName`, to skip that (most expensive) step.
 */
export function sortContacts(
  contacts: readonly Contact[],
  sort: ContactSort = DEFAULT_SORT,
  { byName = false }: { byName?: boolean } = {},
): Contact[] {
  const named = byName ? [...contacts] : sortByName(contacts);
  if (sort.key === 'name') return sort.direction === 'asc' ? named : named.reverse();

  const sign = sort.direction === 'asc' ? 1 : -1;
  const rows = named.map((contact) => ({ contact, key: sortValue(contact, sort.key) }));
  // Array.prototype.sort is stable: equal keys keep their name order.
  rows.sort((a, b) => {
    const aEmpty = a.key === '';
    const bEmpty = b.key === '';
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
    if (typeof a.key === 'number' && typeof b.key === 'number') return sign * (a.key - b.key);
    if (sort.key === 'company') return sign * compareText(String(a.key), String(b.key));
    // ISO dates compare as plain strings.
    return sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  return rows.map((row) => row.contact);
}

function sortValue(contact: Contact, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return '';
    case 'company':
      return foldForSearch(contact.company);
    case 'tags':
      return contact.purposes.length + contact.relationships.length;
    case 'lastSeen':
      return contact.lastSeenAt;
    case 'updated':
      return contact.updatedAt;
  }
}

/**
 * When a profile was last opened, in words: "never", "today", "yesterday", "3 days ago", "2 weeks ago",
 * and the date itself after five weeks. Days are counted in the user's local calendar.
 */
export function formatLastSeen(iso: string, t: Translate, now: Date = new Date(), locale?: string): string {
  if (!iso) return t('time.never');
  const seen = new Date(iso);
  if (Number.isNaN(seen.getTime())) return t('time.never');
  const days = Math.round((startOfDay(now) - startOfDay(seen)) / DAY);
  if (days <= 0) return t('time.today');
  if (days === 1) return t('time.yesterday');
  if (days < 7) return t('time.daysAgo', days);
  if (days < 35) return t('time.weeksAgo', Math.floor(days / 7));
  return formatDate(iso, locale);
}

/** A date as the user's locale writes it ("22 Nov 2026"); '' for an empty or unreadable value. */
export function formatDate(iso: string, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
