import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import type { KindredDB } from './db';
import { getContact } from './contact-view';
import { currentContactId } from './former-ids';
import { listTags } from './list-tags';
import { mergeSamePersonContacts, undoSamePerson } from './same-person';
import { recordSeen, setNote, setTag } from './store';

const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
const SOMEONE_ELSE = 'ACoAAC9xYz1AbCdEfGhIjKlMnOpQrStUvWxYz0A';
const T0 = '2026-10-01T10:00:00.000Z';
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const seen = (id: string, memberId?: string, name = 'Jane Doe') => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name,
  headline: 'Flex specialist',
  company: 'Flexa',
  location: 'London',
  ...(memberId && { memberId }),
});
const ids = async () => (await db.contacts.orderBy('id').toArray()).map((c) => c.id);

let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await recordSeen(db, seen('jane-doe', MEMBER), T0);
  await setTag(db, 'jane-doe', 'mentor', true, T0);
  await setNote(db, 'jane-doe', 'Met at the flex conference.', T0);
  // She changed her URL: the panel on the new one moves her there.
  await recordSeen(db, seen('jane-flexa', MEMBER), T1);
});
afterEach(() => db.close());

describe('an old URL of a person who changed theirs', () => {
  it('is kept with the contact when it moves, and found by the former-ids index', async () => {
    expect((await db.contacts.get('jane-flexa'))?.formerIds).toEqual(['jane-doe']);
    expect(await db.contacts.where('formerIds').equals('jane-doe').primaryKeys()).toEqual(['jane-flexa']);
    expect(await currentContactId(db, 'jane-doe')).toBe('jane-flexa');
    expect(await currentContactId(db, 'nobody')).toBe('nobody');
  });

  it('opened without a member id (a bookmark, a logged-out page) shows the person, and stores no second contact', async () => {
    const view = await recordSeen(db, seen('jane-doe', undefined, 'Someone Else'), T2);
    expect(view.contact).toMatchObject({ id: 'jane-flexa', name: 'Jane Doe', relationships: ['mentor'] });
    expect(view.knownAs).toBe('jane-flexa');
    expect(await ids()).toEqual(['jane-flexa']);
    // The visit is recorded; what an unconfirmed page showed is not taken.
    expect(await db.contacts.get('jane-flexa')).toMatchObject({ lastSeenAt: T2, name: 'Jane Doe', updatedAt: T1 });
    expect((await getContact(db, 'jane-doe')).contact?.note).toBe('Met at the flex conference.');
  });

  it('opened with her own member id is her, and takes what the page shows', async () => {
    const view = await recordSeen(db, { ...seen('jane-doe', MEMBER), headline: 'Flex lead' }, T2);
    expect(view.knownAs).toBe('jane-flexa');
    expect(await ids()).toEqual(['jane-flexa']);
    expect(await db.contacts.get('jane-flexa')).toMatchObject({
      url: 'https://www.linkedin.com/in/jane-flexa/',
      headline: 'Flex lead',
      lastSeenAt: T2,
    });
  });

  it('showing another member id belongs to someone else now: a new contact, and the old URL no longer finds her', async () => {
    const view = await recordSeen(db, seen('jane-doe', SOMEONE_ELSE, 'John Roe'), T2);
    expect(view.contact).toMatchObject({ id: 'jane-doe', name: 'John Roe', relationships: [] });
    expect(view).not.toHaveProperty('knownAs');
    expect(await ids()).toEqual(['jane-doe', 'jane-flexa']);
    expect((await db.contacts.get('jane-flexa'))?.formerIds).toBeUndefined();
    expect((await db.contacts.get('jane-flexa'))?.relationships).toEqual(['mentor']);
  });

  it('read by a page that shows another member id (not recorded, e.g. a private window) is not her', async () => {
    const view = await getContact(db, 'jane-doe', SOMEONE_ELSE);
    expect(view.contact).toBeNull();
    expect((await getContact(db, 'jane-doe', MEMBER)).contact?.id).toBe('jane-flexa');
  });

  it('is forgotten again when the move is undone', async () => {
    await undoSamePerson(db, 'jane-flexa', T2);
    expect(await ids()).toEqual(['jane-doe', 'jane-flexa']);
    expect((await db.contacts.get('jane-doe'))?.formerIds).toBeUndefined();
    expect((await db.contacts.get('jane-flexa'))?.formerIds).toBeUndefined();
    expect((await getContact(db, 'jane-doe')).contact).toMatchObject({ id: 'jane-doe', relationships: ['mentor'] });
  });

  it('shows her badge on a list card that links to it, in the same batch as the others', async () => {
    await recordSeen(db, seen('john-roe', SOMEONE_ELSE, 'John Roe'), T2);
    await setTag(db, 'john-roe', 'friend', true, T2);
    const badges = await listTags(db, ['jane-doe', 'john-roe', 'nobody']);
    expect(Object.keys(badges).sort()).toEqual(['jane-doe', 'john-roe']);
    expect(badges['jane-doe']!.map((t) => t.label)).toEqual(['Mentor']);
  });

  it('that two contacts were known under finds neither (never a guess)', async () => {
    const other = await db.contacts.get('jane-flexa');
    await db.contacts.add({
      ...other!,
      id: 'jane-x',
      url: 'https://www.linkedin.com/in/jane-x/',
      memberId: SOMEONE_ELSE,
    });
    expect((await getContact(db, 'jane-doe')).contact).toBeNull();
    expect(await listTags(db, ['jane-doe'])).toEqual({});
  });
});

describe('a merge of two contacts of one member', () => {
  it('records the merged-away URL, and undoing the merge forgets it', async () => {
    // Both kept before Kindred read member ids: the panel offers merging.
    await db.contacts.add({
      ...(await db.contacts.get('jane-flexa'))!,
      id: 'jane-d',
      url: 'https://www.linkedin.com/in/jane-d/',
      formerIds: ['jd-old'],
      relationships: ['friend'],
    });
    await mergeSamePersonContacts(db, 'jane-flexa', 'jane-d', T2);
    expect((await db.contacts.get('jane-flexa'))?.formerIds).toEqual(['jd-old', 'jane-doe', 'jane-d']);
    expect((await getContact(db, 'jane-d')).knownAs).toBe('jane-flexa');
    await undoSamePerson(db, 'jane-flexa', T2);
    expect((await db.contacts.get('jane-flexa'))?.formerIds).toEqual(['jane-doe']);
    expect((await getContact(db, 'jane-d')).contact?.id).toBe('jane-d');
  });
});
