import { takeSnapshot } from './snapshot';
import {
  type Contact,
  type PageValues,
  type SeenProfile,
  contactUrl,
  isCorrected,
  newContact,
  tagField,
} from '../model/contact';
import { INSTALLED_AT, type KindredDB } from './db';
import { type KindredExport, buildExport } from '../formats/export-format';
import { type ContactView, StoreError, getContact } from './contact-view';
import { exportExtras } from './network-review';
import { moveFormerContact } from './same-person';
import { contactByFormerId, releaseFormerId } from './former-ids';

/**
 * Database operations. Each is one small change in one transaction ("add tag X to contact Y"),
 * never a whole-record overwrite, so two tabs tagging the same person at once both land.
 * The rest are by concern: ./contact-view.ts (what the panel shows), ./namesakes.ts (namesakes and
 * corrections), ./taxonomy-store.ts (tags), ./page-reads.ts (the reads behind the pages).
 */

const LAST_EXPORT_AT = 'lastExportAt';

/** Records that a profile was opened: creates the contact or refreshes what the page showed. */
export async function recordSeen(db: KindredDB, seen: SeenProfile, now: string): Promise<ContactView> {
  // Any URL of the profile (a country subdomain, a query) is stored as the canonical one of its id.
  const profile = { ...seen, url: contactUrl(seen.id) };
  await db.transaction('rw', db.contacts, db.settings, async () => {
    const stored = await db.contacts.get(profile.id);
    // The page shows who has this URL now: a contact of another member that was known under it forgets it.
    if (!stored && profile.memberId) await releaseFormerId(db, profile.id, profile.memberId);
    // An old URL of a person Kindred keeps under their new one (./former-ids.ts): that contact, never a
    // second one under the old URL. Only the visit is recorded, unless the page shows the person's member
    // id: a page without one (logged out, still loading) may show someone LinkedIn gave the URL to.
    const former = stored ? undefined : await contactByFormerId(db, profile.id, profile.memberId);
    if (former) {
      const confirmed = !!profile.memberId && profile.memberId === former.memberId;
      await updateSeen(db, former, confirmed ? { ...profile, id: former.id, url: former.url } : undefined, now);
      return;
    }
    // A person who changed their URL: the contact kept under the old one, by member id (./same-person.ts).
    const existing = stored ?? (await moveFormerContact(db, profile, now));
    // Never merged with anyone here: a contact imported under the same name may be a namesake or an
    // impostor. The panel asks the person (`namesake` in the view, answered by answerNamesake).
    if (!existing) {
      await db.contacts.add(newContact(profile.id, now, { ...profile, lastSeenAt: now }));
      return;
    }
    await updateSeen(db, existing, profile, now);
  });
  return getContact(db, profile.id, profile.memberId);
}

/** A visit of a stored contact: when, and what the page showed of them (`profile`; nothing when undefined). */
async function updateSeen(db: KindredDB, existing: Contact, profile: SeenProfile | undefined, now: string) {
  // A field the page did not show this time (markup changed, still loading) keeps its old value.
  const changes: Partial<Contact> = { lastSeenAt: now };
  if (!profile) return void (await db.contacts.update(existing.id, changes));
  // The member id too. Another contact with the same member id, when this one existed already, is
  // left alone here: two stored contacts that are one person are offered for merging (./same-person.ts).
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
  await db.contacts.update(existing.id, changes);
}

/** The contact field a tag goes in; refuses an unknown tag, and putting on an archived one. */
async function taggableField(db: KindredDB, tagId: string, on: boolean): Promise<ReturnType<typeof tagField>> {
  const tag = await db.taxonomy.get(tagId);
  if (!tag) throw new StoreError(`Unknown tag "${tagId}".`);
  if (on && tag.archived) throw new StoreError(`Tag "${tag.label}" is archived.`);
  return tagField(tag.dimension);
}

/** The tag ids with `tagId` added at the end, or taken out. */
function toggled(tagIds: readonly string[], tagId: string, on: boolean): string[] {
  return on ? [...tagIds, tagId] : tagIds.filter((id) => id !== tagId);
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
    const field = await taggableField(db, tagId, on);
    const contact = (await db.contacts.get(contactId)) ?? newContact(contactId, now);
    if (contact[field].includes(tagId) === on) return;
    contact[field] = toggled(contact[field], tagId, on);
    contact.updatedAt = now;
    // Keep in touch: a person never in touch is counted from when they were first tagged.
    if (on) contact.firstTaggedAt ??= now;
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
  return db.transaction('r', db.contacts, db.taxonomy, db.settings, async () =>
    buildExport(await db.taxonomy.toArray(), await db.contacts.toArray(), now, await exportExtras(db)),
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
    const field = await taggableField(db, tagId, on);
    const contacts = await db.contacts.bulkGet([...contactIds]);
    const missing = contactIds.filter((_, index) => !contacts[index]);
    if (missing.length > 0) throw new StoreError(`Unknown contact "${missing[0]}".`);
    const changed = (contacts as Contact[]).filter((c) => c[field].includes(tagId) !== on);
    for (const contact of changed) {
      contact[field] = toggled(contact[field], tagId, on);
      contact.updatedAt = now;
      if (on) contact.firstTaggedAt ??= now;
    }
    await db.contacts.bulkPut(changed);
    return { changed: changed.length };
  });
}

export async function deleteContact(db: KindredDB, contactId: string): Promise<void> {
  await db.contacts.delete(contactId);
}
