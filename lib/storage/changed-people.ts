import Dexie, { type IntervalTree, type ObservabilitySet, RangeSet } from 'dexie';
import { coalesced } from './coalesced';
import type { KindredDB } from './db';
import { currentContactId } from './former-ids';
import type { TabProfiles } from './tab-profiles';

/**
 * An open panel shows what is stored, whatever changed it. The background tells the tabs that show a
 * person whose stored data changed to look again; their panel (or a list card's popover) reads the person
 * again (components/panel/TagPanel.tsx, `lookAgain`).
 *
 * Where the changes come from: Dexie's `storagemutated` event, which Dexie fires in the background for
 * every committed transaction of the background's own (its liveQuery is built on it), with the keys each
 * one wrote. The background is the database's only writer, so that is every change, whoever made it:
 * the handler's operations (panel, popup, options page: contacts table, bulk edits, review, undo,
 * delete-all), an import over its port, another browser's state merged by sync, and any operation added
 * later, without each writer having to say which people it touched. It names both people of a move or a
 * merge. A write of many contacts at once (Dexie then names no keys), a cleared table or any change to
 * the taxonomy (labels, colours, rhythms the panel shows) counts as a change to everyone. Dexie's
 * cross-context propagation is not needed: the writes happen here.
 *
 * What the tabs are told: nothing but "look again" (lib/protocol/panel-notices.ts), and only the tabs bound
 * to a changed person (lib/storage/tab-profiles.ts), so no tab learns that someone else changed; the
 * message also reaches the tab's content script, which ignores it. The tab whose own panel wrote is told
 * too: its re-read waits behind that panel's own saves (its messages go in order) and is dropped when the
 * panel saved something since, and the note keeps what the person typed and has not saved.
 */
export type Changed = ReadonlySet<string> | 'everyone';

/**
 * The people (contact ids) a committed transaction in the database `dbName` changed, `'everyone'`, or
 * null when it changed nothing a panel shows (settings, sync clocks, another database such as the tabs').
 */
export function changedPeople(parts: ObservabilitySet, dbName: string): Changed | null {
  let ids: Set<string> | null = null;
  for (const [part, tree] of Object.entries(parts)) {
    if (part.startsWith(`idb://${dbName}/taxonomy/`) && !isEmpty(tree)) return 'everyone';
    // The primary key's part: the ids written. Index parts (`…/contacts/memberId`) hold index values.
    if (part !== `idb://${dbName}/contacts/`) continue;
    for (const { from, to } of RangeSet(tree)) {
      if (typeof from !== 'string' || from !== to) return 'everyone';
      (ids ??= new Set()).add(from);
    }
  }
  return ids;
}

const isEmpty = (tree: IntervalTree) => !('from' in tree);

export function mergeChanged(a: Changed | null, b: Changed): Changed {
  if (a === null) return b;
  if (a === 'everyone' || b === 'everyone') return 'everyone';
  return new Set([...a, ...b]);
}

/**
 * The tabs whose binding is one of the changed people: the profile the tab shows, or the person stored
 * under the URL the tab shows (a URL they were known under before, lib/storage/former-ids.ts).
 */
export async function tabsShowing(db: KindredDB, tabs: TabProfiles, changed: Changed): Promise<number[]> {
  const bound = await tabs.all();
  if (changed === 'everyone') return bound.map(({ tabId }) => tabId);
  const told: number[] = [];
  for (const { tabId, profile } of bound) {
    if (changed.has(profile.id) || changed.has(await currentContactId(db, profile.id, profile.memberId))) {
      told.push(tabId);
    }
  }
  return told;
}

/**
 * Follows the database's committed changes and calls `tell` for each tab that shows a changed person.
 * Changes arriving while the tabs are being looked up are gathered into one more look-up. Returns the
 * function that stops following.
 */
export function watchChangedPeople(
  db: () => KindredDB,
  tabs: () => TabProfiles,
  tell: (tabId: number) => Promise<unknown>,
): () => void {
  let pending: Changed | null = null;
  const lookUp = coalesced(async () => {
    const changed = pending;
    pending = null;
    if (changed === null) return;
    for (const tabId of await tabsShowing(db(), tabs(), changed)) {
      // A tab without a listener (still loading, or its frame gone) has nothing stale to show.
      void tell(tabId).catch(() => undefined);
    }
  }, console.error);
  const listener = (parts: ObservabilitySet) => {
    const changed = changedPeople(parts, db().name);
    if (changed === null) return;
    pending = mergeChanged(pending, changed);
    void lookUp();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
