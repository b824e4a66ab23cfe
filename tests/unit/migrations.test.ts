import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, openKindredDB } from '../../lib/storage/db';
import type { Contact } from '../../lib/model/contact';
import { DEFAULT_RHYTHMS, DEFAULT_TAXONOMY, type Tag } from '../../lib/model/taxonomy';

/**
 * Every earlier schema version, filled with data, must open with the current code and keep every
 * contact, tag, note and setting. A new schema version adds its row to SCHEMA_VERSIONS and, when its
 * data differs, its own sample here.
 */
const contacts: Contact[] = [
  {
    id: 'jane-doe',
    url: 'https://www.linkedin.com/in/jane-doe/',
    name: 'Jane Doe',
    headline: 'Flex specialist',
    company: 'Flexa',
    location: 'London',
    purposes: ['growth', 'purpose'],
    relationships: ['mentor'],
    note: 'Met at the flex conference. Ask about the book 📚',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    lastSeenAt: '2026-02-01T10:00:00.000Z',
    // Kept before version 4 indexed it (the field needs no schema), found by the index after.
    memberId: 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i',
  },
  {
    id: 'jürgen-müller',
    url: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/',
    name: 'Jürgen Müller',
    headline: '',
    company: '',
    location: '',
    purposes: [],
    relationships: [],
    note: '',
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    lastSeenAt: '',
  },
];

/**
 * Version 7 (keep in touch): a tagged contact is taken as first tagged when it was created; the default
 * tags that are not archived get their default rhythm (here the archived "friend" gets none).
 */
const keepInTouchUpgrade = (contact: Contact): Contact =>
  contact.purposes.length + contact.relationships.length > 0
    ? { ...contact, firstTaggedAt: contact.createdAt }
    : contact;
const rhythmUpgrade = (tag: Tag): Tag =>
  DEFAULT_RHYTHMS[tag.id] && !tag.archived ? { ...tag, rhythmDays: DEFAULT_RHYTHMS[tag.id] } : tag;

const previousVersions = SCHEMA_VERSIONS.slice(0, -1).map((s) => s.version);
const current = SCHEMA_VERSIONS.at(-1)!.version;

