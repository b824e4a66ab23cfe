import { takeSnapshot } from './snapshot';
import {
  type Contact,
  type CorrectableField,
  LIMITS,
  type PageValues,
  type SeenProfile,
  contactUrl,
  isCorrected,
  isNameOnlyId,
  nameOnlyId,
  newContact,
  orderedPageValues,
  tagField,
} from '../model/contact';
import { cutText } from '../model/text';
import { type HealthField, type Reading, addReading } from '../model/layout-health';
import { INSTALLED_AT, type KindredDB } from './db';
import { type KindredExport, buildExport } from '../formats/export-format';
import { companySpread } from '../model/company-spread';
import { reconnectCutoff, reconnectList, reconnectTagIds } from '../model/reconnect';
import { TAG_SUMMARY } from './tag-summary-middleware';
import { type TagSummary, tagSummaryFromIds } from '../model/tag-summary';
import { type Tag, tagsOf } from '../model/taxonomy';

/**
 * Database operations. Each is one small change in one transaction ("add tag X to contact Y"),
 * never a whole-record overwrite, so two tabs tagging the same person at once both land.
 */

/** What the panel needs to show one contact. */
export interface ContactView {
  /** Null when the contact has never been stored. */
  contact: Contact | null;
  /** Tags the panel offers, in display order (archived tags are not offered). */
  taxonomy: Tag[];
  panelCollapsed: boolean;
  /**
   * An imported contact with this profile's name and no profile URL, which may be the same person:
   * the panel asks (answerNamesake). Left out when there is none or the person said "No".
   */
  namesake?: { id: string; name: string };
  /** True right after the person merged a namesake into this contact, while undoNamesake can undo it. */
  canUndoNamesake?: boolean;
}

export class StoreError extends Error {}

const PANEL_COLLAPSED = 'panelCollapsed';
const LAST_EXPORT_AT = 'lastExportAt';

export async function getContact(db: KindredDB, contactId: string): Promise<ContactView> {
  return db.transaction('r', db.contacts, db.taxonomy, db.settings, async () => {
    const [contact, taxonomy, collapsed, merge] = await Promise.all([
      db.contacts.get(contactId),
      db.taxonomy.toArray(),
      db.settings.get(PANEL_COLLAPSED),
      db.settings.get(LAST_NAMESAKE_MERGE),
    ]);
    const namesake = await namesakeOf(db, contact);
    const last = merge?.value as { contact: Contact; mergedAt: string } | undefined;
    return {
      contact: contact ?? null,
      taxonomy: [...tagsOf(taxonomy, 'purpose'), ...tagsOf(taxonomy, 'relationship')],
      panelCollapsed: collapsed?.value === true,
      ...(namesake && { namesake: { id: namesake.id, name: namesake.name || contact!.name } }),
      ...(last?.contact.id === contactId && contact?.updatedAt === last.mergedAt && { canUndoNamesake: true }),
    };
  });
}

/** Records that a profile was opened: creates the contact or refreshes what the page showed. */
export async function recordSeen(db: KindredDB, seen: SeenProfile, now: string): Promise<ContactView> {
  // Any URL of the profile (a country subdomain, a query) is stored as the canonical one of its id.
  const profile = { ...seen, url: contactUrl(seen.id) };
  await db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.get(profile.id);
    // Never merged with anyone here: a contact imported under the same name may be a namesake or an
    // impostor. The panel asks the person (`namesake` in the view, answered by answerNamesake).
    if (!existing) {
      await db.contacts.add(newContact(profile.id, now, { ...profile, lastSeenAt: now }));
      return;
    }
    // A field the page did not show this time (markup changed, still loading) keeps its old value.
    const changes: Partial<Contact> = { lastSeenAt: now };
    // The member id too. Another contact with the same member id (the person changed their URL) is
    // left alone here: two contacts that are one person are offered for merging, never merged unasked.
    const pageValues: PageValues = { ...existing.pageValues };
    for (const field of ['url', 'name', 'headline', 'company', 'location', 'memberId'] as const) {
      const value = profile[field];
      if (!value) continue;
      // A field the person corrected keeps the correction; only what the page shows is updated.
      if (field !== 'url' && field !== 'location' && field !== 'memberId' && isCorrected(existing, field)) {
        pageValues[field] = value;
      } else if (value !== existing[field]) changes[field] = value;
    }
    if (existing.pageValues && JSON.stringify(pageValues) !== JSON.stringify(existing.pageValues)) {
      changes.pageValues = pageValues;
    }
    if (Object.keys(changes).length > 1) changes.updatedAt = now;
    await db.contacts.update(profile.id, changes);
  });
  return getContact(db, profile.id);
}

