import {
  type Contact,
  type CorrectableField,
  LIMITS,
  type PageValues,
  isCorrected,
  newContact,
  orderedPageValues,
} from '../model/contact';
import { cutText } from '../model/text';
import { mergeKeepInTouch } from '../model/rhythm';
import type { KindredDB } from './db';
import { type ContactView, LAST_NAMESAKE_MERGE, StoreError, getContact, namesakeOf, notSameKey } from './contact-view';

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
  // Keep in touch: both people's touches, the earlier first tagging, the profile's own rhythm and snooze first.
  return mergeKeepInTouch(merged, namesake);
}

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
