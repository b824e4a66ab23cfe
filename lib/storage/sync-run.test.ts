import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import type { SyncItems } from '../model/sync-encode';
import type { KindredDB } from './db';
import { importKindred } from './import-kindred';
import { setNote, setTag } from './store';
import { SYNC_SETTINGS } from './sync-clocks';
import { type SyncArea, syncRound, wipeEverywhere } from './sync-run';
import { getSyncStatus, setSyncEnabled } from './sync-store';

/** storage.sync as the browser's sync keeps it: one shared map, each item the last one written. */
function sharedArea(limitBytes = 102_400) {
  const items: SyncItems = {};
  let writes = 0;
  const area: SyncArea = {
    get: async () => JSON.parse(JSON.stringify(items)) as SyncItems,
    async set(changed) {
      const next = { ...items, ...changed };
      const bytes = Object.entries(next).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
      if (bytes > limitBytes) throw new Error('QUOTA_BYTES quota exceeded');
      Object.assign(items, JSON.parse(JSON.stringify(changed)));
      writes++;
    },
    async remove(keys) {
      for (const key of keys) delete items[key];
    },
  };
  return { area, items, writes: () => writes };
}

let a: KindredDB;
let b: KindredDB;
const ISO = () => new Date().toISOString();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 10, 27, 10));
  a = freshDB();
  b = freshDB();
  for (const [db, node] of [
    [a, 'aaaa'],
    [b, 'bbbb'],
  ] as const) {
    await db.settings.put({ key: SYNC_SETTINGS.node, value: node });
    await setSyncEnabled(db, true);
  }
});
afterEach(() => {
  a.close();
  b.close();
  vi.useRealTimers();
});

describe('a sync round', () => {
  it('writes nothing over another browser’s items that arrived while it merged, and merges them next', async () => {
    const { area, items } = sharedArea();
    await setTag(b, 'sam', 'peer', true, ISO());
    await syncRound(b, area);
    const fromB = JSON.parse(JSON.stringify(items)) as SyncItems;
    for (const key of Object.keys(items)) delete items[key];
    await setTag(a, 'jane', 'work', true, ISO());
    // B's items reach this browser after the round's first read, before its write.
    let reads = 0;
    const late: SyncArea = {
      ...area,
      get: async () => {
        if (++reads === 2) Object.assign(items, fromB);
        return area.get();
      },
    };
    expect((await syncRound(a, late))?.written).toBe(0);
    expect(items).toEqual(fromB);
    // The arrival starts the next round: it merges B's items and writes both.
    await syncRound(a, area);
    expect(await a.contacts.get('sam')).toMatchObject({ relationships: ['peer'] });
    await syncRound(b, area);
    expect(await b.contacts.get('jane')).toMatchObject({ purposes: ['work'] });
  });

  it('carries edits both ways through the shared items and then stops writing', async () => {
    const { area, writes } = sharedArea();
    await setTag(a, 'jane', 'work', true, ISO());
    await setTag(b, 'jane', 'peer', true, ISO());
    await syncRound(a, area);
    const round = await syncRound(b, area);
    expect(round?.merged).toMatchObject({ contacts: 1, fields: ['tags'] });
    await syncRound(a, area);
    expect((await a.contacts.get('jane'))?.purposes).toEqual(['work']);
    expect((await a.contacts.get('jane'))?.relationships).toEqual(['peer']);
    const before = writes();
    await syncRound(a, area);
    await syncRound(b, area);
    expect(writes()).toBe(before);
    const status = await getSyncStatus(b);
    expect(status).toMatchObject({ enabled: true, quotaBytes: 102_400, contactsLeft: 0, notesLeft: 0 });
    expect(status.bytesUsed).toBeGreaterThan(0);
  });

  it('keeps working when the quota is full: local data untouched, the error and what stays here shown', async () => {
    const { area } = sharedArea(500);
    await setTag(a, 'jane', 'work', true, ISO());
    await setNote(a, 'jane', 'A long note. '.repeat(50), ISO());
    await syncRound(a, area);
    const status = await getSyncStatus(a);
    expect(status.error).toMatch(/quota/i);
    expect(status.lastSyncAt).toBeUndefined();
    expect(status.notesLeft).toBe(0);
    expect((await a.contacts.get('jane'))?.note).toMatch(/long note/);
    await setTag(a, 'jane', 'peer', true, ISO());
    expect((await a.contacts.get('jane'))?.relationships).toEqual(['peer']);
  });

  it('writes nothing while sync is off', async () => {
    const { area, items } = sharedArea();
    await setSyncEnabled(a, false);
    await setTag(a, 'jane', 'work', true, ISO());
    expect(await syncRound(a, area)).toBeNull();
    expect(items).toEqual({});
  });

  it('a replace-import for every browser replaces what the others had', async () => {
    const { area } = sharedArea();
    await setTag(b, 'old', 'work', true, ISO());
    await syncRound(b, area);
    await syncRound(a, area);
    expect(await a.contacts.get('old')).toBeDefined();
    vi.setSystemTime(Date.UTC(2026, 10, 27, 11));
    await importKindred(
      a,
      {
        taxonomy: [],
        contacts: [
          {
            id: 'new-person',
            url: 'https://www.linkedin.com/in/new-person/',
            name: 'New',
            headline: '',
            company: '',
            location: '',
            purposes: ['growth'],
            relationships: [],
            note: '',
            createdAt: ISO(),
            updatedAt: ISO(),
            lastSeenAt: '',
          },
        ],
      },
      'replace',
    );
    await wipeEverywhere(a);
    await syncRound(a, area);
    await syncRound(b, area);
    expect(await b.contacts.get('old')).toBeUndefined();
    expect((await b.contacts.get('new-person'))?.purposes).toEqual(['growth']);
    expect((await getSyncStatus(b)).lastMerge?.wiped).toBe(true);
  });
});

describe('two browsers that hold different amounts', () => {
  it('leave an item alone that holds more than they can take (a tag not known here), instead of overwriting it back and forth', async () => {
    const { area, items, writes } = sharedArea();
    await setTag(a, 'jane', 'work', true, ISO());
    await syncRound(a, area);
    // Another browser's item: Jane also has a tag this browser does not know (its taxonomy did not fit).
    const bucket = Object.entries(items).find(
      ([key, value]) => key.startsWith('c') && JSON.stringify(value).includes('jane'),
    )!;
    const edited = JSON.parse(JSON.stringify(bucket[1])) as { k: { t: string[] }; r: Array<[string, { t: string[] }]> };
    edited.k.t.push('unknown-tag');
    const entry = edited.r.find(([id]) => id === 'jane')![1];
    entry.t = ['3', '', entry.t[2]!, entry.t[2]!];
    await area.set({ [bucket[0]]: edited });
    const before = writes();
    await syncRound(b, area);
    await syncRound(a, area);
    await syncRound(b, area);
    expect(writes()).toBe(before);
    expect(items[bucket[0]]).toEqual(edited);
    expect((await b.contacts.get('jane'))?.purposes).toEqual(['work']);
  });
});
