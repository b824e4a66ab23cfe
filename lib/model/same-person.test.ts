import { describe, expect, it } from 'vitest';
import { type Contact, LIMITS, newContact } from './contact';
import { MAX_FORMER_IDS, isFormerIdOf, mergeSamePerson, mergedNote, movedContact, withFormerIds } from './same-person';
import { contactProblems } from '../formats/contact-record';

const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const NOW = '2026-11-27T10:00:00.000Z';

const old: Contact = newContact('jane-doe', T0, {
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: 'Flexa',
  location: 'London',
  purposes: ['growth'],
  relationships: ['mentor', 'peer'],
  note: 'Met at the flex conference.',
  lastSeenAt: T1,
  connectedOn: '2024-10-09',
  source: 'linkedin-connections',
  memberId: MEMBER,
});
const current: Contact = newContact('jane-doe-flexa', T1, {
  name: 'Jane Doe-Smith',
  headline: 'Head of Flex',
  company: '',
  purposes: ['purpose', 'growth'],
  relationships: ['peer'],
  note: 'Asked about the book.',
  lastSeenAt: T2,
  memberId: MEMBER,
});

describe('movedContact', () => {
  it('keeps everything under the new URL, and the old URL among its former ids', () => {
    expect(movedContact(old, 'jane-doe-flexa', NOW)).toEqual({
      ...old,
      id: 'jane-doe-flexa',
      url: 'https://www.linkedin.com/in/jane-doe-flexa/',
      updatedAt: NOW,
      formerIds: [old.id],
    });
  });
});

describe('mergeSamePerson', () => {
  const merged = mergeSamePerson(current, old, NOW);

  it('keeps the id and fields of the URL shown now, the other’s where it has none', () => {
    expect(merged).toMatchObject({
      id: 'jane-doe-flexa',
      url: 'https://www.linkedin.com/in/jane-doe-flexa/',
      name: 'Jane Doe-Smith',
      headline: 'Head of Flex',
      company: 'Flexa',
      location: 'London',
      memberId: MEMBER,
      source: 'linkedin-connections',
    });
  });

  it('unites the tags, the shown contact’s first, each once', () => {
    expect(merged.purposes).toEqual(['purpose', 'growth']);
    expect(merged.relationships).toEqual(['peer', 'mentor']);
  });

  it('keeps both notes, the other under a line that says where it came from', () => {
    expect(merged.note).toBe('Asked about the book.\n\n--- linkedin.com/in/jane-doe ---\nMet at the flex conference.');
  });

  it('takes the earliest creation and connection dates and the latest visit', () => {
    expect(merged).toMatchObject({ createdAt: T0, connectedOn: '2024-10-09', lastSeenAt: T2, updatedAt: NOW });
    const both = mergeSamePerson({ ...current, connectedOn: '2025-01-01' }, old, NOW);
    expect(both.connectedOn).toBe('2024-10-09');
    const { connectedOn: _, ...undated } = old;
    const written = mergeSamePerson(current, { ...undated, connectedOnText: 'sometime in 2019' }, NOW);
    expect(written).toMatchObject({ connectedOnText: 'sometime in 2019' });
    expect(written).not.toHaveProperty('connectedOn');
    // A real date wins over a written-out one; never both.
    const dated = mergeSamePerson({ ...current, connectedOnText: 'sometime in 2019' }, old, NOW);
    expect(dated.connectedOn).toBe('2024-10-09');
    expect(dated).not.toHaveProperty('connectedOnText');
  });

  it('keeps every correction: the shown contact’s first, the other’s over what the page shows now', () => {
    const corrected = mergeSamePerson(
      { ...current, headline: 'Flex lead', pageValues: { headline: 'Head of Flex' } },
      { ...old, name: 'Jane', headline: 'Mine', pageValues: { name: 'Jane Doe', headline: 'Flex specialist' } },
      NOW,
    );
    expect(corrected).toMatchObject({
      name: 'Jane',
      headline: 'Flex lead',
      pageValues: { name: 'Jane Doe-Smith', headline: 'Head of Flex' },
    });
    expect(merged).not.toHaveProperty('pageValues');
  });
  it('keeps both people’s touches, the earlier first tagging, the shown contact’s rhythm and the later review', () => {
    const merged = mergeSamePerson(
      { ...current, touches: [{ on: '2026-10-01', channel: 'call' }], rhythmDays: 30, reviewedAt: T1 },
      { ...old, touches: [{ on: '2025-06-01' }], firstTaggedAt: T0, rhythmDays: 90, reviewedAt: T2 },
      NOW,
    );
    expect(merged.touches).toEqual([{ on: '2025-06-01' }, { on: '2026-10-01', channel: 'call' }]);
    expect(merged.firstTaggedAt).toBe(T0);
    expect(merged.rhythmDays).toBe(30);
    expect(merged.reviewedAt).toBe(T2);
  });
});