describe('schema migrations', () => {
  it('has a case for every earlier version', () => {
    expect(previousVersions).toEqual(SCHEMA_VERSIONS.map((s) => s.version).filter((v) => v < current));
    expect(previousVersions.length).toBeGreaterThan(0);
  });

  it.each(previousVersions)('a version %i database opens with everything kept', async (version) => {
    const indexedDB = new IDBFactory();
    // Kindred before version 7 had no rhythms on its tags.
    const withoutRhythms = () => DEFAULT_TAXONOMY.map(({ rhythmDays: _, ...tag }) => tag);
    const old = openKindredDB(
      { indexedDB, IDBKeyRange, ...(version < 7 && { defaultTaxonomy: withoutRhythms }) },
      version,
    );
    // Version 7's upgrade runs only on older databases (a version 7 one was written with it).
    const contactUpgrade = version < 7 ? keepInTouchUpgrade : (contact: Contact) => contact;
    await old.contacts.bulkAdd(contacts);
    await old.taxonomy.update('friend', { label: 'Close friend', archived: true });
    await old.taxonomy.add({
      id: 'alumni',
      dimension: 'relationship',
      label: 'Alumni',
      description: '',
      color: '#123456',
      order: 9,
      archived: false,
    });
    await old.settings.put({ key: 'panelCollapsed', value: true });
    const before = {
      contacts: await old.contacts.orderBy('id').toArray(),
      taxonomy: await old.taxonomy.orderBy('id').toArray(),
      settings: await old.settings.orderBy('key').toArray(),
    };
    expect(old.verno).toBe(version);
    old.close();

    const db = openKindredDB({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(current);
    expect(await db.contacts.orderBy('id').toArray()).toEqual(before.contacts.map(contactUpgrade));
    expect(await db.taxonomy.orderBy('id').toArray()).toEqual(before.taxonomy.map(rhythmUpgrade));
    expect(await db.settings.orderBy('key').toArray()).toEqual(before.settings);
    // The indexes of the current version answer for the old data.
    expect(await db.contacts.where('relationships').equals('mentor').primaryKeys()).toEqual(['jane-doe']);
    expect(await db.contacts.where('lastSeenAt').above('').primaryKeys()).toEqual(['jane-doe']);
    expect(await db.contacts.where('company').equals('Flexa').count()).toBe(1);
    expect(await db.contacts.where('memberId').equals('ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i').primaryKeys()).toEqual(
      ['jane-doe'],
    );
    // Version 7 finds the people with a rhythm of their own by index.
    expect(await db.contacts.where('rhythmDays').aboveOrEqual(0).count()).toBe(0);
    expect((await db.taxonomy.get('mentor'))?.rhythmDays).toBe(90);
    expect((await db.taxonomy.get('industry'))?.rhythmDays).toBeUndefined();
    // Version 11 keeps one small keep-in-touch row per contact who may be due (the tagged one here).
    expect(await db.dueRows.toArray()).toEqual([
      {
        id: 'jane-doe',
        name: 'Jane Doe',
        purposes: ['growth', 'purpose'],
        relationships: ['mentor'],
        start: '2026-01-01T10:00:00.000Z',
        ...(version < 7 && { firstTaggedAt: '2026-01-01T10:00:00.000Z' }),
      },
    ]);
    db.close();
  });

  it('version 11 drops the one-row due summary of version 7 and builds the rows', async () => {
    const indexedDB = new IDBFactory();
    const old = openKindredDB({ indexedDB, IDBKeyRange }, 7);
    await old.contacts.bulkAdd(contacts.map(keepInTouchUpgrade));
    await old.contacts.update('jürgen-müller', { touches: [{ on: '2026-01-05', channel: 'call' }], rhythmDays: 0 });
    await old.settings.put({ key: 'dueSummary', value: { 'jane-doe': [[], ['mentor'], '', '', -1, '', 'Jane'] } });
    old.close();

    const db = openKindredDB({ indexedDB, IDBKeyRange });
    expect(await db.settings.get('dueSummary')).toBeUndefined();
    expect((await db.dueRows.toArray()).map((row) => [row.id, row.touchKeys, row.rhythmDays])).toEqual([
      ['jane-doe', undefined, undefined],
      ['jürgen-müller', ['2026-01-05|call'], 0],
    ]);
    db.close();
  });
});

describe('version 10: default tags follow the browser’s language', () => {
  /** The tags as stored, without Kindred's reading (which shows an empty label in the reader's language). */
  const raw = (db: ReturnType<typeof openKindredDB>) =>
    new Promise<Array<{ id: string; label: string; description: string }>>((resolve) => {
      const request = db.backendDB().transaction('taxonomy').objectStore('taxonomy').getAll();
      request.onsuccess = () => resolve(request.result);
    });
  /** Stores a tag's texts as Kindred before version 10 did, past today's write rules. */
  const storeAsBefore = (db: ReturnType<typeof openKindredDB>, id: string, texts: object) =>
    new Promise<void>((resolve, reject) => {
      const store = db.backendDB().transaction('taxonomy', 'readwrite').objectStore('taxonomy');
      const get = store.get(id);
      get.onsuccess = () => {
        const put = store.put({ ...get.result, ...texts });
        put.onsuccess = () => resolve();
        put.onerror = () => reject(put.error);
      };
    });

  it('empties default texts stored in English or Dutch, and keeps renamed ones', async () => {
    const indexedDB = new IDBFactory();
    const before = Math.max(...SCHEMA_VERSIONS.map((s) => s.version).filter((v) => v < 10));
    const old = openKindredDB({ indexedDB, IDBKeyRange }, before);
    await old.open();
    // A database created in Dutch, one created in English, and tags the person renamed.
    await storeAsBefore(old, 'growth', {
      label: 'Veerkracht in mijn loopbaan',
      description: 'Mensen die me energie geven, voeden en uitdagen.',
    });
    await storeAsBefore(old, 'mentor', { label: 'Mentor', description: 'Guides me with experience and advice.' });
    await storeAsBefore(old, 'peer', { label: 'Fellow', description: 'Uit mijn community of practice.' });
    await storeAsBefore(old, 'friend', { label: 'Vriendin', description: 'My own words' });
    expect((await raw(old)).find((t) => t.id === 'growth')?.label).toBe('Veerkracht in mijn loopbaan');
    old.close();

    const db = openKindredDB({ indexedDB, IDBKeyRange });
    await db.open();
    const stored = Object.fromEntries((await raw(db)).map((t) => [t.id, t]));
    expect(stored.growth).toMatchObject({ label: '', description: '' });
    expect(stored.mentor).toMatchObject({ label: '', description: '' });
    expect(stored.peer).toMatchObject({ label: 'Fellow', description: '' });
    expect(stored.friend).toMatchObject({ label: 'Vriendin', description: 'My own words' });
    // An English browser now shows the Dutch-created tags in English; the renamed ones as named.
    expect(await db.taxonomy.get('growth')).toMatchObject({ label: 'Career resilience' });
    expect(await db.taxonomy.get('peer')).toMatchObject({
      label: 'Fellow',
      description: 'In my community of practice.',
    });
    db.close();
  });
});

describe('version 12: an old URL finds the person kept under their new one', () => {
  it('indexes the former ids of contacts kept before', async () => {
    const indexedDB = new IDBFactory();
    const before = Math.max(...SCHEMA_VERSIONS.map((s) => s.version).filter((v) => v < 12));
    const old = openKindredDB({ indexedDB, IDBKeyRange }, before);
    await old.open();
    await old.contacts.bulkPut([{ ...contacts[0]!, formerIds: ['jane-old', 'jane-older'] }, contacts[1]!]);
    old.close();

    const db = openKindredDB({ indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.contacts.where('formerIds').equals('jane-older').primaryKeys()).toEqual(['jane-doe']);
    expect(await db.contacts.where('formerIds').anyOf(['jane-old', 'jürgen-müller']).primaryKeys()).toEqual([
      'jane-doe',
    ]);
    expect(await db.contacts.get('jane-doe')).toMatchObject({
      note: contacts[0]!.note,
      formerIds: ['jane-old', 'jane-older'],
    });
    db.close();
  });
});
