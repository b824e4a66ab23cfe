import { type Contact, newContact, tagField } from '../model/contact';
import { type Hlc, clockOfTime, hlc, hlcSeconds, maxHlc, newNodeId, wallSeconds } from '../model/sync-clock';
import {
  CONTACT_SYNC_FIELDS,
  type FieldContext,
  type SyncField,
  type SyncableContact,
  type SyncableTag,
  TAG_SYNC_FIELDS,
  changedRegisters,
  registersOf,
} from '../model/sync-fields';
import {
  DELETED,
  type Register,
  type SyncRecord,
  type SyncState,
  emptyState,
  pruneTombstones,
  splitKey,
} from '../model/sync-state';
import { DEFAULT_TAXONOMY, type Tag } from '../model/taxonomy';
import { contactProblems } from '../formats/contact-record';
import { INSTALLED_AT, type KindredDB } from './db';
import { deleteAll } from './store';
import {
  SYNC_SETTINGS,
  type SyncClockRow,
  clockRow,
  contactClockKey,
  leaveUnclocked,
  tagClockKey,
} from './sync-clocks';

/**
 * The database side of sync: turning it on and off, the sync state of this browser (what
 * lib/model/sync-encode.ts writes into storage.sync) and applying another browser's state, in one
 * transaction, never undoing a newer local edit. The browser side is entrypoints/background.ts with
 * its adapter.
 */

/** What the options page shows about sync. */
export interface SyncStatus {
  lastSyncAt?: string;
  bytesUsed?: number;
  quotaBytes?: number;
  /** What the last merge of another browser's changes did here. */
  lastMerge?: MergeSummary;
  /** What stays on this computer. */
  contactsLeft?: number;
  notesLeft?: number;
  tagsLeft?: number;
  /** The last error writing to storage.sync (e.g. the quota), if the last write failed. */
  error?: string;
}

export interface MergeSummary {
  at: string;
  /** Contacts whose tags, name, corrections, note or touches changed. */
  contacts: number;
  /** Contacts deleted because another browser deleted them. */
  removed: number;
  tags: number;
  /** Which synced fields changed (`tags`, `note`…). */
  fields: string[];
  /** Another browser deleted everything in every browser. */
  wiped: boolean;
}

export async function isSyncEnabled(db: KindredDB): Promise<boolean> {
  return (await db.settings.get(SYNC_SETTINGS.enabled))?.value === true;
}

export async function getSyncStatus(db: KindredDB): Promise<SyncStatus & { enabled: boolean }> {
  const [enabled, status] = await db.settings.bulkGet([SYNC_SETTINGS.enabled, SYNC_SETTINGS.status]);
  return { ...((status?.value as SyncStatus | undefined) ?? {}), enabled: enabled?.value === true };
}

export async function updateSyncStatus(db: KindredDB, changes: Partial<SyncStatus>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const status = ((await db.settings.get(SYNC_SETTINGS.status))?.value as SyncStatus | undefined) ?? {};
    const next: SyncStatus = { ...status, ...changes };
    for (const key of Object.keys(next) as Array<keyof SyncStatus>) if (next[key] === undefined) delete next[key];
    await db.settings.put({ key: SYNC_SETTINGS.status, value: next });
  });
}

/**
 * Turns sync on or off in this browser. Turning it on gives this browser its replica id and gives
 * what the person already tagged, named, corrected or wrote a clock from when it last changed, so it
 * merges fairly with what other browsers hold. Turning it off forgets the clocks (local data stays).
 */
export async function setSyncEnabled(db: KindredDB, on: boolean, now = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.syncClocks], async () => {
    leaveUnclocked();
    if (!on) {
      await db.syncClocks.clear();
      await db.settings.bulkDelete([SYNC_SETTINGS.enabled, SYNC_SETTINGS.status]);
      return;
    }
    let node = (await db.settings.get(SYNC_SETTINGS.node))?.value;
    if (typeof node !== 'string') {
      node = newNodeId();
      await db.settings.put({ key: SYNC_SETTINGS.node, value: node });
    }
    await seedClocks(db, node as string, now);
    await db.settings.put({ key: SYNC_SETTINGS.enabled, value: true });
  });
}

/**
 * Clocks for what was written while sync was off: each record's from when it last changed, or all
 * `fixed` (after a wipe: this browser's data becomes what every browser holds). Run inside a
 * transaction over contacts, taxonomy, settings and syncClocks.
 */
