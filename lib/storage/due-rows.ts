import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Transaction } from 'dexie';
import type { KindredDB } from './db';
import type { Contact } from '../model/contact';
import { type RhythmContact, lastTouchOn } from '../model/rhythm';
import { coreMiddleware, writesInOrder } from './middleware';

/**
 * Keep in touch, in a small table of its own (`dueRows`): one small row per contact that the due maths or
 * the weekly line may need (a tag, a rhythm of their own, a touch, or a first-tagged time), holding only
 * that. The badge and the popup's due list read it with one bulk read; the weekly line reads two of its
 * indexes (first tagged this week, touches this week). Kept true in the same transaction as every write
 * to contacts (the middleware below), one row per written contact, so a write's cost does not grow with
 * the network (docs/performance.md, "Keep in touch"). Version 11 builds it from the stored contacts.
 */
export const DUE_ROWS = 'dueRows';

export interface DueRow {
  id: string;
  name: string;
  purposes: string[];
  relationships: string[];
  /** When the due maths start counting without a touch: first tagged, else created. */
  start: string;
  /** The contact's own `firstTaggedAt` (indexed: the weekly line's "tagged this week"). */
  firstTaggedAt?: string;
  /** The last touch's day. */
  last?: string;
  rhythmDays?: number;
  snoozedUntil?: string;
  /** Every touch as `day|channel` (a multi-entry index: the weekly line's "touches this week"). */
  touchKeys?: string[];
}

/** The table's schema: the weekly line's two indexes. */
export const DUE_ROWS_SCHEMA = 'id, firstTaggedAt, *touchKeys';

/** A touch's index key: its day first, so a range of days is a range of keys; unique per contact. */
export function touchKey(touch: { on: string; channel?: string }): string {
  return `${touch.on}|${touch.channel ?? ''}`;
}

/** The contact's row, or undefined when nothing about keeping in touch is known of it. */
export function dueRowOf(contact: Contact): DueRow | undefined {
  const tagged = contact.purposes.length > 0 || contact.relationships.length > 0;
  const touches = contact.touches ?? [];
  if (!tagged && contact.rhythmDays === undefined && touches.length === 0 && !contact.firstTaggedAt) return undefined;
  const row: DueRow = {
    id: contact.id,
    name: contact.name,
    purposes: contact.purposes,
    relationships: contact.relationships,
    start: contact.firstTaggedAt || contact.createdAt,
  };
  if (contact.firstTaggedAt) row.firstTaggedAt = contact.firstTaggedAt;
  const last = lastTouchOn(contact);
  if (last) row.last = last;
  if (contact.rhythmDays !== undefined) row.rhythmDays = contact.rhythmDays;
  if (contact.snoozedUntil) row.snoozedUntil = contact.snoozedUntil;
  if (touches.length > 0) row.touchKeys = touches.map(touchKey);
  return row;
}

/** A row as the due maths take a contact. */
export function rowContact(row: DueRow): RhythmContact & Pick<Contact, 'id' | 'name'> {
  return {
    id: row.id,
    name: row.name,
    purposes: row.purposes,
    relationships: row.relationships,
    createdAt: row.start,
    firstTaggedAt: row.start,
    ...(row.last && { touches: [{ on: row.last }] }),
    ...(row.rhythmDays !== undefined && { rhythmDays: row.rhythmDays }),
    ...(row.snoozedUntil && { snoozedUntil: row.snoozedUntil }),
  };
}

/** Version 11's upgrade: the rows of every stored contact (and the old one-row summary gone). */
export async function buildDueRows(tx: Transaction): Promise<void> {
  await rebuildRows(tx);
  await tx.table('settings').delete('dueSummary');
}

async function rebuildRows(tx: Transaction): Promise<void> {
  const rows: DueRow[] = [];
  await tx.table<Contact, string>('contacts').each((contact) => {
    const row = dueRowOf(contact);
    if (row) rows.push(row);
  });
  const table = tx.table<DueRow, string>(DUE_ROWS);
  await table.clear();
  await table.bulkPut(rows);
}

/**
 * The settings key set, in the same transaction, by a large write to contacts (an import, a bulk edit of
 * hundreds): the rows were not kept by it and are rebuilt afterwards (`ensureDueRows`); until then the
 * readers work from the contacts themselves. Writing 9,000 rows inside a 30,000-contact import made it
 * half a second slower; the rebuild runs after the import has answered.
 */
export const DUE_ROWS_STALE = 'dueRowsStale';