describe('mergedNote', () => {
  it('keeps one note when the other is empty or the same', () => {
    expect(mergedNote('a', '', 'x')).toBe('a');
    expect(mergedNote('', 'b', 'x')).toBe('b');
    expect(mergedNote('same', 'same', 'x')).toBe('same');
  });

  it('stays within the note’s limit', () => {
    const note = mergedNote('a'.repeat(LIMITS.note - 5), 'b'.repeat(100), 'jane-doe');
    expect(note).toHaveLength(LIMITS.note);
    expect(note.startsWith('a'.repeat(LIMITS.note - 5))).toBe(true);
  });
});

describe('former ids (the URLs a person was known under)', () => {
  const NOW = '2026-11-01T10:00:00.000Z';
  const jane = newContact('jane-doe', '2026-01-01T00:00:00.000Z', {
    memberId: 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i',
  });

  it('a move keeps the old id; moving back drops the id it has again', () => {
    const moved = movedContact(jane, 'jane-flexa', NOW);
    expect(moved.formerIds).toEqual(['jane-doe']);
    const back = movedContact(moved, 'jane-doe', NOW);
    expect(back.formerIds).toEqual(['jane-flexa']);
    expect(contactProblems(moved)).toEqual([]);
  });

  it('keeps each id once, the newest last, at most MAX_FORMER_IDS', () => {
    expect(withFormerIds('c', ['a', 'b'], 'a', 'c')).toEqual(['b', 'a']);
    const many = Array.from({ length: MAX_FORMER_IDS + 5 }, (_, i) => `old-${i}`);
    const kept = withFormerIds('now', many);
    expect(kept).toHaveLength(MAX_FORMER_IDS);
    expect(kept.at(-1)).toBe(`old-${MAX_FORMER_IDS + 4}`);
  });

  it('a merge keeps both contacts’ former ids and the merged-away id', () => {
    const kept = { ...jane, id: 'jane-flexa', url: 'https://www.linkedin.com/in/jane-flexa/', formerIds: ['jf-old'] };
    const other = { ...jane, formerIds: ['jd-old'] };
    expect(mergeSamePerson(kept, other, NOW).formerIds).toEqual(['jd-old', 'jf-old', 'jane-doe']);
  });

  it('a page with another member id is someone else; one without, or with hers, is her', () => {
    expect(isFormerIdOf(jane, undefined)).toBe(true);
    expect(isFormerIdOf(jane, jane.memberId)).toBe(true);
    expect(isFormerIdOf(jane, 'ACoAAC9xYz1AbCdEfGhIjKlMnOpQrStUvWxYz0A')).toBe(false);
  });

  it('the contact schema refuses its own id, an id twice, an empty list and a non-id', () => {
    const c = { ...jane, formerIds: ['jane-doe'] };
    expect(contactProblems(c)).toEqual(['formerIds: must not list the contact’s own id']);
    expect(contactProblems({ ...jane, formerIds: ['a-b', 'a-b'] })).toEqual(['formerIds: must not list an id twice']);
    expect(contactProblems({ ...jane, formerIds: [] })).toHaveLength(1);
    expect(contactProblems({ ...jane, formerIds: ['not a url id/'] })).toHaveLength(1);
  });
});