export async function seedClocks(db: KindredDB, node: string, now: string, fixed?: Hlc): Promise<void> {
  const existing = new Set((await db.syncClocks.toCollection().primaryKeys()) as string[]);
  const rows: SyncClockRow[] = [];
  let last = 0;
  const installed = (await db.settings.get(INSTALLED_AT))?.value;
  const tagClock = fixed ?? clockOfTime(typeof installed === 'string' ? installed : now, node);
  const defaults = new Map(DEFAULT_TAXONOMY.map((tag) => [tag.id, { ...tag, label: '', description: '' }]));
  for (const tag of (await db.taxonomy.toArray()).map((t) => asStored(db, t))) {
    if (existing.has(tagClockKey(tag.id))) continue;
    const registers = changedRegisters(TAG_SYNC_FIELDS, defaults.get(tag.id), tag);
    if (registers.size === 0) continue;
    const clocks = Object.fromEntries([...registers.keys()].map((k) => [k, tagClock]));
    rows.push(clockRow(TAG_SYNC_FIELDS, tagClockKey(tag.id), clocks, tag));
    last = Math.max(last, hlcSeconds(tagClock));
  }
  await db.contacts.each((contact) => {
    if (contact.purposes.length === 0 && contact.relationships.length === 0) return;
    if (existing.has(contactClockKey(contact.id))) return;
    const clock = fixed ?? clockOfTime(contact.updatedAt, node);
    const registers = changedRegisters(CONTACT_SYNC_FIELDS, undefined, contact as SyncableContact);
    const clocks = Object.fromEntries([...registers.keys()].map((k) => [k, clock]));
    rows.push(clockRow(CONTACT_SYNC_FIELDS, contactClockKey(contact.id), clocks, contact as SyncableContact));
    last = Math.max(last, hlcSeconds(clock));
  });
  await db.syncClocks.bulkPut(rows);
  const stored = (await db.settings.get(SYNC_SETTINGS.last))?.value;
  await db.settings.put({ key: SYNC_SETTINGS.last, value: Math.max(last, typeof stored === 'number' ? stored : 0) });
}

/**
 * A tag as stored: a default tag's label and description read in the browser's language (the database
 * fills them in on reading) are empty again, so they never travel as the person's edits.
 */
function asStored(db: KindredDB, tag: Tag): Tag {
  const shown = db.defaultTaxonomy().find((t) => t.id === tag.id);
  const english = DEFAULT_TAXONOMY.find((t) => t.id === tag.id);
  if (!shown && !english) return tag;
  const blank = (field: 'label' | 'description') =>
    tag[field] === shown?.[field] || tag[field] === english?.[field] ? '' : tag[field];
  return { ...tag, label: blank('label'), description: blank('description') };
}

/** This browser's sync state: every synced tag and contact with its clocks (deletions past their time dropped). */
export async function readSyncState(db: KindredDB, now = Date.now()): Promise<SyncState> {
  return db.transaction('r', [db.settings, db.syncClocks], async () => {
    const state = emptyState();
    const wipe = (await db.settings.get(SYNC_SETTINGS.wipe))?.value;
    if (typeof wipe === 'string') state.wipe = wipe;
    for (const row of await db.syncClocks.toArray()) {
      const record: SyncRecord = {};
      for (const key in row.clocks) {
        const c = row.clocks[key]!;
        if (key === DELETED) record[key] = { v: true, c };
        else if (row.values[key] !== undefined) record[key] = { v: row.values[key], c };
      }
      if (Object.keys(record).length > 0)
        state[row.key.startsWith('t:') ? 'tags' : 'contacts'][row.key.slice(2)] = record;
    }
    pruneTombstones(state, wallSeconds(now), hlcSeconds);
    return state;
  });
}

/** The registers of `remote` that are news here: later than this browser's clock for them and not voided. */
function newsOf(local: Record<string, Hlc>, remote: SyncRecord, floor: Hlc | undefined): string[] {
  const news: string[] = [];
  for (const key in remote) {
    const c = remote[key]!.c;
    if (key === DELETED) continue;
    if (floor !== undefined && c <= floor) continue;
    if (local[key] === undefined || c > local[key]) news.push(key);
  }
  return news;
}

