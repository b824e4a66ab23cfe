import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientOnDatabase } from '../../tests/support/fake-client';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { type KindredDB, openKindredDB } from './db';
import { importKindredFile } from './import-stream';
import { importKindred } from './import-kindred';
import { parseKindredFile } from '../formats/kindred-file';
import { BALANCE_SNAPSHOTS, loadPurposeStatement, loadSnapshots, loadWeeklyWork } from './network-review';
import { deleteAll, exportAll, setTag } from './store';
import { restoreSnapshot } from './snapshot';

const T1 = '2026-08-03T10:00:00.000Z';

let db: KindredDB;
let idb: IDBFactory;
beforeEach(() => {
  idb = new IDBFactory();
  db = openKindredDB({ indexedDB: idb, IDBKeyRange });
});
afterEach(() => db.close());

describe('the network review’s data', () => {
  it('keeps the purpose statement, trimmed, and refuses one over the limit', async () => {
    const client = clientOnDatabase(db);
    await client.setPurposeStatement({ text: '  A future of work that is more equitable.  ' });
    expect(await loadPurposeStatement(db)).toBe('A future of work that is more equitable.');
    await expect(client.setPurposeStatement({ text: 'x'.repeat(501) })).rejects.toThrow(/at most 500 characters/);
    expect(await loadPurposeStatement(db)).toBe('A future of work that is more equitable.');
    await client.setPurposeStatement({ text: '' });
    expect(await loadPurposeStatement(db)).toBe('');
  });

  it('takes one balance snapshot per month, whatever changes later in the month', async () => {
    let now = new Date(2026, 7, 3, 10);
    const client = clientOnDatabase(db, { now: () => now });
    // Nothing tagged yet: no balance to note.
    expect(await client.recordBalanceSnapshot({})).toEqual({ taken: false });
    await setTag(db, 'jane', 'work', true, T1);
    expect(await client.recordBalanceSnapshot({})).toEqual({ taken: true });
    await setTag(db, 'sam', 'growth', true, T1);
    expect(await client.recordBalanceSnapshot({})).toEqual({ taken: false });
    now = new Date(2026, 8, 1, 9);
    expect(await client.recordBalanceSnapshot({})).toEqual({ taken: true });
    const rows = await loadSnapshots(db);
    expect(rows.map(({ month, tagged, work, growth }) => ({ month, tagged, work, growth }))).toEqual([
      { month: '2026-08', tagged: 1, work: 1, growth: 0 },
      { month: '2026-09', tagged: 2, work: 1, growth: 1 },
    ]);
  });

  it('marks a contact reviewed and refuses an unknown one', async () => {
    const client = clientOnDatabase(db, { now: () => new Date(T1) });
    await setTag(db, 'jane', 'work', true, T1);
    await client.markReviewed({ contactId: 'jane' });
    expect((await db.contacts.get('jane'))?.reviewedAt).toBe(T1);
    await expect(client.markReviewed({ contactId: 'nobody' })).rejects.toThrow('Unknown contact "nobody".');
  });

  it('exports purpose, snapshots and reviewedAt, and a replace-import restores them', async () => {
    const client = clientOnDatabase(db, { now: () => new Date(2026, 7, 3, 10) });
    await setTag(db, 'jane', 'purpose', true, T1);
    await client.markReviewed({ contactId: 'jane' });
    await client.setPurposeStatement({ text: 'Equitable work' });
    await client.recordBalanceSnapshot({});
    const file = await exportAll(db, new Date(T1));
    expect(file.purposeStatement).toBe('Equitable work');
    expect(file.snapshots?.map((s) => s.month)).toEqual(['2026-08']);
    expect(file.contacts[0]?.reviewedAt).toBeTruthy();
    // The head's fields come before the contacts (the export streams the contacts last).
    expect(Object.keys(file).at(-1)).toBe('contacts');

    await deleteAll(db, T1);
    expect(await loadPurposeStatement(db)).toBe('');
    expect(await loadSnapshots(db)).toEqual([]);
    const report = await importKindredFile(db, JSON.stringify(file), 'replace', false, T1);
    expect(report.outcome).toBe('imported');
    expect(await loadPurposeStatement(db)).toBe('Equitable work');
    expect((await loadSnapshots(db)).map((s) => s.month)).toEqual(['2026-08']);
    expect((await db.contacts.get('jane'))?.reviewedAt).toBe(file.contacts[0]?.reviewedAt);
    // The safety net puts back what the replace-import replaced: no purpose, no snapshots.
    await restoreSnapshot(db);
    expect(await loadPurposeStatement(db)).toBe('');
  });

  it('the whole-file import (parseKindredFile, importKindred) restores them too', async () => {
    const client = clientOnDatabase(db, { now: () => new Date(2026, 7, 3, 10) });
    await setTag(db, 'jane', 'purpose', true, T1);
    await client.setPurposeStatement({ text: 'Equitable work' });
    await client.recordBalanceSnapshot({});
    const text = JSON.stringify(await exportAll(db, new Date(T1)));
    await deleteAll(db, T1);
    await importKindred(db, parseKindredFile(text, T1), 'replace');
    expect(await loadPurposeStatement(db)).toBe('Equitable work');
    expect((await loadSnapshots(db)).map((s) => s.month)).toEqual(['2026-08']);
  });

  it('merges: a written purpose stays, the file’s months are added', async () => {
    const client = clientOnDatabase(db, { now: () => new Date(2026, 8, 3, 10) });
    await client.setPurposeStatement({ text: 'Mine' });
    await setTag(db, 'jane', 'work', true, T1);
    await client.recordBalanceSnapshot({});
    const file = {
      format: 'kindred',
      version: 2,
      purposeStatement: 'Theirs',
      snapshots: [{ month: '2026-08', known: 1, tagged: 1, work: 0, growth: 1, both: 0, tags: { growth: 1 } }],
      contacts: [],
    };
    await importKindredFile(db, JSON.stringify(file), 'merge', false, T1);
    expect(await loadPurposeStatement(db)).toBe('Mine');
    expect((await loadSnapshots(db)).map((s) => [s.month, s.growth])).toEqual([
      ['2026-08', 1],
      ['2026-09', 0],
    ]);
  });

  it('refuses a file whose purpose or snapshots are malformed, changing nothing', async () => {
    const bad = (extra: object) =>
      importKindredFile(
        db,
        JSON.stringify({ format: 'kindred', version: 2, ...extra, contacts: [] }),
        'replace',
        false,
        T1,
      );
    await expect(bad({ purposeStatement: 'x'.repeat(501) })).rejects.toThrow(/purposeStatement: must be at most 500/);
    await expect(
      bad({ snapshots: [{ month: '2026-13', known: 0, tagged: 0, work: 0, growth: 0, both: 0, tags: {} }] }),
    ).rejects.toThrow(/snapshots\[0\]\.month: must be a month/);
    expect(await db.settings.get(BALANCE_SNAPSHOTS)).toBeUndefined();
  });

  it('counts this week’s first tags and touches when contacts carry them', async () => {
    const now = new Date(2026, 10, 27, 12);
    await setTag(db, 'jane', 'work', true, T1);
    expect(await loadWeeklyWork(db, now)).toEqual({ tagged: 0, touches: 0 });
    // `firstTaggedAt` and `touches` are written by the keep-in-touch feature; a database without the
    // contact guard (as the migration test opens one) stores them here.
    db.close();
    db = openKindredDB({ indexedDB: idb, IDBKeyRange }, 1000);
    await db.contacts.update('jane', {
      firstTaggedAt: new Date(2026, 10, 24, 9).toISOString(),
      touches: [{ on: '2026-11-25', channel: 'call' }],
    } as object);
    expect(await loadWeeklyWork(db, now)).toEqual({ tagged: 1, touches: 1 });
  });
});