/**
 * The person's correction of a field the page got wrong (`value`), or, with null, LinkedIn's value
 * again ("Use LinkedIn's"). A correction stays until then: later visits update only the page value.
 */
export async function correctField(
  db: KindredDB,
  contactId: string,
  field: CorrectableField,
  value: string | null,
  now: string,
): Promise<ContactView> {
  await db.transaction('rw', db.contacts, async () => {
    const contact = (await db.contacts.get(contactId)) ?? newContact(contactId, now);
    const pageValues: PageValues = { ...contact.pageValues };
    if (value === null) {
      if (!isCorrected(contact, field)) return;
      contact[field] = pageValues[field]!;
      delete pageValues[field];
    } else {
      if (isCorrected(contact, field) && contact[field] === value) return;
      if (!isCorrected(contact, field)) {
        if (contact[field] === value) return; // what the page shows already: nothing to correct
        pageValues[field] = contact[field];
      }
      contact[field] = value;
    }
    const ordered = orderedPageValues(pageValues);
    if (ordered) contact.pageValues = ordered;
    else delete contact.pageValues;
    contact.updatedAt = now;
    await db.contacts.put(contact);
  });
  return getContact(db, contactId);
}

/**
 * A contact imported without a profile URL, under the name this profile shows, when exactly one has
 * it: perhaps the same person, perhaps a namesake. Offered to the person, never merged unasked.
 */
async function uniqueNameOnlyContact(db: KindredDB, name: string): Promise<Contact | undefined> {
  if (!name) return undefined;
  const id = nameOnlyId(name);
  const [first, second] = await db.contacts.bulkGet([id, `${id}#2`]);
  return first && !second ? first : undefined;
}

/** The settings key that remembers "No, not the same person" for a profile and a name-only contact. */
const notSameKey = (contactId: string, namesakeId: string) => `notSame:${contactId} ${namesakeId}`;

/** The name-only contact the panel asks about for this profile's contact, if any and not answered "No". */
async function namesakeOf(db: KindredDB, contact: Contact | undefined): Promise<Contact | undefined> {
  if (!contact || isNameOnlyId(contact.id)) return undefined;
  const namesake = await uniqueNameOnlyContact(db, contact.name);
  if (!namesake || (await db.settings.get(notSameKey(contact.id, namesake.id)))) return undefined;
  return namesake;
}

/**
 * The person's answer to "Is this the <name> from your LinkedIn export?". Yes moves the imported
 * contact's tags, note and connection date to the profile's contact (and can be undone); No is
 * remembered for this pair. Only the name-only contact the panel offers may be named.
 */
export async function answerNamesake(
  db: KindredDB,
  contactId: string,
  namesakeId: string,
  same: boolean,
  now: string,
): Promise<ContactView> {
  await db.transaction('rw', db.contacts, db.settings, async () => {
    const contact = await db.contacts.get(contactId);
    const namesake = await namesakeOf(db, contact);
    if (!contact || !namesake || namesake.id !== namesakeId) {
      throw new StoreError('This contact is not offered for merging any more.');
    }
    if (!same) {
      await db.settings.put({ key: notSameKey(contactId, namesakeId), value: true });
      return;
    }
    await db.settings.put({ key: LAST_NAMESAKE_MERGE, value: { contact, namesake, mergedAt: now } });
    await db.contacts.delete(namesake.id);
    await db.contacts.put(mergeNamesake(contact, namesake, now));
  });
  return getContact(db, contactId);
}

