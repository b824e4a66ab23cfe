import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { type KindredDB, openKindredDB } from '../../lib/storage/db';

/** A fresh, empty database of its own for each test. */
export function freshDB(): KindredDB {
  return openKindredDB({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Everything stored, for "nothing changed" assertions. */
export async function snapshot(db: KindredDB) {
  return {
    contacts: await db.contacts.orderBy('id').toArray(),
    taxonomy: await db.taxonomy.orderBy('id').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
  };
}
