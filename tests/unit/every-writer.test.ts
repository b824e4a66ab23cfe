import { pageTabs } from '../support/fake-client';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactProblems } from '../../lib/formats/contact-record';
import { readKindredFile } from '../../lib/formats/kindred-file';
import type { Contact } from '../../lib/model/contact';
import { handleMessage } from '../../lib/protocol/handler';
import { type KindredDB, openKindredDB } from '../../lib/storage/db';
import { exportAll } from '../../lib/storage/store';
import { freshDB, snapshot } from '../support/db-helpers';

/**
 * Whatever a writer stores, Kindred's own import accepts: for each writer, its most awkward input,
 * then every stored contact passes the one contact schema and the export imports without a problem.
 */

const SELF = { id: 'kindred', origin: 'chrome-extension://kindred/' };
const PAGE = { id: 'kindred', url: 'chrome-extension://kindred/options.html' };
const NOW = new Date('2026-11-22T10:00:00.000Z');

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

const send = async (message: object) => {
  const reply = await handleMessage(db, message, PAGE, SELF, NOW, pageTabs());
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};

/** Every stored contact is a valid record, and the export imports with every contact and no problem. */
async function expectRestorable(database = db) {
  const stored = await database.contacts.toArray();
  for (const contact of stored) expect(contactProblems(contact), contact.id).toEqual([]);
  const file = readKindredFile(JSON.stringify(await exportAll(database, NOW)), NOW.toISOString());
  expect(file.invalid).toEqual([]);
  expect(file.contacts).toHaveLength(stored.length);
}

const csv = (...rows: string[][]) =>
  [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows.map((row) => row.map((cell) => `"${cell}"`).join(',')),
  ].join('\n');

