import Dexie, { type EntityTable } from 'dexie';
import type { SeenProfile } from '../model/contact';

/**
 * Which profile each tab shows, as that tab's content script last said, and the token of the panel
 * frame it put into the page (tab id → binding). The background binds the framed panel's reads and
 * writes to the profile, and serves only the frame that presents the token.
 *
 * Where it is kept: an MV3 service worker is stopped after ~30 s idle, typically while the person
 * reads a profile, and the next tag click must still find the binding. storage.session would need the
 * "storage" permission; memory alone would lose it; so ordinary tabs are kept in a small IndexedDB
 * database of their own (the extension's origin, apart from the contacts, no migrations shared).
 * Private (incognito) tabs are kept in memory only, so no trace of private browsing reaches the disk;
 * after a worker restart their content script announces the profile again on the panel's request.
 * Tab ids are only unique within a browser session: the background clears everything at start-up and
 * forgets a tab when it closes.
 */
export interface TabBinding {
  profile: SeenProfile;
  /** The secret of the tab's own panel frame (lib/protocol/operations.ts, FrameToken). */
  frameToken: string;
}

export interface TabProfiles {
  get(tabId: number): Promise<TabBinding | undefined>;
  set(tabId: number, binding: TabBinding, incognito: boolean): Promise<void>;
  forget(tabId: number): Promise<void>;
  clear(): Promise<void>;
  /** Every tab with a binding (to tell the tabs showing a changed person: lib/storage/changed-people.ts). */
  all(): Promise<Array<TabBinding & { tabId: number }>>;
}

interface TabRow extends TabBinding {
  tabId: number;
}

type TabsDB = Dexie & { tabs: EntityTable<TabRow, 'tabId'> };

export const TABS_DB_NAME = 'kindred-tabs';

export function openTabProfiles(options?: ConstructorParameters<typeof Dexie>[1]): TabProfiles {
  const db = new Dexie(TABS_DB_NAME, options) as TabsDB;
  db.version(1).stores({ tabs: 'tabId' });
  const privateTabs = new Map<number, TabBinding>();
  return {
    async get(tabId) {
      const kept = privateTabs.get(tabId) ?? (await db.tabs.get(tabId));
      // A row of an older version (before frame tokens) binds no frame: the tab announces itself again.
      return kept?.frameToken ? { profile: kept.profile, frameToken: kept.frameToken } : undefined;
    },
    async set(tabId, { profile, frameToken }, incognito) {
      if (incognito) {
        privateTabs.set(tabId, { profile, frameToken });
        return;
      }
      privateTabs.delete(tabId);
      await db.tabs.put({ tabId, profile, frameToken });
    },
    async forget(tabId) {
      privateTabs.delete(tabId);
      await db.tabs.delete(tabId);
    },
    async clear() {
      privateTabs.clear();
      await db.tabs.clear();
    },
    async all() {
      const kept = (await db.tabs.toArray()).filter((row) => row.frameToken && !privateTabs.has(row.tabId));
      const inMemory = [...privateTabs].map(([tabId, binding]) => ({ tabId, ...binding }));
      return [...kept, ...inMemory].map(({ tabId, profile, frameToken }) => ({ tabId, profile, frameToken }));
    },
  };
}