function applyRegisters<R>(
  fields: Record<string, SyncField<R>>,
  draft: R,
  registers: Array<[string, Register]>,
  context: FieldContext,
): string[] {
  const applied: string[] = [];
  const sets = new Map<string, Map<string, boolean>>();
  for (const [key, register] of registers) {
    const [name, element] = splitKey(key);
    const field = fields[name];
    if (!field) continue;
    if (field.kind === 'lww') {
      if (element !== undefined) continue;
      field.apply(draft, register.v);
      applied.push(key);
    } else if (element !== undefined) {
      if (field.accepts && !field.accepts(element, context)) continue;
      const changes = sets.get(name) ?? new Map<string, boolean>();
      changes.set(element, register.v === true);
      sets.set(name, changes);
      applied.push(key);
    }
  }
  for (const [name, changes] of sets) {
    const field = fields[name] as Extract<SyncField<R>, { kind: 'set' }>;
    const elements = new Set(field.read(draft));
    for (const [element, on] of changes) {
      if (on) elements.add(element);
      else elements.delete(element);
    }
    field.apply(draft, [...elements], context);
  }
  return applied;
}

const NEW_TAG_COLOR = '#4a5568';

/**
 * Merges another browser's state into this database, in one transaction: each synced field takes the
 * other browser's value only where its clock is later than this browser's; a deletion removes a
 * contact only when it is later than every synced edit here; "delete everything in every browser"
 * deletes everything here (a snapshot is kept, as for a local delete-all). Tags this browser does not
 * know yet wait (their clocks are not recorded, so they apply when the tag arrives).
 */
