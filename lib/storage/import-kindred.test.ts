import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../../tests/support/db-helpers';
import { type Contact, newContact } from '../model/contact';
import type { KindredDB } from './db';
import { importKindred, mergeContact } from './import-kindred';
import { parseKindredFile } from '../formats/kindred-file';
import { exportAll, recordSeen, setNote, setTag } from './store';

const T1 = '2026-10-01T10:00:00.000Z';
const T2 = '2026-10-02T10:00:00.000Z';
const T3 = '2026-10-03T10:00:00.000Z';

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

async function seed() {
  await recordSeen(
    db,
    {
      id: 'jane',
      url: 'https://www.linkedin.com/in/jane/',
      name: 'Jane',
      headline: 'Flex',
      company: 'Flexa',
      location: '',
      // Kept with the contact, so it must survive the round trip through a file.
      memberId: 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i',
    },
    T1,
  );
  await setTag(db, 'jane', 'mentor', true, T1);
  await setNote(db, 'jane', 'Ask about the book', T1);
  await setTag(db, 'sam', 'work', true, T2);
  await db.taxonomy.update('friend', { label: 'Close friend', archived: true });
  await db.taxonomy.add({
    id: 'alumni',
    dimension: 'relationship',
    label: 'Alumni',
    description: '',
    color: '#123456',
    order: 9,
    archived: false,
  });
}

const fileText = async () => JSON.stringify(await exportAll(db, new Date(T3)));

describe('export → import (replace) → export', () => {
  it('gives the same file apart from exportedAt', async () => {
    await seed();
    const first = await fileText();
    const other = freshDB();
    await recordSeen(
      other,
      {
        id: 'stranger',
        url: 'https://www.linkedin.com/in/stranger/',
        name: 'S',
        headline: '',
        company: '',
        location: '',
      },
      T1,
    );
    const report = await importKindred(other, parseKindredFile(first, T3), 'replace');
    expect(report).toMatchObject({ added: 2, updated: 0, removed: 1 });
    const second = JSON.stringify(await exportAll(other, new Date(T3)));
    expect(second).toBe(first);
    other.close();
  });
});

