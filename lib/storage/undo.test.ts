import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../../tests/support/db-helpers';
import type { KindredDB } from './db';
import { recordSeen, setNote, setTag } from './store';
import { bulkSetTagUndoable, deleteContactUndoable, undo } from './undo';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-22T10:00:00.000Z';
const T2 = '2026-11-22T11:00:00.000Z';
const seen = (id: string, name: string) => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name,
  headline: '',
  company: '',
  location: '',
});

let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await recordSeen(db, seen('jane-doe', 'Jane Doe'), T0);
  await setTag(db, 'jane-doe', 'peer', true, T0);
  await setTag(db, 'jane-doe', 'mentor', true, T0);
  await setNote(db, 'jane-doe', 'Met at the flex conference', T0);
  await recordSeen(db, seen('sam-lee', 'Sam Lee'), T0);
});
afterEach(() => db.close());

/** Contacts and tags, without the settings (where the undo records themselves live). */
const data = async () => {
  const { contacts, taxonomy } = await snapshot(db);
  return { contacts, taxonomy };
};

describe('undo', () => {
  it('brings a deleted contact back exactly as it was', async () => {
    const before = await data();
    const { undoId } = await deleteContactUndoable(db, 'jane-doe', T1);
    expect(await db.contacts.get('jane-doe')).toBeUndefined();
    expect(await undo(db, undoId!, T2)).toEqual({ restored: 1 });
    expect(await data()).toEqual(before);
  });

  it('takes a bulk-added tag off again and restores the order and times of the tags', async () => {
    const before = await data();
    const { changed, undoId } = await bulkSetTagUndoable(db, ['jane-doe', 'sam-lee'], 'sponsor', true, T1);
    expect(changed).toBe(2);
    await undo(db, undoId!, T2);
    expect(await data()).toEqual(before);
  });

  it('puts a bulk-removed tag back where it was', async () => {
    const before = await data();
    const { changed, undoId } = await bulkSetTagUndoable(db, ['jane-doe', 'sam-lee'], 'peer', false, T1);
    expect(changed).toBe(1);
    await undo(db, undoId!, T2);
    expect(await data()).toEqual(before);
    expect((await db.contacts.get('jane-doe'))?.relationships).toEqual(['peer', 'mentor']);
  });

  it('undoes only its own tag on a contact changed again since', async () => {
    const { undoId } = await bulkSetTagUndoable(db, ['jane-doe'], 'peer', false, T1);
    await setTag(db, 'jane-doe', 'mentee', true, T1);
    await undo(db, undoId!, T2);
    expect((await db.contacts.get('jane-doe'))?.relationships).toEqual(['mentor', 'mentee', 'peer']);
  });

  it('undoes once; a change that changed nothing has nothing to undo', async () => {
    const { undoId } = await deleteContactUndoable(db, 'sam-lee', T1);
    await undo(db, undoId!, T2);
    await expect(undo(db, undoId!, T2)).rejects.toThrow('undone already');
    expect(await bulkSetTagUndoable(db, ['sam-lee'], 'peer', false, T1)).toEqual({ changed: 0, undoId: null });
    expect(await deleteContactUndoable(db, 'nobody', T1)).toEqual({ undoId: null });
  });

  it('survives the worker: the record is in the database, and a day later it is gone', async () => {
    const { undoId } = await deleteContactUndoable(db, 'sam-lee', T1);
    expect(await db.settings.get(`undo:${undoId}`)).toBeTruthy();
    await deleteContactUndoable(db, 'jane-doe', '2026-11-24T10:00:00.000Z');
    expect(await db.settings.get(`undo:${undoId}`)).toBeUndefined();
  });
});