export async function applyRemoteState(db: KindredDB, remote: SyncState, now = new Date()): Promise<MergeSummary> {
  const nowIso = now.toISOString();
  return db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.syncClocks, db.snapshot], async () => {
    leaveUnclocked();
    const summary: MergeSummary = { at: nowIso, contacts: 0, removed: 0, tags: 0, fields: [], wiped: false };
    const fields = new Set<string>();
    let maxSeconds = 0;
    const seen = (c: Hlc) => (maxSeconds = Math.max(maxSeconds, hlcSeconds(c)));

    let wipe = (await db.settings.get(SYNC_SETTINGS.wipe))?.value as Hlc | undefined;
    if (remote.wipe !== undefined && (wipe === undefined || remote.wipe > wipe)) {
      // deleteAll keeps only the install date: sync stays on, with this browser's id.
      const kept = await db.settings.bulkGet([SYNC_SETTINGS.enabled, SYNC_SETTINGS.node, SYNC_SETTINGS.last]);
      await deleteAll(db, nowIso);
      await db.syncClocks.clear();
      await db.settings.bulkPut(kept.filter((row) => row !== undefined));
      await db.settings.put({ key: SYNC_SETTINGS.wipe, value: remote.wipe });
      summary.wiped = true;
      wipe = remote.wipe;
      seen(remote.wipe);
    }

    // The taxonomy first: contacts' tags need to know their tags.
    const tagIds = Object.keys(remote.tags);
    const tagRows = await db.syncClocks.bulkGet(tagIds.map(tagClockKey));
    const tags = await db.taxonomy.bulkGet(tagIds);
    const tagPuts: Tag[] = [];
    const rowPuts: SyncClockRow[] = [];
    tagIds.forEach((id, i) => {
      const clocks = tagRows[i]?.clocks ?? {};
      const record = remote.tags[id]!;
      const news = newsOf(clocks, record, wipe);
      if (news.length === 0) return;
      const dimension = tags[i]?.dimension ?? record.dimension?.v;
      if (dimension !== 'purpose' && dimension !== 'relationship') return;
      const draft: SyncableTag = tags[i]
        ? { ...tags[i] }
        : { id, dimension, label: '', description: '', color: NEW_TAG_COLOR, order: 1000, archived: false };
      const applied = applyRegisters(
        TAG_SYNC_FIELDS,
        draft,
        news.map((key) => [key, record[key]!]),
        { tagField: () => undefined },
      );
      if (applied.length === 0) return;
      const next = { ...clocks };
      for (const key of applied) next[key] = record[key]!.c;
      for (const key of applied) seen(record[key]!.c);
      tagPuts.push(draft);
      rowPuts.push(clockRow(TAG_SYNC_FIELDS, tagClockKey(id), next, asStored(db, draft)));
      summary.tags++;
    });
    await db.taxonomy.bulkPut(tagPuts);

    const dimensions = new Map((await db.taxonomy.toArray()).map((tag) => [tag.id, tagField(tag.dimension)]));
    const context: FieldContext = { tagField: (id) => dimensions.get(id) };

    const contactIds = Object.keys(remote.contacts);
    const contactRows = await db.syncClocks.bulkGet(contactIds.map(contactClockKey));
    const contacts = await db.contacts.bulkGet(contactIds);
    const contactPuts: Contact[] = [];
    const contactDeletes: string[] = [];
    contactIds.forEach((id, i) => {
      const clocks = contactRows[i]?.clocks ?? {};
      const record = remote.contacts[id]!;
      const localDeleted = clocks[DELETED];
      const remoteDeleted = record[DELETED]?.c;
      const deleted = maxHlc(localDeleted, remoteDeleted);
      const newDeletion = remoteDeleted !== undefined && (localDeleted === undefined || remoteDeleted > localDeleted);
      const floor = maxHlc(deleted, wipe);
      const news = newsOf(clocks, record, floor);
      if (!newDeletion && news.length === 0) return;
      const existing = contacts[i] as SyncableContact | undefined;
      /** The contact as stored after this merge, whose values the clock row keeps. */
      let stored = newDeletion ? undefined : existing;
      let next: Record<string, Hlc> = { ...clocks };
      let draft: SyncableContact | undefined = existing ? structuredClone(existing) : undefined;
      let registers: Array<[string, Register]> = news.map((key) => [key, record[key]!]);
      if (newDeletion) {
        seen(remoteDeleted);
        next = { [DELETED]: remoteDeleted };
        // What this browser wrote after the deletion lives on, over a fresh contact.
        const keep = existing ? registersOf(CONTACT_SYNC_FIELDS, existing) : new Map<string, unknown>();
        const byKey = new Map(registers);
        for (const [key, c] of Object.entries(clocks)) {
          if (key === DELETED || c <= remoteDeleted || (byKey.get(key)?.c ?? '') > c) continue;
          byKey.set(key, { v: keep.get(key) ?? false, c });
        }
        registers = [...byKey];
        draft = undefined;
        if (existing) summary.removed++;
      }
      if (registers.length > 0) {
        draft ??= newContact(id, nowIso);
        const applied = applyRegisters(CONTACT_SYNC_FIELDS, draft, registers, context);
        for (const key of applied) {
          const register = registers.find(([k]) => k === key)![1];
          next[key] = register.c;
          seen(register.c);
          fields.add(splitKey(key)[0]);
        }
        const tagged = draft.purposes.length > 0 || draft.relationships.length > 0;
        if (applied.length > 0 && (existing || tagged)) {
          draft.updatedAt = nowIso;
          if (contactProblems(draft).length > 0) return; // a value this version cannot store: left for later
          contactPuts.push(draft);
          stored = draft;
          if (!newDeletion || !existing) summary.contacts++;
        } else if (newDeletion && existing) contactDeletes.push(id);
      } else if (newDeletion && existing) contactDeletes.push(id);
      rowPuts.push(clockRow(CONTACT_SYNC_FIELDS, contactClockKey(id), next, stored));
    });
    await db.contacts.bulkDelete(contactDeletes);
    await db.contacts.bulkPut(contactPuts);
    await db.syncClocks.bulkPut(rowPuts);
    const last = (await db.settings.get(SYNC_SETTINGS.last))?.value;
    await db.settings.put({
      key: SYNC_SETTINGS.last,
      value: Math.max(maxSeconds, typeof last === 'number' ? last : 0),
    });
    summary.fields = [...fields].sort();
    return summary;
  });
}

/**
 * Deletes everything here, and with `everywhere` in every browser that syncs: a wipe clock other
 * browsers apply as their own delete-all. Only here, with sync on: sync is turned off in this browser
 * (otherwise the other browsers would send everything back).
 */
export async function deleteAllSynced(db: KindredDB, everywhere: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.syncClocks, db.snapshot], async () => {
    leaveUnclocked();
    const [enabled, node, last] = await db.settings.bulkGet([
      SYNC_SETTINGS.enabled,
      SYNC_SETTINGS.node,
      SYNC_SETTINGS.last,
    ]);
    await deleteAll(db, now.toISOString());
    await db.syncClocks.clear();
    if (enabled?.value !== true) return;
    if (!everywhere) return; // deleteAll removed the setting: sync is off here now
    const seconds = Math.max(wallSeconds(now.getTime()), (typeof last?.value === 'number' ? last.value : 0) + 1);
    const wipe = hlc(seconds, String(node?.value));
    await db.settings.bulkPut([
      { key: SYNC_SETTINGS.enabled, value: true },
      { key: SYNC_SETTINGS.node, value: node?.value },
      { key: SYNC_SETTINGS.last, value: seconds },
      { key: SYNC_SETTINGS.wipe, value: wipe },
    ]);
  });
}