/** What the person kept about the imported contact, added to the profile's contact. */
function mergeNamesake(contact: Contact, namesake: Contact, now: string): Contact {
  const merged: Contact = {
    ...contact,
    purposes: [...new Set([...contact.purposes, ...namesake.purposes])],
    relationships: [...new Set([...contact.relationships, ...namesake.relationships])],
    // Both notes kept, the profile's first, within the note's limit.
    note:
      contact.note && namesake.note && namesake.note !== contact.note
        ? cutText(`${contact.note}\n\n${namesake.note}`, LIMITS.note)
        : contact.note || namesake.note,
    headline: contact.headline || namesake.headline,
    company: contact.company || namesake.company,
    createdAt: namesake.createdAt < contact.createdAt ? namesake.createdAt : contact.createdAt,
    updatedAt: now,
  };
  if (!merged.connectedOn && !merged.connectedOnText) {
    if (namesake.connectedOn) merged.connectedOn = namesake.connectedOn;
    else if (namesake.connectedOnText) merged.connectedOnText = namesake.connectedOnText;
  }
  if (!merged.source && namesake.source) merged.source = namesake.source;
  return merged;
}

const LAST_NAMESAKE_MERGE = 'lastNamesakeMerge';

/**
 * Undoes the last "Yes, the same person" for this contact: both contacts as they were before, as
 * long as neither was changed since (then undoing would lose that change, and is refused).
 */
export async function undoNamesake(db: KindredDB, contactId: string, now: string): Promise<ContactView> {
  await db.transaction('rw', db.contacts, db.settings, async () => {
    const last = (await db.settings.get(LAST_NAMESAKE_MERGE))?.value as
      { contact: Contact; namesake: Contact; mergedAt: string } | undefined;
    const current = await db.contacts.get(contactId);
    if (!last || last.contact.id !== contactId || !current || current.updatedAt !== last.mergedAt) {
      throw new StoreError('This merge can no longer be undone: the contact was changed since.');
    }
    if (await db.contacts.get(last.namesake.id)) {
      throw new StoreError('This merge can no longer be undone: the imported contact exists again.');
    }
    await db.contacts.put({ ...last.contact, updatedAt: now });
    await db.contacts.add(last.namesake);
    await db.settings.delete(LAST_NAMESAKE_MERGE);
  });
  return getContact(db, contactId);
}

/** Puts one tag on one contact, or takes it off. The contact is created if it does not exist yet. */
export async function setTag(
  db: KindredDB,
  contactId: string,
  tagId: string,
  on: boolean,
  now: string,
): Promise<ContactView> {
  await db.transaction('rw', db.contacts, db.taxonomy, async () => {
    const tag = await db.taxonomy.get(tagId);
    if (!tag) throw new StoreError(`Unknown tag "${tagId}".`);
    if (on && tag.archived) throw new StoreError(`Tag "${tag.label}" is archived.`);
    const field = tagField(tag.dimension);
    const contact = (await db.contacts.get(contactId)) ?? newContact(contactId, now);
    if (contact[field].includes(tagId) === on) return;
    contact[field] = on ? [...contact[field], tagId] : contact[field].filter((id) => id !== tagId);
    contact.updatedAt = now;
    await db.contacts.put(contact);
  });
  return getContact(db, contactId);
}

export async function setNote(db: KindredDB, contactId: string, note: string, now: string): Promise<ContactView> {
  await db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) {
      await db.contacts.add(newContact(contactId, now, { note }));
    } else if (contact.note !== note) {
      await db.contacts.update(contactId, { note, updatedAt: now });
    }
  });
  return getContact(db, contactId);
}

export async function setPanelCollapsed(db: KindredDB, collapsed: boolean): Promise<void> {
  await db.settings.put({ key: PANEL_COLLAPSED, value: collapsed });
}

/**
 * Every contact, tag and note gone; the default tags come back. Kept: when Kindred was installed, and a
 * snapshot of everything that was here (./snapshot.ts), so it can be restored.
 */
export async function deleteAll(db: KindredDB, now = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.snapshot], async () => {
    await takeSnapshot(db, 'delete-all', now);
    await db.contacts.clear();
    await db.taxonomy.clear();
    await db.taxonomy.bulkAdd(db.defaultTaxonomy().map((tag) => ({ ...tag })));
    await db.settings.where('key').notEqual(INSTALLED_AT).delete();
  });
}

export async function recordExport(db: KindredDB, now: string): Promise<void> {
  await db.settings.put({ key: LAST_EXPORT_AT, value: now });
}

/**
 * Since when the data has not been backed up: the last export or, before the first one, the day
 * Kindred was installed.
 */
export async function unsavedSince(db: KindredDB): Promise<string> {
  const [exported, installed] = await db.settings.bulkGet([LAST_EXPORT_AT, INSTALLED_AT]);
  const value = exported?.value ?? installed?.value;
  return typeof value === 'string' ? value : '';
}

