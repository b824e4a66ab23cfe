import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import type { KindredDB } from './db';
import { getContact } from './contact-view';
import { correctField } from './namesakes';
import { mergeSamePersonContacts, undoSamePerson } from './same-person';
import { loadSamePersonPairs } from './same-person-view';
import { exportAll, recordSeen, setNote, setTag } from './store';

const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
const T0 = '2026-10-01T10:00:00.000Z';
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';
const seen = (id: string, memberId?: string) => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: 'Flexa',
  location: 'London',
  ...(memberId && { memberId }),
});
const contacts = async () => (await db.contacts.orderBy('id').toArray()).map((c) => c.id);

let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await recordSeen(db, seen('jane-doe', MEMBER), T0);
  await setTag(db, 'jane-doe', 'mentor', true, T0);
  await setNote(db, 'jane-doe', 'Met at the flex conference.', T0);
});
afterEach(() => db.close());

describe('a person who changed their URL', () => {
  it('is found by the member id under the old URL and moved to the new one, with undo offered', async () => {
    const view = await recordSeen(db, seen('jane-flexa', MEMBER), T1);
    expect(view.contact).toMatchObject({
      id: 'jane-flexa',
      url: 'https://www.linkedin.com/in/jane-flexa/',
      relationships: ['mentor'],
      note: 'Met at the flex conference.',
      createdAt: T0,
      lastSeenAt: T1,
    });
    expect(view.samePersonChange).toEqual({ kind: 'moved', from: 'jane-doe' });
    expect(view).not.toHaveProperty('samePerson');
    expect(await contacts()).toEqual(['jane-flexa']);
    // The export has one contact for her, under the new URL.
    expect((await exportAll(db, new Date(T1))).contacts.map((c) => c.id)).toEqual(['jane-flexa']);
  });

  it('is not moved without a member id, or when the page shows another one', async () => {
    await recordSeen(db, seen('jane-flexa'), T1);
    await recordSeen(db, seen('john-flexa', 'ACoAAC9xYz1AbCdEfGhIjKlMnOpQrStUvWxYz0A'), T1);
    expect(await contacts()).toEqual(['jane-doe', 'jane-flexa', 'john-flexa']);
    expect((await getContact(db, 'jane-doe')).contact).toMatchObject({ relationships: ['mentor'] });
  });

  it('undoing the move puts the old contact back, the new URL as a visit makes it, and keeps them apart', async () => {
    const before = await db.contacts.get('jane-doe');
    await recordSeen(db, seen('jane-flexa', MEMBER), T1);
    const view = await undoSamePerson(db, 'jane-flexa', T2);
    expect(await db.contacts.get('jane-doe')).toEqual(before);
    expect(view.contact).toMatchObject({
      id: 'jane-flexa',
      memberId: MEMBER,
      relationships: [],
      note: '',
      lastSeenAt: T2,
    });
    expect(view).not.toHaveProperty('samePersonChange');
    // Kept apart: neither moved again on the next visit nor offered for merging.
    const again = await recordSeen(db, seen('jane-flexa', MEMBER), T3);
    expect(again).not.toHaveProperty('samePerson');
    expect(await contacts()).toEqual(['jane-doe', 'jane-flexa']);
  });

  it('cannot be undone once the moved contact was changed', async () => {
    await recordSeen(db, seen('jane-flexa', MEMBER), T1);
    await setTag(db, 'jane-flexa', 'peer', true, T2);
    expect((await getContact(db, 'jane-flexa')).samePersonChange).toBeUndefined();
    await expect(undoSamePerson(db, 'jane-flexa', T3)).rejects.toThrow(/can no longer be undone/);
    expect((await getContact(db, 'jane-flexa')).contact?.relationships).toEqual(['mentor', 'peer']);
  });
});

describe('two contacts that are one person', () => {
  /** Both stored before Kindred knew they were one person: the new URL's visit before the member id was read. */
  beforeEach(async () => {
    await recordSeen(db, seen('jane-flexa'), T1);
    await setTag(db, 'jane-flexa', 'peer', true, T1);
    await setNote(db, 'jane-flexa', 'Asked about the book.', T1);
    await recordSeen(db, seen('jane-flexa', MEMBER), T2);
  });

  it('are offered for merging, in both panels', async () => {
    expect((await getContact(db, 'jane-flexa')).samePerson).toEqual({ id: 'jane-doe', name: 'Jane Doe' });
    expect((await getContact(db, 'jane-doe')).samePerson).toEqual({ id: 'jane-flexa', name: 'Jane Doe' });
  });

  it('merge into the one shown: tags, both notes, earliest dates; and the merge can be undone', async () => {
    const before = await db.contacts.orderBy('id').toArray();
    const view = await mergeSamePersonContacts(db, 'jane-flexa', 'jane-doe', T3);
    expect(view.contact).toMatchObject({
      id: 'jane-flexa',
      relationships: ['peer', 'mentor'],
      note: 'Asked about the book.\n\n--- linkedin.com/in/jane-doe ---\nMet at the flex conference.',
      createdAt: T0,
      lastSeenAt: T2,
      updatedAt: T3,
    });
    expect(view).not.toHaveProperty('samePerson');
    expect(view.samePersonChange).toEqual({ kind: 'merged', from: 'jane-doe' });
    expect(await contacts()).toEqual(['jane-flexa']);

    const undone = await undoSamePerson(db, 'jane-flexa', T3);
    const after = await db.contacts.orderBy('id').toArray();
    expect(after).toEqual(before.map((c) => (c.id === 'jane-flexa' ? { ...c, updatedAt: T3 } : c)));
    expect(undone).not.toHaveProperty('samePerson');
  });

  it('keep a correction made on either', async () => {
    await correctField(db, 'jane-doe', 'company', 'Flexa Labs', T2);
    const view = await mergeSamePersonContacts(db, 'jane-flexa', 'jane-doe', T3);
    expect(view.contact).toMatchObject({ company: 'Flexa Labs', pageValues: { company: 'Flexa' } });
  });

  it('are merged only when they carry the same member id', async () => {
    await recordSeen(db, seen('sam-lee', 'ACoAAC9xYz1AbCdEfGhIjKlMnOpQrStUvWxYz0A'), T2);
    const before = await db.contacts.orderBy('id').toArray();
    await expect(mergeSamePersonContacts(db, 'jane-flexa', 'sam-lee', T3)).rejects.toThrow(/not offered/);
    await expect(mergeSamePersonContacts(db, 'jane-flexa', 'nobody', T3)).rejects.toThrow(/not offered/);
    expect(await db.contacts.orderBy('id').toArray()).toEqual(before);
  });
});

describe('a profile opened by its member id (/in/ACoAA…)', () => {
  it('does not take the contact from the person’s own URL, and is offered for merging into it', async () => {
    await recordSeen(db, seen(MEMBER, MEMBER), T1);
    expect(await contacts()).toEqual([MEMBER, 'jane-doe'].sort());
    expect((await getContact(db, MEMBER)).samePerson).toBeUndefined();
    expect((await getContact(db, 'jane-doe')).samePerson).toEqual({ id: MEMBER, name: 'Jane Doe' });
    expect(await loadSamePersonPairs(db)).toEqual([
      { keep: { id: 'jane-doe', name: 'Jane Doe' }, other: { id: MEMBER, name: 'Jane Doe' } },
    ]);
  });
});
