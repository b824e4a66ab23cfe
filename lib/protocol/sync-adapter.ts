import { browser } from 'wxt/browser';
import { coalesced } from '../storage/coalesced';
import type { KindredDB } from '../storage/db';
import type { SyncItems } from '../model/sync-encode';
import { type SyncArea, syncRound } from '../storage/sync-run';
import { isSyncEnabled } from '../storage/sync-store';

/**
 * The browser's side of sync (issue 17): `storage.sync` as the area lib/storage/sync-run.ts rounds read
 * and write, `storage.onChanged` for what other browsers wrote, and when to run a round. A round
 * writes at most one `set` and one `remove`, and rounds are at least `SPACING_MS` apart: at most 24 writes a
 * minute and 1,440 an hour, under Chrome's 120 and 1,800. A timer would die with the service worker, so
 * an alarm is set as well; whichever fires first runs the round, the other finds nothing to write.
 * Nothing here is awaited by a page: the popup never waits for sync.
 */
export const SYNC_ALARM = 'kindred-sync';
const SPACING_MS = 5_000;

const area: SyncArea = {
  get: () => browser.storage.sync.get(null) as Promise<SyncItems>,
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
};

export function startSync(database: () => KindredDB, afterRound: () => Promise<void>): { soon: () => void } {
  let lastRound = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const round = coalesced(async () => {
    lastRound = Date.now();
    await syncRound(database(), area);
    // What another browser sent may change who is due and the popup's tag summary.
    await afterRound();
  }, console.error);
  const soon = () => {
    void isSyncEnabled(database())
      .then(async (on) => {
        if (!on) return;
        clearTimeout(timer);
        timer = setTimeout(() => void round(), Math.max(500, lastRound + SPACING_MS - Date.now()));
        await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 0.5 });
      })
      .catch(console.error);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void round();
  });
  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName === 'sync') soon();
  });
  browser.runtime.onStartup.addListener(soon);
  return { soon };
}
