import { FORMAT_VERSION, SYNC_LIMITS, type SyncItems, decodeItems, encodeState } from '../model/sync-encode';
import { hlc, wallSeconds } from '../model/sync-clock';
import { hasNews } from '../model/sync-state';
import type { KindredDB } from './db';
import { SYNC_SETTINGS, leaveUnclocked } from './sync-clocks';
import {
  type MergeSummary,
  applyRemoteState,
  isSyncEnabled,
  readSyncState,
  seedClocks,
  updateSyncStatus,
} from './sync-store';

/**
 * One round of sync, with the browser's sync storage given as plain functions (the background passes
 * `browser.storage.sync`; tests pass a map): read what the other browsers wrote, merge it into the
 * database, encode this browser's state and write the items that differ, all in one `set` (one write
 * of the browser's write-rate limit), and remove items no longer written. Reports in the sync status.
 */
export interface SyncArea {
  get(): Promise<SyncItems>;
  set(items: SyncItems): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Items Kindred's sync writes: `m`, `t0…`, `c0…`. */
const OURS = /^(?:m|t\d+|c\d+)$/;

export interface SyncRound {
  merged: MergeSummary | null;
  written: number;
  removed: number;
  bytes: number;
}

export async function syncRound(db: KindredDB, area: SyncArea, now = new Date()): Promise<SyncRound | null> {
  if (!(await isSyncEnabled(db))) return null;
  const stored = await area.get();
  const meta = stored.m as { v?: unknown } | undefined;
  if (typeof meta?.v === 'number' && meta.v > FORMAT_VERSION) {
    await updateSyncStatus(db, { error: 'newer-version' });
    return null;
  }
  const summary = await applyRemoteState(db, decodeItems(stored), now);
  const changedSomething = summary.wiped || summary.contacts + summary.removed + summary.tags > 0;
  const report = encodeState(await readSyncState(db, now.getTime()));
  const changed: SyncItems = {};
  for (const [key, value] of Object.entries(report.items)) {
    if (JSON.stringify(stored[key]) === JSON.stringify(value)) continue;
    // Only an item with something the stored one lacks: not one that merely holds less.
    if (key in stored && !hasNews(decodeItems({ [key]: value }), decodeItems({ [key]: stored[key] }))) continue;
    changed[key] = value;
  }
  const stale = Object.keys(stored).filter((key) => OURS.test(key) && !(key in report.items));
  let error: string | undefined;
  // Another browser's items may have arrived while this round merged: writing now would cover them. Their
  // arrival is told (storage.onChanged) and starts the next round, which merges them first.
  const writes = stale.length > 0 || Object.keys(changed).length > 0;
  const arrived = writes && JSON.stringify(await area.get()) !== JSON.stringify(stored);
  if (arrived) {
    await updateSyncStatus(db, changedSomething ? { lastMerge: summary } : {});
    return { merged: changedSomething ? summary : null, written: 0, removed: 0, bytes: report.bytes };
  }
  try {
    // Removing first frees room for what grows.
    if (stale.length > 0) await area.remove(stale);
    if (Object.keys(changed).length > 0) await area.set(changed);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await updateSyncStatus(db, {
    // A failed write keeps the time of the last one that went through.
    ...(error ? {} : { lastSyncAt: now.toISOString() }),
    bytesUsed: report.bytes,
    quotaBytes: SYNC_LIMITS.quotaBytes,
    contactsLeft: report.contactsLeft,
    notesLeft: report.notesLeft,
    tagsLeft: report.tagsLeft,
    error,
    ...(changedSomething ? { lastMerge: summary } : {}),
  });
  return {
    merged: changedSomething ? summary : null,
    written: Object.keys(changed).length,
    removed: stale.length,
    bytes: report.bytes,
  };
}

/**
 * After a replace-import with sync on, "in every browser": every browser drops what it synced before
 * (a wipe) and takes this browser's data, which gets clocks just after the wipe.
 */
export async function wipeEverywhere(db: KindredDB, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.syncClocks], async () => {
    leaveUnclocked();
    const [node, last] = await db.settings.bulkGet([SYNC_SETTINGS.node, SYNC_SETTINGS.last]);
    if (typeof node?.value !== 'string') return;
    const seconds = Math.max(wallSeconds(now.getTime()), (typeof last?.value === 'number' ? last.value : 0) + 1);
    await db.syncClocks.clear();
    await db.settings.put({ key: SYNC_SETTINGS.wipe, value: hlc(seconds, node.value) });
    await seedClocks(db, node.value, now.toISOString(), hlc(seconds + 1, node.value));
  });
}