describe('what each writer stores, the import accepts', () => {
  it('recordSeen: texts at their limits, a country URL with a query, a member id', async () => {
    await send({
      type: 'recordSeen',
      profile: {
        id: 'jane-doe',
        url: 'https://nl.linkedin.com/in/Jane-Doe/?trk=feed',
        name: 'n'.repeat(200),
        headline: 'h'.repeat(500),
        company: 'c'.repeat(200),
        location: 'l'.repeat(200),
      },
    });
    const urn = 'ACoAAB1234567890abcdefghijklmnopqrstu';
    await send({
      type: 'recordSeen',
      profile: {
        id: urn,
        url: `https://www.linkedin.com/in/${urn}`,
        name: 'X',
        headline: '',
        company: '',
        location: '',
      },
    });
    expect(await db.contacts.get('jane-doe')).toMatchObject({ url: 'https://www.linkedin.com/in/jane-doe/' });
    await expectRestorable();
  });

  it('importConnections: empty, localized and unreadable dates, over-long texts, names only, duplicates', async () => {
    const report = await send({
      type: 'importConnections',
      text: csv(
        ['Ann', 'Empty', 'https://www.linkedin.com/in/ann/', '', 'Acme', 'CEO', ''],
        ['Bo', 'Dutch', 'https://www.linkedin.com/in/bo/', '', 'Acme', 'CTO', '09 okt 2024'],
        ['Cy', 'Odd', 'https://www.linkedin.com/in/cy/', '', 'C'.repeat(300), 'H'.repeat(800), 'gisteren'],
        ['L'.repeat(400), 'Long', '', '', '', '', '1/8/18, 6:14 PM'],
        ['L'.repeat(400), 'Long', '', '', '', '', ''],
        ['Dee', 'Twice', 'https://www.linkedin.com/in/dee/', '', '', '', '09 Oct 2024'],
        ['Dee', 'Twice', 'https://www.linkedin.com/in/dee/', '', '', '', 'not a date'],
      ),
    });
    expect(report).toMatchObject({ added: 6, unreadableDates: 2 });
    expect(await db.contacts.get('ann')).not.toHaveProperty('connectedOn');
    expect(await db.contacts.get('bo')).toMatchObject({ connectedOn: '2024-10-09' });
    expect(await db.contacts.get('cy')).toMatchObject({ connectedOnText: 'gisteren' });
    // A read date is never replaced by an unreadable one.
    expect(await db.contacts.get('dee')).toMatchObject({ connectedOn: '2024-10-09' });
    expect(await db.contacts.get('dee')).not.toHaveProperty('connectedOnText');
    await expectRestorable();
  });

  it('setTag, setNote and bulkSetTag: a name-only contact of a 400-character name can be tagged', async () => {
    await send({ type: 'importConnections', text: csv(['L'.repeat(400), '', '', '', '', '', '']) });
    const [id] = (await db.contacts.toCollection().primaryKeys()) as string[];
    expect(id!.length).toBeLessThanOrEqual(250);
    await send({ type: 'setTag', contactId: id, tagId: 'mentor', on: true });
    await send({ type: 'setNote', contactId: id, note: 'n'.repeat(10_000) });
    await send({ type: 'bulkSetTag', contactIds: [id], tagId: 'growth', on: true });
    expect(await db.contacts.get(id!)).toMatchObject({ purposes: ['growth'], relationships: ['mentor'] });
    await expectRestorable();
  });

  it('importKindred merge: a version 1 file written by Kindred 1 after a Connections.csv import', async () => {
    await send({ type: 'addTag', dimension: 'relationship', label: 'Coach', description: '', color: '#123456' });
    const file = {
      format: 'kindred',
      version: 1,
      taxonomy: [{ id: 'coach', dimension: 'purpose', label: 'Coach' }],
      contacts: [
        { id: 'ann', connectedOn: '', source: 'linkedin-connections', purposes: ['coach'] },
        { id: 'bo', connectedOn: '09 okt 2024', headline: 'h'.repeat(700), source: 'linkedin-connections' },
        { id: 'cy', connectedOn: 'gisteren', company: 'c'.repeat(300), source: 'linkedin-connections' },
        { id: `name:${'l'.repeat(300)}`, source: 'linkedin-connections' },
      ],
    };
    const report = await send({ type: 'importKindred', text: JSON.stringify(file), mode: 'merge' });
    expect(report).toMatchObject({ outcome: 'imported', added: 4, tagsRenamed: [{ from: 'coach', to: 'coach-2' }] });
    expect(await db.contacts.get('ann')).toMatchObject({ purposes: ['coach-2'] });
    expect(await db.contacts.get('bo')).toMatchObject({ connectedOn: '2024-10-09' });
    expect(await db.contacts.get('cy')).toMatchObject({ connectedOnText: 'gisteren' });
    await expectRestorable();
  });

  it('the database upgrade repairs what Kindred 1 stored', async () => {
    const indexedDB = new IDBFactory();
    // The last version before version 4, which repairs what Kindred 1 stored.
    const previous = 3;
    const old = openKindredDB({ indexedDB, IDBKeyRange }, previous);
    const base = { name: 'X', headline: '', company: '', location: '', note: '', lastSeenAt: '' };
    const times = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const broken: Contact[] = [
      {
        ...base,
        ...times,
        id: 'ann',
        url: 'https://nl.linkedin.com/in/ann/?x',
        purposes: ['mentor'],
        relationships: [],
      },
      {
        ...base,
        ...times,
        id: 'bo',
        url: '',
        headline: 'h'.repeat(600),
        purposes: [],
        relationships: [],
        connectedOn: '',
      },
      { ...base, ...times, id: 'cy', url: '', purposes: [], relationships: [], connectedOn: '09 Okt. 2024' },
      { ...base, ...times, id: `name:${'l'.repeat(300)}`, url: '', purposes: [], relationships: ['mentor'] },
    ];
    await old.contacts.bulkAdd(broken);
    old.close();
    const upgraded = openKindredDB({ indexedDB, IDBKeyRange });
    try {
      expect(await upgraded.contacts.get('ann')).toMatchObject({
        url: 'https://www.linkedin.com/in/ann/',
        purposes: [],
        relationships: ['mentor'],
      });
      expect((await upgraded.contacts.get('bo'))!.headline).toHaveLength(500);
      expect(await upgraded.contacts.get('cy')).toMatchObject({ connectedOn: '2024-10-09' });
      const ids = (await upgraded.contacts.toCollection().primaryKeys()) as string[];
      expect(ids.every((id) => id.length <= 250)).toBe(true);
      expect(ids).toHaveLength(4);
      await expectRestorable(upgraded);
    } finally {
      upgraded.close();
    }
  });

  it('any other write of an invalid contact is refused, and nothing of its transaction is stored', async () => {
    await send({ type: 'setNote', contactId: 'ann', note: 'kept' });
    const before = await snapshot(db);
    const bad = { ...(await db.contacts.get('ann'))!, connectedOn: '' };
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.put({ ...bad, id: 'bo', url: 'https://www.linkedin.com/in/bo/', connectedOn: '2024-10-09' });
        await db.contacts.put(bad);
      }),
    ).rejects.toThrow('connectedOn: must be a date like 2024-10-09');
    expect(await snapshot(db)).toEqual(before);
  });
});
