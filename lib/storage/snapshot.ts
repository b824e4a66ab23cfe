import type { Contact } from '../model/contact';
import type { KindredDB, SnapshotRow } from './db';

/**
 * The safety net: before a replace-import or delete-all, everything Kindred holds (contacts, tags,
 * settings) is copied into the `snapshot` table, in the same transaction as the change itself, so the
 * snapshot is exactly what the change replaced. "Restore what was here before" puts it back in one
 * transaction. There is one snapshot: the next replace or delete-all keeps what was there then.
 */

export type SnapshotReason = 'replace-import' | 'delete-all';

/** What the snapshot holds, for the Data tab: why it was taken, when, and how many contacts. */
export interface SnapshotInfo {
  reason: SnapshotReason;
  at: string;
  contacts: number;
}

/** Contacts per snapshot row: rows stay a few MB even with long notes. */
const ROW_CONTACTS = 1000;

const rowKey = (n: number) => `contacts/${String(n).padStart(6, '0')}` as const;

/**
 * Copies everything into the snapshot. Call it inside a read-write transaction over contacts, taxonomy,
 * settings and snapshot, before changing anything.
 */
export async function takeSnapshot(db: KindredDB, reason: SnapshotReason, at: string): Promise<void> {
  await db.snapshot.clear();
  let count = 0;
  let rows = 0;
  let last: string | undefined;
  for (;;) {
    const page: Contact[] = await (
      last === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(last)
    )
      .limit(ROW_CONTACTS)
      .toArray();
    if (page.length === 0) break;
    await db.snapshot.add({ key: rowKey(rows++), value: page });
    count += page.length;
    last = page.at(-1)!.id;
  }
  await db.snapshot.bulkAdd([
    { key: 'taxonomy', value: await db.taxonomy.toArray() },
    { key: 'settings', value: await db.settings.toArray() },
    { key: 'about', value: { reason, at, contacts: count } },
  ]);
}

export async function snapshotInfo(db: KindredDB): Promise<SnapshotInfo | null> {
  const about = (await db.snapshot.get('about')) as Extract<SnapshotRow, { key: 'about' }> | undefined;
  return about?.value ?? null;
}

export class NoSnapshotError extends Error {}

/**
 * Puts the snapshot back, all of it or nothing, and removes it: the database is again exactly what it
 * was before the replace-import or delete-all. Returns how many contacts came back.
 */
export async function restoreSnapshot(db: KindredDB): Promise<{ contacts: number }> {
  return db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.snapshot], async () => {
    const about = await snapshotInfo(db);
    if (!about) throw new NoSnapshotError('There is nothing to restore: no earlier data was kept.');
    await db.contacts.clear();
    const keys = (await db.snapshot.where('key').startsWith('contacts/').primaryKeys()) as Array<`contacts/${string}`>;
    for (const key of keys) {
      const row = (await db.snapshot.get(key)) as Extract<SnapshotRow, { key: `contacts/${string}` }>;
      await db.contacts.bulkAdd(row.value);
    }
    const [taxonomy, settings] = (await db.snapshot.bulkGet(['taxonomy', 'settings'])) as [
      Extract<SnapshotRow, { key: 'taxonomy' }>,
      Extract<SnapshotRow, { key: 'settings' }>,
    ];
    await db.taxonomy.clear();
    await db.taxonomy.bulkAdd(taxonomy.value);
    await db.settings.clear();
    await db.settings.bulkAdd(settings.value);
    await db.snapshot.clear();
    return { contacts: about.contacts };
  });
}
