import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import type { KindredDB } from './db';
import { recordSeen, setTag } from './store';
import {
  refreshDueGlance,
  loadDue,
  loadDueGlance,
  logTouch,
  removeTouch,
  setPersonRhythm,
  setTagRhythm,
  snoozeContact,
} from './keep-in-touch';
import { exportAll } from './store';
import { importKindredFile } from './import-stream';

const profile = (id: string, name: string) => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name,
  headline: '',
  company: '',
  location: '',
});
const originalTz = process.env.TZ;
let db: KindredDB;
beforeEach(() => {
  process.env.TZ = 'UTC';
  db = freshDB();
});
afterEach(() => {
  db.close();
  process.env.TZ = originalTz;
  if (originalTz === undefined) delete process.env.TZ;
});

const JAN = new Date('2026-01-01T10:00:00.000Z');
const at = (day: string) => new Date(`${day}T10:00:00.000Z`);

describe('keep in touch in the database', () => {
  it('records when a contact is first tagged, and not again', async () => {
    await recordSeen(db, profile('jane', 'Jane'), JAN.toISOString());
    expect((await db.contacts.get('jane'))?.firstTaggedAt).toBeUndefined();
    await setTag(db, 'jane', 'peer', true, '2026-01-02T10:00:00.000Z');
    await setTag(db, 'jane', 'friend', true, '2026-01-05T10:00:00.000Z');
    expect((await db.contacts.get('jane'))?.firstTaggedAt).toBe('2026-01-02T10:00:00.000Z');
  });

  it('a tagged person becomes due after their rhythm, a touch takes them off, its undo puts them back', async () => {
    await setTag(db, 'jane', 'peer', true, JAN.toISOString());
    expect(await refreshDueGlance(db, at('2026-03-02'))).toBe(0); // 60 days
    expect(await refreshDueGlance(db, at('2026-03-03'))).toBe(1); // 61 days
    const view = await logTouch(db, 'jane', { channel: 'call' }, at('2026-03-03'));
    expect(view.contact?.touches).toEqual([{ on: '2026-03-03', channel: 'call' }]);
    expect(await refreshDueGlance(db, at('2026-03-03'))).toBe(0);
    await removeTouch(db, 'jane', { on: '2026-03-03', channel: 'call' }, at('2026-03-03'));
    expect((await db.contacts.get('jane'))?.touches).toBeUndefined();
    expect(await refreshDueGlance(db, at('2026-03-03'))).toBe(1);
  });

  it('refuses a touch in the future and changes nothing', async () => {
    await setTag(db, 'jane', 'peer', true, JAN.toISOString());
    await expect(logTouch(db, 'jane', { on: '2026-01-02' }, JAN)).rejects.toThrow('must not be in the future');
    expect((await db.contacts.get('jane'))?.touches).toBeUndefined();
  });

  it('snoozes for two weeks and wakes again', async () => {
    await setTag(db, 'jane', 'peer', true, JAN.toISOString());
    const view = await snoozeContact(db, 'jane', true, at('2026-04-01'));
    expect(view.contact?.snoozedUntil).toBe('2026-04-15');
    expect(await refreshDueGlance(db, at('2026-04-14'))).toBe(0);
    expect(await refreshDueGlance(db, at('2026-04-15'))).toBe(1);
    await snoozeContact(db, 'jane', false, at('2026-04-02'));
    expect((await db.contacts.get('jane'))?.snoozedUntil).toBeUndefined();
  });

  it('follows a person’s own rhythm and a tag’s rhythm', async () => {
    await setTag(db, 'ann', 'industry', true, JAN.toISOString());
    await setTag(db, 'bob', 'peer', true, JAN.toISOString());
    const day = at('2026-02-15'); // 45 days
    expect(await refreshDueGlance(db, day)).toBe(0);
    await setPersonRhythm(db, 'ann', 30, day);
    expect((await loadDue(db, day)).entries.map((e) => e.contact.id)).toEqual(['ann']);
    await setTagRhythm(db, 'peer', 40);
    expect((await loadDue(db, day)).entries.map((e) => e.contact.id)).toEqual(['ann', 'bob']);
    await setPersonRhythm(db, 'bob', 0, day); // none for Bob
    await setTagRhythm(db, 'industry', null);
    await setPersonRhythm(db, 'ann', null, day); // Ann follows her tags again: industry has none
    expect(await refreshDueGlance(db, day)).toBe(0);
    expect((await db.taxonomy.get('industry'))?.rhythmDays).toBeUndefined();
  });

  it('is exported and restored', async () => {
    await setTag(db, 'jane', 'peer', true, JAN.toISOString());
    await logTouch(db, 'jane', { on: '2026-01-03', channel: 'meeting' }, at('2026-01-04'));
    await setPersonRhythm(db, 'jane', 21, JAN);
    await snoozeContact(db, 'jane', true, JAN);
    await setTagRhythm(db, 'industry', 365);
    const file = await exportAll(db, JAN);
    const jane = file.contacts.find((c) => c.id === 'jane')!;
    expect(jane).toMatchObject({
      touches: [{ on: '2026-01-03', channel: 'meeting' }],
      firstTaggedAt: JAN.toISOString(),
      rhythmDays: 21,
      snoozedUntil: '2026-01-15',
    });
    expect(file.taxonomy.find((t) => t.id === 'industry')?.rhythmDays).toBe(365);
    const other = freshDB();
    await importKindredFile(other, JSON.stringify(file), 'replace', false, JAN.toISOString());
    const again = await exportAll(other, JAN);
    expect(again).toEqual(file);
    other.close();
  });

  it('the operations go through the background’s handler and its checks', async () => {
    const client = clientOnDatabase(db, { now: () => at('2026-03-03') });
    await client.setTag({ contactId: 'jane', tagId: 'peer', on: true });
    await client.logTouch({ contactId: 'jane' });
    await client.logTouch({ contactId: 'jane' });
    expect((await db.contacts.get('jane'))?.touches).toEqual([{ on: '2026-03-03' }]);
    await expect(client.logTouch({ contactId: 'jane', on: '2026-03-04' })).rejects.toThrow('future');
    await expect(client.setTagRhythm({ tagId: 'peer', rhythmDays: 0 })).rejects.toThrow('at least 1 day');
    await expect(client.setPersonRhythm({ contactId: 'jane', rhythmDays: 1.5 })).rejects.toThrow('whole number');
  });
});