/**
 * The tag summary and the taxonomy, for the balance. The stored summary is one small read; when it
 * is missing (after an import, before the background has rebuilt it) it comes from the indexes.
 */
export async function loadTagSummary(db: KindredDB): Promise<{ summary: TagSummary; taxonomy: Tag[] }> {
  return db.transaction('r', db.contacts, db.taxonomy, db.settings, async () => {
    const [taxonomy, stored] = await Promise.all([db.taxonomy.toArray(), db.settings.get(TAG_SUMMARY)]);
    return { summary: (stored?.value as TagSummary | undefined) ?? (await tagSummaryFromIndexes(db)), taxonomy };
  });
}

/** Stores the tag summary when it is missing; the background calls it after its writes. */
export async function ensureTagSummary(db: KindredDB): Promise<void> {
  // Usually there: a read, without holding up writes.
  if (await db.settings.get(TAG_SUMMARY)) return;
  // One read-write transaction, so no write can slip in between reading the indexes and storing.
  await db.transaction('rw', db.contacts, db.settings, async () => {
    if (await db.settings.get(TAG_SUMMARY)) return;
    await db.settings.put({ key: TAG_SUMMARY, value: await tagSummaryFromIndexes(db) });
  });
}

/** Reads keys only: every tag id in the two multi-entry indexes, and the contacts under each. */
async function tagSummaryFromIndexes(db: KindredDB): Promise<TagSummary> {
  const idsByTag = new Map<string, string[]>();
  const read = async (index: 'purposes' | 'relationships') => {
    const tagIds = (await db.contacts.orderBy(index).uniqueKeys()) as string[];
    await Promise.all(
      tagIds.map(async (tagId) => {
        const ids = await db.contacts.where(index).equals(tagId).primaryKeys();
        idsByTag.set(tagId, [...(idsByTag.get(tagId) ?? []), ...ids]);
      }),
    );
  };
  const [known] = await Promise.all([db.contacts.count(), read('purposes'), read('relationships')]);
  return tagSummaryFromIds(known, idsByTag);
}

/**
 * The stored contact for each id, undefined where there is none. Imports call it with thousands of
 * ids: a key-only scan first, then only the contacts that exist are read, never thousands of misses.
 */
export async function existingContacts(db: KindredDB, ids: readonly string[]): Promise<Array<Contact | undefined>> {
  const stored = new Set(await db.contacts.toCollection().primaryKeys());
  const present = [...new Set(ids.filter((id) => stored.has(id)))];
  const found = new Map((await db.contacts.bulkGet(present)).map((contact, index) => [present[index]!, contact]));
  return ids.map((id) => found.get(id));
}

/** Everything, in the export format. */
export async function exportAll(db: KindredDB, now: Date): Promise<KindredExport> {
  return db.transaction('r', db.contacts, db.taxonomy, async () =>
    buildExport(await db.taxonomy.toArray(), await db.contacts.toArray(), now),
  );
}

/** Puts one tag on many contacts, or takes it off, in one transaction. Unknown contact ids are refused. */
export async function bulkSetTag(
  db: KindredDB,
  contactIds: readonly string[],
  tagId: string,
  on: boolean,
  now: string,
): Promise<{ changed: number }> {
  return db.transaction('rw', db.contacts, db.taxonomy, async () => {
    const tag = await db.taxonomy.get(tagId);
    if (!tag) throw new StoreError(`Unknown tag "${tagId}".`);
    if (on && tag.archived) throw new StoreError(`Tag "${tag.label}" is archived.`);
    const field = tagField(tag.dimension);
    const contacts = await db.contacts.bulkGet([...contactIds]);
    const missing = contactIds.filter((_, index) => !contacts[index]);
    if (missing.length > 0) throw new StoreError(`Unknown contact "${missing[0]}".`);
    const changed = (contacts as Contact[]).filter((c) => c[field].includes(tagId) !== on);
    for (const contact of changed) {
      contact[field] = on ? [...contact[field], tagId] : contact[field].filter((id) => id !== tagId);
      contact.updatedAt = now;
    }
    await db.contacts.bulkPut(changed);
    return { changed: changed.length };
  });
}

export async function deleteContact(db: KindredDB, contactId: string): Promise<void> {
  await db.contacts.delete(contactId);
}

export interface NewTag {
  dimension: Tag['dimension'];
  label: string;
  description: string;
  color: string;
}