/** Whether the rows wait for a rebuild: read them from the contacts instead. */
export async function dueRowsStale(db: KindredDB): Promise<boolean> {
  return (await db.settings.get(DUE_ROWS_STALE)) !== undefined;
}

/** Rebuilds the rows after a large write (the background, after its writes); nothing when they are true. */
export async function ensureDueRows(db: KindredDB): Promise<void> {
  if (!(await dueRowsStale(db))) return;
  await db.transaction('rw', [db.contacts, db.dueRows, db.settings], async (tx) => {
    if (!(await dueRowsStale(db))) return;
    await rebuildRows(tx);
    await db.settings.delete(DUE_ROWS_STALE);
  });
}

/**
 * Every row, from the table, or from the contacts while the table waits for its rebuild: one contact at
 * a time, so a page holds the rows and not every contact with its note (a 100 MB import's worth).
 */
export async function readDueRows(db: KindredDB): Promise<DueRow[]> {
  return db.transaction('r', [db.contacts, db.dueRows, db.settings], async () => {
    if (!(await dueRowsStale(db))) return db.dueRows.toArray();
    const rows: DueRow[] = [];
    await db.contacts.each((contact) => {
      const row = dueRowOf(contact);
      if (row) rows.push(row);
    });
    return rows;
  });
}

/**
 * Keeps `dueRows` true in the transaction of every write to contacts, whichever code makes it: each
 * written contact's row is put (or deleted when it has none and had one), each deleted contact's row
 * deleted, a deleted range (a cleared table) deleted in the rows too; a write of more than SMALL_WRITE
 * contacts marks the rows for a rebuild instead (DUE_ROWS_STALE). Databases older than version 11
 * (only while upgrading, or built by the migration test) have no such table: nothing to keep.
 */
export const dueRowsMiddleware = coreMiddleware('kindred-due-rows', (down) => {
  const present = down.schema.tables.some((table) => table.name === DUE_ROWS);
  if (!present) return {};
  return {
    transaction(stores, mode, options) {
      const extra = mode === 'readwrite' && stores.includes('contacts') ? [DUE_ROWS, 'settings'] : [];
      return down.transaction([...stores, ...extra.filter((store) => !stores.includes(store))], mode, options);
    },
    table: (name) =>
      name === 'contacts'
        ? keepingRows(down.table(name), down.table(DUE_ROWS), down.table('settings'))
        : down.table(name),
  };
});

/** Whether the transaction can write the rows (an upgrade's transaction before version 11 cannot). */
function hasRows(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !names || names.contains(DUE_ROWS);
}

/** Up to this many contacts in one write, their rows are kept in it; a larger write leaves them to a rebuild. */
const SMALL_WRITE = 200;

function keepingRows(contacts: DBCoreTable, rows: DBCoreTable, settings: DBCoreTable): DBCoreTable {
  const keep = async (req: DBCoreMutateRequest) => {
    const { trans } = req;
    if (!hasRows(trans)) return contacts.mutate(req);
    const response = await contacts.mutate(req);
    const failed = (index: number) => response.failures[index] !== undefined;
    if (req.type === 'deleteRange') {
      await rows.mutate({ type: 'deleteRange', trans, range: req.range });
    } else if (req.type === 'delete') {
      const keys = (req.keys as string[]).filter((_, index) => !failed(index));
      if (keys.length > 0) await rows.mutate({ type: 'delete', trans, keys });
    } else if (req.values.length > SMALL_WRITE) {
      await settings.mutate({ type: 'put', trans, values: [{ key: DUE_ROWS_STALE, value: true }] });
    } else {
      const written = (req.values as Contact[]).filter((_, index) => !failed(index));
      // Only the rows that changed are put, and only rows that are there deleted: every row written wakes
      // the pages' watched reads of the whole table (the due list).
      const before = await rows.getMany({ trans, keys: written.map((contact) => contact.id) });
      const put: DueRow[] = [];
      const gone: string[] = [];
      written.forEach((contact, index) => {
        const row = dueRowOf(contact);
        if (row) {
          if (JSON.stringify(row) !== JSON.stringify(before[index])) put.push(row);
        } else if (before[index] !== undefined) gone.push(contact.id);
      });
      if (put.length > 0) await rows.mutate({ type: 'put', trans, values: put });
      if (gone.length > 0) await rows.mutate({ type: 'delete', trans, keys: gone });
    }
    return response;
  };
  return writesInOrder(contacts, keep);
}