describe('the glance (the first people due, kept by the background for the popup)', () => {
  const names = (due: { entries: Array<{ contact: { id: string } }> }) => due.entries.map((e) => e.contact.id);

  it('shows what reading every row shows, once the background has counted, and only then', async () => {
    for (const [index, id] of ['ann', 'bob', 'cy', 'dan', 'eve', 'fay', 'gus'].entries()) {
      await setTag(db, id, index % 2 ? 'peer' : 'mentor', true, JAN.toISOString());
      if (index > 3) await logTouch(db, id, { on: `2026-01-0${index}`, channel: 'call' }, at('2026-01-09'));
    }
    const day = at('2026-06-01');
    const full = await loadDue(db, day, 3);
    expect(full.total).toBe(7);
    expect(await refreshDueGlance(db, day)).toBe(7);
    const glance = await loadDueGlance(db, day, 3);
    expect(glance.total).toBe(7);
    expect(names(glance)).toEqual(names(full));
    expect(glance.entries.map((e) => e.state)).toEqual(full.entries.map((e) => e.state));
    // Only what the list shows: the last touch, not every touch, note or headline.
    const withTouch = (await loadDueGlance(db, day, 5)).entries.find((e) => e.contact.touches);
    expect(withTouch?.contact).toEqual({
      id: withTouch!.contact.id,
      name: withTouch!.contact.name,
      url: withTouch!.contact.url,
      touches: [{ on: expect.any(String), channel: 'call' }],
    });

    // A change the background has not counted yet shows after its count; the next day reads the rows.
    await snoozeContact(db, names(full)[0]!, true, day);
    expect((await loadDueGlance(db, day, 3)).total).toBe(7);
    await refreshDueGlance(db, day);
    expect(names(await loadDueGlance(db, day, 3))).toEqual(names(await loadDue(db, day, 3)));
    expect((await loadDueGlance(db, day, 3)).total).toBe(6);
    await logTouch(db, 'ann', { on: '2026-06-01' }, day);
    expect((await loadDueGlance(db, at('2026-06-02'), 3)).total).toBe((await loadDue(db, at('2026-06-02'))).total);
    expect((await loadDueGlance(db, day, 10)).total).toBe((await loadDue(db, day)).total);
  });

  it('is written only when it changed, so the popup’s read wakes only then', async () => {
    await setTag(db, 'ann', 'mentor', true, JAN.toISOString());
    const day = at('2026-06-01');
    await refreshDueGlance(db, day);
    const { liveQuery } = await import('dexie');
    let reads = 0;
    const subscription = liveQuery(() => db.settings.get('dueGlance')).subscribe(() => reads++);
    try {
      await expect.poll(() => reads).toBe(1);
      await refreshDueGlance(db, day);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(reads).toBe(1);
      await snoozeContact(db, 'ann', true, day);
      await refreshDueGlance(db, day);
      await expect.poll(() => reads).toBe(2);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('the keep-in-touch rows (one small row per contact instead of reading every contact)', () => {
  /** What reading every contact says: the due list, the rows, and the week. */
  async function expectTrue(days: string[]) {
    const { dueRowOf } = await import('./due-rows');
    const { dueList } = await import('../model/rhythm');
    const { weeklyWork } = await import('../model/weekly');
    const { loadWeeklyWork } = await import('./network-review');
    const contacts = await db.contacts.toArray();
    const rows = contacts.flatMap((contact) => dueRowOf(contact) ?? []);
    expect(await db.dueRows.toArray()).toEqual(rows);
    const taxonomy = await db.taxonomy.toArray();
    for (const day of days) {
      const fromContacts = dueList(contacts, taxonomy, at(day));
      const fromRows = await loadDue(db, at(day));
      expect(fromRows.total, day).toBe(fromContacts.length);
      expect(fromRows.entries, day).toEqual(fromContacts);
      expect(await loadWeeklyWork(db, at(day)), day).toEqual(weeklyWork(contacts, at(day)));
    }
  }
  const DAYS = ['2026-01-01', '2026-01-15', '2026-02-02', '2026-03-05', '2026-04-10', '2026-05-10', '2026-05-20'];

  it('stays true through every kind of write, and answers as reading every contact does', async () => {
    const { bulkSetTagUndoable, deleteContactUndoable, undo } = await import('./undo');
    const { setNote } = await import('./store');
    await recordSeen(db, profile('dan', 'Dan'), JAN.toISOString());
    await setTag(db, 'ann', 'peer', true, JAN.toISOString());
    await setTag(db, 'bob', 'mentor', true, JAN.toISOString());
    await setTag(db, 'cy', 'industry', true, JAN.toISOString());
    await setPersonRhythm(db, 'cy', 20, JAN);
    await logTouch(db, 'ann', { on: '2026-02-01' }, at('2026-02-01'));
    await logTouch(db, 'ann', { on: '2026-02-02', channel: 'call' }, at('2026-02-02'));
    await logTouch(db, 'ann', { on: '2026-02-02', channel: 'email' }, at('2026-02-02'));
    await logTouch(db, 'dan', { on: '2026-01-02' }, at('2026-01-02')); // untagged, with a touch
    await setNote(db, 'bob', 'Lunch in May', JAN.toISOString());
    await snoozeContact(db, 'bob', true, at('2026-05-01'));
    const { undoId } = await bulkSetTagUndoable(db, ['ann', 'bob'], 'friend', true, JAN.toISOString());
    await expectTrue(DAYS);
    await undo(db, undoId!, JAN.toISOString());
    await setTagRhythm(db, 'industry', 10);
    await setTag(db, 'bob', 'mentor', false, JAN.toISOString()); // untagged again, first-tagged kept
    await expectTrue(DAYS);
    const deleted = await deleteContactUndoable(db, 'cy', JAN.toISOString());
    await expectTrue(DAYS);
    await undo(db, deleted.undoId!, JAN.toISOString());
    await expectTrue(DAYS);
    expect((await loadDue(db, at('2026-05-10'))).entries.map((e) => e.contact.id)).toEqual(['cy', 'ann']);
  });

  it('delete-all, replace-import, merge-import and restore keep them true', async () => {
    const { deleteAll } = await import('./store');
    const { restoreSnapshot } = await import('./snapshot');
    await setTag(db, 'ann', 'peer', true, JAN.toISOString());
    await logTouch(db, 'ann', { on: '2026-01-03', channel: 'meeting' }, at('2026-01-04'));
    await setTag(db, 'bob', 'mentor', true, JAN.toISOString());
    const file = await exportAll(db, JAN);
    await deleteAll(db, JAN.toISOString());
    expect(await db.dueRows.count()).toBe(0);
    await expectTrue(DAYS);
    await restoreSnapshot(db);
    expect(await db.dueRows.count()).toBe(2);
    await expectTrue(DAYS);
    await setTag(db, 'cy', 'peer', true, JAN.toISOString());
    await importKindredFile(db, JSON.stringify(file), 'replace', false, JAN.toISOString());
    expect((await db.dueRows.toArray()).map((row) => row.id)).toEqual(['ann', 'bob']);
    await expectTrue(DAYS);
    await deleteAll(db, JAN.toISOString());
    await importKindredFile(db, JSON.stringify(file), 'merge', false, JAN.toISOString());
    await expectTrue(DAYS);
  });

  const dueList = async (contacts: Parameters<typeof import('../model/rhythm').dueList>[0], day: string) => {
    const { dueList: list } = await import('../model/rhythm');
    const found = list(contacts, await db.taxonomy.toArray(), at(day));
    return { total: found.length, entries: found };
  };

  it('a large write (an import of hundreds) leaves the rows to a rebuild that keeps exactly the right ones', async () => {
    await setTag(db, 'p-0100', 'peer', true, JAN.toISOString());
    await setTag(db, 'p-0300', 'mentor', true, JAN.toISOString());
    await setTag(db, 'zz-outside', 'mentor', true, JAN.toISOString());
    const stored = await db.contacts.bulkGet(['p-0100', 'p-0300']);
    // 400 contacts in one write: p-0100 untagged (its row goes), p-0300 kept, the rest never had a row.
    const written = Array.from({ length: 400 }, (_, index) => {
      const id = `p-${String(index).padStart(4, '0')}`;
      const before = stored.find((contact) => contact?.id === id);
      return before
        ? {
            ...before,
            purposes: [],
            relationships: id === 'p-0300' ? before.relationships : [],
            firstTaggedAt: undefined,
          }
        : {
            ...stored[0]!,
            id,
            name: id,
            url: `https://www.linkedin.com/in/${id}/`,
            purposes: [],
            relationships: [],
            firstTaggedAt: undefined,
          };
    });
    await db.contacts.bulkPut(written);
    // Not kept by the write itself: the readers work from the contacts until the background rebuilds them.
    const { dueRowsStale, ensureDueRows } = await import('./due-rows');
    expect(await dueRowsStale(db)).toBe(true);
    const { loadWeeklyWork } = await import('./network-review');
    const { weeklyWork } = await import('../model/weekly');
    for (const day of DAYS) {
      const contacts = await db.contacts.toArray();
      expect(await loadDue(db, at(day))).toEqual(await dueList(contacts, day));
      expect(await loadWeeklyWork(db, at(day))).toEqual(weeklyWork(contacts, at(day)));
    }
    await ensureDueRows(db);
    expect(await dueRowsStale(db)).toBe(false);
    expect((await db.dueRows.toArray()).map((row) => row.id)).toEqual(['p-0300', 'zz-outside']);
    await expectTrue(DAYS);
  });

  it('a change that changes nothing the due list needs leaves the rows unwritten', async () => {
    const { setNote } = await import('./store');
    await setTag(db, 'ann', 'peer', true, JAN.toISOString());
    await recordSeen(db, profile('dan', 'Dan'), JAN.toISOString());
    const written: string[] = [];
    const { default: Dexie } = await import('dexie');
    const listen = (parts: Record<string, unknown>) => {
      for (const key of Object.keys(parts)) if (key.includes('/dueRows/')) written.push(key);
    };
    Dexie.on('storagemutated', listen);
    try {
      await setNote(db, 'ann', 'A note', JAN.toISOString());
      await recordSeen(db, profile('dan', 'Daniel'), JAN.toISOString());
      expect(written).toEqual([]);
      await snoozeContact(db, 'ann', true, JAN);
      expect(written.length).toBeGreaterThan(0);
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen);
    }
  });
});