/** Adds a custom tag at the end of its dimension; its id is made from the label and never changes. */
export async function addTag(db: KindredDB, fields: NewTag): Promise<Tag> {
  return db.transaction('rw', db.taxonomy, async () => {
    const all = await db.taxonomy.toArray();
    const base = slugify(fields.label) || 'tag';
    const ids = new Set(all.map((tag) => tag.id));
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    const order = Math.max(-1, ...all.filter((t) => t.dimension === fields.dimension).map((t) => t.order)) + 1;
    const tag: Tag = { id, ...fields, order, archived: false };
    await db.taxonomy.add(tag);
    return tag;
  });
}

export type TagChanges = Partial<Pick<Tag, 'label' | 'description' | 'color' | 'archived'>>;

/** Renames, recolours, archives or restores a tag. Contacts keep referring to it by id. */
export async function updateTag(db: KindredDB, tagId: string, changes: TagChanges): Promise<void> {
  const updated = await db.taxonomy.update(tagId, changes);
  if (updated === 0 && !(await db.taxonomy.get(tagId))) throw new StoreError(`Unknown tag "${tagId}".`);
}

/** Sets the display order of one dimension's tags; `ids` must list each of its tags once. */
export async function reorderTags(db: KindredDB, dimension: Tag['dimension'], ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.taxonomy, async () => {
    const current = (await db.taxonomy.toArray()).filter((tag) => tag.dimension === dimension).map((tag) => tag.id);
    if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every((id) => current.includes(id))) {
      throw new StoreError(`The new order must list every ${dimension} tag exactly once.`);
    }
    await Promise.all(ids.map((id, order) => db.taxonomy.update(id, { order })));
  });
}

/** "Book club!" → "book-club"; letters outside a–z are dropped (the id is never shown). */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export async function loadTaxonomy(db: KindredDB): Promise<Tag[]> {
  const taxonomy = await db.taxonomy.toArray();
  return [
    ...tagsOf(taxonomy, 'purpose', { includeArchived: true }),
    ...tagsOf(taxonomy, 'relationship', { includeArchived: true }),
  ];
}

/**
 * Contacts worth reconnecting with, the longest-unseen first, read through indexes: the tag indexes
 * say who matters for growth, the lastSeenAt index who is due and in what order, so only the
 * `limit` contacts shown are loaded whole.
 */
export async function loadReconnect(db: KindredDB, days: number, now: Date, limit = Infinity) {
  return db.transaction('r', db.contacts, db.taxonomy, async () => {
    const taxonomy = await db.taxonomy.toArray();
    const { purposes, relationships } = reconnectTagIds(taxonomy);
    const [byPurpose, byRelationship] = await Promise.all([
      db.contacts.where('purposes').anyOf(purposes).primaryKeys(),
      db.contacts.where('relationships').anyOf(relationships).primaryKeys(),
    ]);
    const matters = new Set([...byPurpose, ...byRelationship]);
    const cutoff = reconnectCutoff(days, now).toISOString();
    // In lastSeenAt order; never-opened contacts ('') come first.
    const due = (await db.contacts.where('lastSeenAt').below(cutoff).primaryKeys()).filter((id) => matters.has(id));
    const shown = (await db.contacts.bulkGet(due.slice(0, limit))).filter((c): c is Contact => c !== undefined);
    return { total: due.length, entries: reconnectList(shown, taxonomy, days, now) };
  });
}

/** The company of every contact, read from the company index alone. */
export async function loadCompanySpread(db: KindredDB) {
  return companySpread((await db.contacts.orderBy('company').keys()) as string[]);
}

const LAYOUT_HEALTH = 'layoutHealth';

/** The last profiles with a top card and the fields Kindred could not read on them (lib/model/layout-health.ts). */
export async function loadLayoutHealth(db: KindredDB): Promise<Reading[]> {
  const stored = (await db.settings.get(LAYOUT_HEALTH))?.value;
  return Array.isArray(stored) ? (stored as Reading[]) : [];
}

/** Counts one profile page's reading: the fields empty although it had a top card. */
export async function recordLayoutHealth(db: KindredDB, id: string, missing: readonly HealthField[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const readings = addReading(await loadLayoutHealth(db), { id, missing: [...missing] });
    await db.settings.put({ key: LAYOUT_HEALTH, value: readings });
  });
}
