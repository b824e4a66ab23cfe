import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { decodeItems, encodeState } from '../model/sync-encode';
import type { KindredDB } from './db';
import { importConnections } from './import-connections';
import { parseConnectionsCsv } from '../formats/connections-csv';
import { correctField } from './namesakes';
import { deleteContact, recordSeen, setNote, setTag } from './store';
import { SYNC_SETTINGS } from './sync-clocks';
import { applyRemoteState, deleteAllSynced, getSyncStatus, readSyncState, setSyncEnabled } from './sync-store';
import { addTag, updateTag } from './taxonomy-store';

const ISO = () => new Date().toISOString();
let a: KindredDB;
let b: KindredDB;
let clock = Date.UTC(2026, 10, 27, 10);

/** Both browsers' time moves on by a few seconds. */
function later(seconds = 5) {
  clock += seconds * 1000;
  vi.setSystemTime(clock);
}

async function syncOn(db: KindredDB, node: string) {
  await db.settings.put({ key: SYNC_SETTINGS.node, value: node });
  await setSyncEnabled(db, true);
}

/** What `from` would write into storage.sync, read by `to` and merged in. */
async function carry(from: KindredDB, to: KindredDB) {
  const { items } = encodeState(await readSyncState(from));
  return applyRemoteState(to, decodeItems(JSON.parse(JSON.stringify(items)) as Record<string, unknown>));
}

const tagsOf = async (db: KindredDB, id: string) => {
  const contact = await db.contacts.get(id);
  return contact ? [...contact.purposes, ...contact.relationships].sort() : undefined;
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(clock);
  a = freshDB();
  b = freshDB();
  await syncOn(a, 'aaaa');
  await syncOn(b, 'bbbb');
});
afterEach(() => {
  a.close();
  b.close();
  vi.useRealTimers();
});

describe('sync in the database', () => {
  it('records no clocks while sync is off', async () => {
    await setSyncEnabled(a, false);
    await setTag(a, 'jane', 'work', true, ISO());
    expect(await a.syncClocks.count()).toBe(0);
    expect((await getSyncStatus(a)).enabled).toBe(false);
  });

  it('brings a tag made in one browser to the other, and keeps tags made in both', async () => {
    await setTag(a, 'jane', 'work', true, ISO());
    await setTag(b, 'jane', 'peer', true, ISO());
    later();
    const toB = await carry(a, b);
    await carry(b, a);
    expect(await tagsOf(a, 'jane')).toEqual(['peer', 'work']);
    expect(await tagsOf(b, 'jane')).toEqual(['peer', 'work']);
    expect(toB).toMatchObject({ contacts: 1, fields: ['tags'], wiped: false });
  });

  it('never lets an older remote edit overwrite a newer local one', async () => {
    await setTag(a, 'jane', 'work', true, ISO());
    await setNote(a, 'jane', 'from A', ISO());
    await carry(a, b);
    later();
    await setNote(b, 'jane', 'newer, from B', ISO());
    await carry(a, b); // A's older state arrives again
    expect((await b.contacts.get('jane'))?.note).toBe('newer, from B');
    await carry(b, a);
    expect((await a.contacts.get('jane'))?.note).toBe('newer, from B');
  });

  it('takes a tag off everywhere, and carries names and corrections', async () => {
    await recordSeen(
      a,
      { id: 'jane', url: '', name: 'Jane Doe', headline: 'Flex', company: 'Flexa', location: '' },
      ISO(),
    );
    await setTag(a, 'jane', 'work', true, ISO());
    await correctField(a, 'jane', 'company', 'Flexa BV', ISO());
    await carry(a, b);
    expect(await b.contacts.get('jane')).toMatchObject({
      name: 'Jane Doe',
      company: 'Flexa BV',
      pageValues: { company: '' },
    });
    later();
    await setTag(b, 'jane', 'work', false, ISO());
    await carry(b, a);
    expect(await tagsOf(a, 'jane')).toEqual([]);
    // A's own page value stays: only the correction came over.
    expect(await a.contacts.get('jane')).toMatchObject({ company: 'Flexa BV', pageValues: { company: 'Flexa' } });
  });

  it('deletes a contact everywhere, unless it was tagged again after the deletion', async () => {
    await setTag(a, 'jane', 'work', true, ISO());
    await setTag(a, 'bram', 'work', true, ISO());
    await carry(a, b);
    later();
    await deleteContact(a, 'jane');
    await deleteContact(a, 'bram');
    later();
    await setTag(b, 'bram', 'peer', true, ISO());
    const toB = await carry(a, b);
    expect(await b.contacts.get('jane')).toBeUndefined();
    expect(await tagsOf(b, 'bram')).toEqual(['peer']);
    expect(toB.removed).toBe(2);
    await carry(b, a);
    expect(await tagsOf(a, 'bram')).toEqual(['peer']);
    expect(await a.contacts.get('jane')).toBeUndefined();
  });

  it('syncs new tags, renames and rhythms of the taxonomy before the contacts that use them', async () => {
    const tag = await addTag(a, { dimension: 'purpose', label: 'Book club', description: '', color: '#123456' });
    await updateTag(a, 'work', { label: 'Day job' });
    await setTag(a, 'jane', tag.id, true, ISO());
    const toB = await carry(a, b);
    expect(await b.taxonomy.get(tag.id)).toMatchObject({ label: 'Book club', dimension: 'purpose', color: '#123456' });
    expect((await b.taxonomy.get('work'))?.label).toBe('Day job');
    expect(await tagsOf(b, 'jane')).toEqual([tag.id]);
    expect(toB.tags).toBe(2);
  });

  it('never sends untagged contacts from a Connections.csv', async () => {
    const csv = parseConnectionsCsv(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann-lee,,Acme,CEO,09 Oct 2024\n',
    );
    await importConnections(a, csv.rows, csv.skipped, ISO());
    expect(await a.contacts.count()).toBe(1);
    await setTag(a, 'jane', 'work', true, ISO());
    expect(Object.keys((await readSyncState(a)).contacts)).toEqual(['jane']);
  });

  it('clears every browser when asked to, and keeps sync on', async () => {
    await setTag(a, 'jane', 'work', true, ISO());
    await carry(a, b);
    later();
    await deleteAllSynced(a, true);
    const toB = await carry(a, b);
    expect(toB.wiped).toBe(true);
    expect(await b.contacts.count()).toBe(0);
    expect((await getSyncStatus(b)).enabled).toBe(true);
    later();
    await setTag(b, 'bram', 'work', true, ISO());
    await carry(b, a);
    expect(await tagsOf(a, 'bram')).toEqual(['work']);
  });

  it('clearing only this browser turns sync off here', async () => {
    await setTag(a, 'jane', 'work', true, ISO());
    await deleteAllSynced(a, false);
    expect((await getSyncStatus(a)).enabled).toBe(false);
    expect(await a.contacts.count()).toBe(0);
  });
});

describe('schema version 9', () => {
  it('adds the empty clock table to an older database, sync off, the data kept', async () => {
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
    const { openKindredDB } = await import('./db');
    const indexedDB = new IDBFactory();
    const old = openKindredDB({ indexedDB, IDBKeyRange }, 6);
    await setTag(old as KindredDB, 'jane', 'work', true, ISO());
    old.close();
    const db = openKindredDB({ indexedDB, IDBKeyRange });
    try {
      expect(await db.syncClocks.count()).toBe(0);
      expect(db.verno).toBeGreaterThanOrEqual(9);
      expect((await getSyncStatus(db)).enabled).toBe(false);
      expect(await tagsOf(db, 'jane')).toEqual(['work']);
    } finally {
      db.close();
    }
  });
});
