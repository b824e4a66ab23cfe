import { describe, expect, it } from 'vitest';
import { type Contact, LIMITS, newContact } from './contact';
import { mergeSamePerson, mergedNote, movedContact } from './same-person';

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
  it('keeps everything under the new URL', () => {
    expect(movedContact(old, 'jane-doe-flexa', NOW)).toEqual({
      ...old,
      id: 'jane-doe-flexa',
      url: 'https://www.linkedin.com/in/jane-doe-flexa/',
      updatedAt: NOW,
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
