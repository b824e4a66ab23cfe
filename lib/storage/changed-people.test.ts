import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { decodeItems, encodeState } from '../model/sync-encode';
import type { SeenProfile } from '../model/contact';
import type { KindredDB } from './db';
import { type Changed, tabsShowing, watchChangedPeople } from './changed-people';
import { deleteAll, recordSeen, setNote, setTag } from './store';
import { SYNC_SETTINGS } from './sync-clocks';
import { applyRemoteState, readSyncState, setSyncEnabled } from './sync-store';
import { type TabProfiles, openTabProfiles } from './tab-profiles';
import { updateTag } from './taxonomy-store';
import { bulkSetTagUndoable, undo } from './undo';

const NOW = '2026-11-27T10:00:00.000Z';
const TOKEN = '0123456789abcdef0123456789abcdef';
const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
const person = (id: string, name: string, memberId?: string): SeenProfile => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name,
  headline: '',
  company: '',
  location: '',
  ...(memberId && { memberId }),
});
const jane = person('jane-doe', 'Jane Doe');
const sam = person('sam-lee', 'Sam Lee');

let db: KindredDB;
let tabs: TabProfiles;
let told: number[];
let stop: () => void;
beforeEach(async () => {
  db = freshDB();
  await db.open();
  tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
  // Tab 1 shows Jane, tab 2 Sam (a private window's tab), tab 3 Jane too; tab 4 nobody yet.
  await tabs.set(1, { profile: jane, frameToken: TOKEN }, false);
  await tabs.set(2, { profile: sam, frameToken: TOKEN }, true);
  await tabs.set(3, { profile: jane, frameToken: TOKEN }, false);
  told = [];
  stop = watchChangedPeople(
    () => db,
    () => tabs,
    async (tabId) => void told.push(tabId),
  );
});
afterEach(() => {
  stop();
  db.close();
});

/** The tabs told since the last call, once the change has been looked up (in order, each once). */
async function tabsTold(): Promise<number[]> {
  await vi.waitFor(() => expect(told.length).toBeGreaterThan(0));
  // Anything else still on its way.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const result = [...told].sort();
  told = [];
  return result;
}

/** Nothing was told after a change that touched no one a tab shows. */
async function noTabTold(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(told).toEqual([]);
}

describe('the tabs told to look again after a change', () => {
  it('are the tabs that show the changed person, and only those', async () => {
    await setTag(db, 'jane-doe', 'mentor', true, NOW);
    expect(await tabsTold()).toEqual([1, 3]);
    await setNote(db, 'sam-lee', 'Met at the conference', NOW);
    expect(await tabsTold()).toEqual([2]);
  });

  it('include no tab for a person no tab shows, nor for settings', async () => {
    await setTag(db, 'someone-else', 'mentor', true, NOW);
    await db.settings.put({ key: 'panelCollapsed', value: true });
    await noTabTold();
  });

  it('include every bound tab for a change of many people at once, a cleared database or a tag label', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `person-${i}`);
    for (const id of ids) await setTag(db, id, 'peer', true, NOW);
    await noTabTold();
    const { undoId } = await bulkSetTagUndoable(db, ids, 'mentor', true, NOW);
    expect(await tabsTold()).toEqual([1, 2, 3]);
    await undo(db, undoId!, NOW);
    expect(await tabsTold()).toEqual([1, 2, 3]);
    await updateTag(db, 'mentor', { label: 'Guide' });
    expect(await tabsTold()).toEqual([1, 2, 3]);
    await deleteAll(db, NOW);
    expect(await tabsTold()).toEqual([1, 2, 3]);
  });

  it('follow an undo of a bulk edit of a few people to exactly those', async () => {
    for (const id of ['sam-lee', 'other']) await setTag(db, id, 'peer', true, NOW);
    told = [];
    const { undoId } = await bulkSetTagUndoable(db, ['sam-lee', 'other'], 'mentor', true, NOW);
    expect(await tabsTold()).toEqual([2]);
    await undo(db, undoId!, NOW);
    expect(await tabsTold()).toEqual([2]);
  });

  it('include a tab showing a URL the changed person was known under before', async () => {
    // Jane's contact under her old URL, open in tab 4; she renamed her URL and tab 1 opens the new one:
    // her contact moves there (one member id), and both tabs show her.
    const oldJane = person('jane-old', 'Jane Doe', MEMBER);
    await setTag(db, 'jane-old', 'mentor', true, NOW);
    await recordSeen(db, oldJane, NOW);
    await tabs.set(4, { profile: oldJane, frameToken: TOKEN }, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    told = [];
    await recordSeen(db, person('jane-doe', 'Jane Doe', MEMBER), NOW);
    expect(await tabsTold()).toEqual([1, 3, 4]);
    // Tab 4's URL is now only a former id of the contact under jane-doe.
    expect(await db.contacts.get('jane-old')).toBeUndefined();
    await setNote(db, 'jane-doe', 'After the move', NOW);
    expect(await tabsTold()).toEqual([1, 3, 4]);
  });

  it('follow another browser’s changes merged in by sync', async () => {
    const other = freshDB();
    await other.settings.put({ key: SYNC_SETTINGS.node, value: 'bbbb' });
    await setSyncEnabled(other, true, NOW);
    await db.settings.put({ key: SYNC_SETTINGS.node, value: 'aaaa' });
    await setSyncEnabled(db, true, NOW);
    await new Promise((resolve) => setTimeout(resolve, 20));
    told = [];
    await setTag(other, 'sam-lee', 'peer', true, new Date().toISOString());
    // (The other browser's database has the same name here, in the same process: its own write counts too.)
    await new Promise((resolve) => setTimeout(resolve, 20));
    told = [];
    const { items } = encodeState(await readSyncState(other));
    await applyRemoteState(db, decodeItems(JSON.parse(JSON.stringify(items)) as Record<string, unknown>));
    expect(await tabsTold()).toEqual([2]);
    other.close();
  });
});

describe('tabsShowing', () => {
  it('answers from the bindings alone, whatever is stored', async () => {
    const changed: Changed = new Set(['sam-lee']);
    expect(await tabsShowing(db, tabs, changed)).toEqual([2]);
    expect((await tabsShowing(db, tabs, 'everyone')).sort()).toEqual([1, 2, 3]);
    expect(await tabsShowing(db, tabs, new Set(['nobody']))).toEqual([]);
  });
});
