import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { decodeItems, encodeState } from '../lib/model/sync-encode';
import { write } from '../lib/model/sync-state';
import { openKindredDB } from '../lib/storage/db';
import { SYNC_SETTINGS } from '../lib/storage/sync-clocks';
import { applyRemoteState, readSyncState, setSyncEnabled } from '../lib/storage/sync-store';
import { generateContacts } from './dataset';
import { CONTACTS, RUNS, figures, repeat } from './figures';

/**
 * Sync (issue 17), measured in Node on fake-indexeddb (the database code as the background runs it;
 * Chromium's IndexedDB is faster than fake-indexeddb): choosing and encoding what fits into storage.sync
 * from the whole database, and applying another browser's full state. Beside the first: how many
 * tagged contacts fit with their tags and name, and with a touch each as well (notes left out).
 */
export async function syncFigures(): Promise<void> {
  const contacts = generateContacts(CONTACTS);
  const tagged = contacts.filter((c) => c.purposes.length + c.relationships.length > 0).length;
  const open = () => openKindredDB({ indexedDB: new IDBFactory(), IDBKeyRange });
  const a = open();
  await a.contacts.bulkAdd(contacts);
  await a.settings.put({ key: SYNC_SETTINGS.node, value: 'aaaa' });
  await setSyncEnabled(a, true);

  let items: Record<string, unknown> = {};
  let synced = 0;
  const encode = await repeat(RUNS, async () => {
    const start = performance.now();
    const report = encodeState(await readSyncState(a));
    const took = performance.now() - start;
    items = report.items;
    synced = report.contactsSynced;
    return took;
  });
  // Capacity: every tagged contact with its tags, name and one touch ("2026-11-20|call").
  const state = await readSyncState(a);
  for (const [id, record] of Object.entries(state.contacts)) {
    const clock = Object.values(record)[0]!.c;
    write(state, 'contacts', id, 'touches/2026-11-20|call', true, clock);
  }
  const withTouches = encodeState(state);
  figures.push({
    name: `sync: choose + encode what fits, ${CONTACTS} contacts (${tagged} tagged)`,
    value: encode,
    unit: 'ms',
    target: 200,
    baseline: `${synced} fit (${withTouches.contactsSynced} with a touch each)`,
  });

  const apply = await repeat(RUNS, async () => {
    const b = open();
    await b.contacts.bulkAdd(generateContacts(CONTACTS, 7));
    await b.settings.put({ key: SYNC_SETTINGS.node, value: 'bbbb' });
    await setSyncEnabled(b, true);
    const start = performance.now();
    await applyRemoteState(b, decodeItems(items));
    const took = performance.now() - start;
    b.close();
    return took;
  });
  figures.push({
    name: `sync: apply a full remote state (${synced} contacts) to ${CONTACTS} contacts`,
    value: apply,
    unit: 'ms',
    target: 200,
  });

  a.close();
}
