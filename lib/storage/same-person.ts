import { type Contact, type SeenProfile, newContact } from '../model/contact';
import { mergeSamePerson, movedContact } from '../model/same-person';
import { isMemberUrnId } from '../model/profile-url';
import type { KindredDB } from './db';
import { type ContactView, StoreError, getContact } from './contact-view';
import { LAST_SAME_PERSON, type SamePersonRecord, apartKey, othersWithMemberId } from './same-person-view';

/**
 * One person, one contact, even when their URL changes. LinkedIn's member id (`memberId`, "ACoAA…")
 * stays when a person changes their vanity URL (the contact's id), so:
 * - a profile opened under a new URL whose member id is kept on exactly one contact under another URL,
 *   while nothing is stored under the new URL yet, is that contact: it moves to the new URL at once
 *   (moveFormerContact, from recordSeen), and the panel says so and offers to undo it. Not asked first:
 *   the member id is LinkedIn's own, not a guess like a name, nothing under the new URL is replaced, and
 *   the person expects to see their tags and note where they look now;
 * - two stored contacts with the same member id (e.g. both visited before Kindred read member ids, or
 *   one from an import) are offered for merging (mergeSamePersonContacts), with undo.
 * Undoing either puts back what was there and remembers the pair as kept apart: neither moved nor
 * offered again.
 */

/**
 * For recordSeen, inside its read-write transaction over contacts and settings, when nothing is stored
 * under the profile's id: the one contact kept under another URL with the profile's member id, moved to
 * this id (and remembered for undo); undefined when there is none, or more than one (then the panel
 * offers merging instead).
 */
export async function moveFormerContact(db: KindredDB, seen: SeenProfile, now: string): Promise<Contact | undefined> {
  // A profile opened by its member id (/in/ACoAA…, from search or messaging) did not change its URL.
  if (!seen.memberId || isMemberUrnId(seen.id)) return undefined;
  const others = await othersWithMemberId(db, seen.id, seen.memberId);
  if (others.length !== 1) return undefined;
  const [former] = others as [Contact];
  const moved = movedContact(former, seen.id, now);
  await db.contacts.delete(former.id);
  await db.contacts.add(moved);
  const record: SamePersonRecord = { kind: 'moved', contactId: seen.id, before: [former], seen, at: now };
  await db.settings.put({ key: LAST_SAME_PERSON, value: record });
  return moved;
}

/**
 * Merges `otherId` into `contactId` (the URL LinkedIn shows now): the two must carry the same member id.
 * What the merge keeps: lib/model/same-person.ts. Can be undone (undoSamePerson).
 */
export async function mergeSamePersonContacts(
  db: KindredDB,
  contactId: string,
  otherId: string,
  now: string,
): Promise<ContactView> {
  await db.transaction('rw', db.contacts, db.settings, async () => {
    const [contact, other] = await db.contacts.bulkGet([contactId, otherId]);
    if (!contact || !other || contactId === otherId || !contact.memberId || contact.memberId !== other.memberId) {
      throw new StoreError('These contacts are not offered for merging any more.');
    }
    const record: SamePersonRecord = { kind: 'merged', contactId, before: [contact, other], at: now };
    await db.settings.put({ key: LAST_SAME_PERSON, value: record });
    await db.contacts.delete(otherId);
    await db.contacts.put(mergeSamePerson(contact, other, now));
  });
  return getContact(db, contactId);
}

/**
 * Undoes the last move or merge that made `contactId`: the contacts as they were before (after a move,
 * the new URL's contact as the visit alone would have made it), as long as nothing was changed since
 * (undoing would lose that change, and is refused). The pair is then kept apart.
 */
export async function undoSamePerson(db: KindredDB, contactId: string, now: string): Promise<ContactView> {
  await db.transaction('rw', db.contacts, db.settings, async () => {
    const last = (await db.settings.get(LAST_SAME_PERSON))?.value as SamePersonRecord | undefined;
    const current = await db.contacts.get(contactId);
    if (!last || last.contactId !== contactId || !current || current.updatedAt !== last.at) {
      throw new StoreError('This can no longer be undone: the contact was changed since.');
    }
    const others = last.before.filter((c) => c.id !== contactId);
    if ((await db.contacts.bulkGet(others.map((c) => c.id))).some(Boolean)) {
      throw new StoreError('This can no longer be undone: the other contact exists again.');
    }
    await db.contacts.delete(contactId);
    const restored = last.before.map((c) => (c.id === contactId ? { ...c, updatedAt: now } : c));
    if (last.kind === 'moved' && last.seen) {
      const { memberId, ...fields } = last.seen;
      restored.push(newContact(contactId, now, { ...fields, ...(memberId && { memberId }), lastSeenAt: now }));
    }
    await db.contacts.bulkPut(restored);
    for (const other of others) await db.settings.put({ key: apartKey(contactId, other.id), value: true });
    await db.settings.delete(LAST_SAME_PERSON);
  });
  return getContact(db, contactId);
}
