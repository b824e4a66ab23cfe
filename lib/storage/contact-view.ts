import { type Contact, isNameOnlyId, nameOnlyId } from '../model/contact';
import type { KindredDB } from './db';
import { contactByFormerId } from './former-ids';
import { type SamePersonView, samePersonView } from './same-person-view';
import { type Tag, tagsOf } from '../model/taxonomy';

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
  /** One person under two URLs (member id): a merge to offer, or a move or merge to undo (./same-person.ts). */
  samePerson?: SamePersonView['samePerson'];
  samePersonChange?: SamePersonView['samePersonChange'];
  /**
   * Where the person is kept now, when they were found under an old URL of theirs (the id asked for is
   * one of `contact.formerIds`, ./former-ids.ts): `contact` is that person, under this id.
   */
  knownAs?: string;
}

export class StoreError extends Error {}

const PANEL_COLLAPSED = 'panelCollapsed';

/**
 * What the panel shows for `contactId`: the contact stored under it or, when none is, the person who was
 * known under it (unless `pageMemberId`, the member id the page shows, says it is someone else now).
 */
export async function getContact(db: KindredDB, contactId: string, pageMemberId?: string): Promise<ContactView> {
  return db.transaction('r', db.contacts, db.taxonomy, db.settings, async () => {
    const [stored, taxonomy, collapsed, merge] = await Promise.all([
      db.contacts.get(contactId),
      db.taxonomy.toArray(),
      db.settings.get(PANEL_COLLAPSED),
      db.settings.get(LAST_NAMESAKE_MERGE),
    ]);
    const contact = stored ?? (await contactByFormerId(db, contactId, pageMemberId));
    const namesake = await namesakeOf(db, contact);
    const samePerson = await samePersonView(db, contact);
    const last = merge?.value as { contact: Contact; mergedAt: string } | undefined;
    return {
      contact: contact ?? null,
      taxonomy: [...tagsOf(taxonomy, 'purpose'), ...tagsOf(taxonomy, 'relationship')],
      panelCollapsed: collapsed?.value === true,
      ...(namesake && { namesake: { id: namesake.id, name: namesake.name || contact!.name } }),
      ...(last?.contact.id === contactId && contact?.updatedAt === last.mergedAt && { canUndoNamesake: true }),
      ...samePerson,
      ...(contact && contact.id !== contactId && { knownAs: contact.id }),
    };
  });
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
export const notSameKey = (contactId: string, namesakeId: string) => `notSame:${contactId} ${namesakeId}`;

/** The name-only contact the panel asks about for this profile's contact, if any and not answered "No". */
export async function namesakeOf(db: KindredDB, contact: Contact | undefined): Promise<Contact | undefined> {
  if (!contact || isNameOnlyId(contact.id)) return undefined;
  const namesake = await uniqueNameOnlyContact(db, contact.name);
  if (!namesake || (await db.settings.get(notSameKey(contact.id, namesake.id)))) return undefined;
  return namesake;
}

export const LAST_NAMESAKE_MERGE = 'lastNamesakeMerge';

export async function setPanelCollapsed(db: KindredDB, collapsed: boolean): Promise<void> {
  await db.settings.put({ key: PANEL_COLLAPSED, value: collapsed });
}