describe('merge', () => {
  it('unites tags, keeps the newer note, reports the conflict and adds new tags and contacts', async () => {
    await seed();
    const text = JSON.stringify({
      format: 'kindred',
      version: 1,
      taxonomy: [{ id: 'book-club', dimension: 'purpose', label: 'Book club' }],
      contacts: [
        {
          id: 'jane',
          purposes: ['growth', 'book-club'],
          relationships: ['peer'],
          note: 'Wrote a book on flex',
          updatedAt: T3,
        },
        { id: 'kim', name: 'Kim', relationships: ['way-shower'], updatedAt: T2 },
      ],
    });
    const report = await importKindred(db, parseKindredFile(text, T3), 'merge');
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 0, tagsAdded: 1 });
    expect(report.conflicts).toEqual([
      { contactId: 'jane', name: 'Jane', kept: 'Wrote a book on flex', discarded: 'Ask about the book' },
    ]);
    expect(await db.contacts.get('jane')).toMatchObject({
      name: 'Jane',
      company: 'Flexa',
      purposes: ['growth', 'book-club'],
      relationships: ['mentor', 'peer'],
      note: 'Wrote a book on flex',
      createdAt: T1,
      updatedAt: T3,
    });
    expect(await db.contacts.get('kim')).toMatchObject({ name: 'Kim', relationships: ['way-shower'], createdAt: T2 });
    // The database's own names for existing tags stay.
    expect(await db.taxonomy.get('friend')).toMatchObject({ label: 'Close friend', archived: true });
  });

  it('merging the same file twice changes nothing the second time', async () => {
    await seed();
    const text = await fileText();
    const data = parseKindredFile(text, T3);
    await importKindred(db, data, 'merge');
    const before = await snapshot(db);
    const report = await importKindred(db, data, 'merge');
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 2, conflicts: [] });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('replace', () => {
  it('keeps the default tags even when the file lists none', async () => {
    await seed();
    await importKindred(db, parseKindredFile('{"format":"kindred","version":1,"contacts":[]}', T3), 'replace');
    expect(await db.contacts.count()).toBe(0);
    expect(await db.taxonomy.get('mentor')).toMatchObject({ label: 'Mentor' });
    expect(await db.taxonomy.get('alumni')).toBeUndefined();
  });

  it('takes control characters out of tag labels (a NUL, a line break), so each shows as text', async () => {
    const file = {
      format: 'kindred',
      version: 1,
      taxonomy: [
        { id: 'alumni', dimension: 'relationship', label: '\u0000Alumni\nof\u0007 Delft', color: '#123456', order: 9 },
      ],
      contacts: [],
    };
    await importKindred(db, parseKindredFile(JSON.stringify(file), T3), 'replace');
    expect(await db.taxonomy.get('alumni')).toMatchObject({ label: 'Alumni of Delft' });
  });

  it('fails as a whole: a write error mid-way leaves the database as it was', async () => {
    await seed();
    const before = await snapshot(db);
    const data = parseKindredFile(await fileText(), T3);
    // A contact the database refuses (no primary key) after the clear has already run.
    data.contacts.push({ ...newContact('x', T1), id: undefined as unknown as string });
    await expect(importKindred(db, data, 'replace')).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('mergeContact', () => {
  it('keeps the URLs the person was known under on both sides, each once, never the contact’s own', () => {
    const base = { ...newContact('a', T1), formerIds: ['old-a', 'older-a'] };
    const { contact } = mergeContact(base, { ...newContact('a', T2), updatedAt: T2, formerIds: ['older-a', 'file-a'] });
    expect(contact.formerIds).toEqual(['file-a', 'old-a', 'older-a']);
    expect(mergeContact(newContact('a', T1), newContact('a', T2)).contact).not.toHaveProperty('formerIds');
  });

  const base: Contact = { ...newContact('a', T1), name: 'A', note: 'old', updatedAt: T1 };
  it('keeps text the newer side lacks', () => {
    const { contact } = mergeContact(base, { ...newContact('a', T2), updatedAt: T2, headline: 'New' });
    expect(contact).toMatchObject({ name: 'A', headline: 'New', note: 'old', updatedAt: T2 });
  });
  it('keeps the member id the database has, and takes one only the file has', () => {
    const kept = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
    const other = 'ACoAAF3kRb7TzQw9XyV2nMp4LsHd8GjCe1UaW6o';
    const newer = { ...base, updatedAt: T2 };
    expect(mergeContact({ ...base, memberId: kept }, { ...newer, memberId: other }).contact.memberId).toBe(kept);
    expect(mergeContact(base, { ...newer, memberId: other }).contact.memberId).toBe(other);
    expect(mergeContact(base, newer).contact).not.toHaveProperty('memberId');
  });
  it('lets the database win when it is newer', () => {
    const { contact, conflict } = mergeContact({ ...base, updatedAt: T3 }, { ...base, note: 'file', updatedAt: T2 });
    expect(contact.note).toBe('old');
    expect(conflict).toMatchObject({ kept: 'old', discarded: 'file' });
  });
});

// Hostile inputs (helper "hostile").
describe('a merge import keeps what the file says about keeping in touch', () => {
  it('unites the touches and adds a rhythm, a snooze and an earlier first tagging only the file has', () => {
    const here = newContact('jane', T1, {
      touches: [{ on: '2026-09-01' }, { on: '2026-09-20', channel: 'email' }],
      firstTaggedAt: T2,
      rhythmDays: 30,
    });
    const file = newContact('jane', T3, {
      touches: [
        { on: '2026-09-10', channel: 'call' },
        { on: '2026-09-20', channel: 'email' },
      ],
      firstTaggedAt: T1,
      rhythmDays: 90,
      snoozedUntil: '2026-12-01',
    });
    const { contact } = mergeContact(here, file);
    expect(contact).toMatchObject({
      touches: [{ on: '2026-09-01' }, { on: '2026-09-10', channel: 'call' }, { on: '2026-09-20', channel: 'email' }],
      firstTaggedAt: T1,
      rhythmDays: 30,
      snoozedUntil: '2026-12-01',
    });
    // Nothing of it on either side: nothing added.
    const plain = mergeContact(newContact('sam', T1), newContact('sam', T2)).contact;
    for (const field of ['touches', 'firstTaggedAt', 'rhythmDays', 'snoozedUntil'])
      expect(plain).not.toHaveProperty(field);
  });
});
