import type { Contact } from '../model/contact';
import { isFormerIdOf, withFormerIds } from '../model/same-person';
import type { KindredDB } from './db';

/**
 * A person found under a URL they were known under before (a contact's `formerIds`, recorded by a
 * move or a merge of one member's contacts, lib/storage/same-person.ts): an old bookmark, a stale link
 * in a message, a list card. Read inside the caller's transaction (contacts), one indexed read.
 */

/**
 * The one contact that was known under `id`, when nothing is stored under it and the page does not
 * say otherwise: not when the page shows another member id than the contact's (LinkedIn gave the URL
 * to someone else), and not when two contacts were both known under it and the page cannot tell which
 * (never a guess).
 */
export async function contactByFormerId(
  db: KindredDB,
  id: string,
  pageMemberId?: string,
): Promise<Contact | undefined> {
  const known = (await db.contacts.where('formerIds').equals(id).toArray()).filter((c) =>
    isFormerIdOf(c, pageMemberId),
  );
  return known.length === 1 ? known[0] : undefined;
}

/** The id the person under `id` is stored under now: `id` itself when stored (or unknown), else the former-id match. */
export async function currentContactId(db: KindredDB, id: string, pageMemberId?: string): Promise<string> {
  if (await db.contacts.get(id)) return id;
  return (await contactByFormerId(db, id, pageMemberId))?.id ?? id;
}

/**
 * For recordSeen (read-write over contacts): a page under `id` that shows `memberId` belongs to that
 * member, so every contact of another member that was known under `id` forgets it: the URL now finds
 * the person who has it. Their `updatedAt` stays (nothing the person kept changed).
 */
export async function releaseFormerId(db: KindredDB, id: string, memberId: string): Promise<void> {
  const others = (await db.contacts.where('formerIds').equals(id).toArray()).filter((c) => !isFormerIdOf(c, memberId));
  for (const other of others) {
    const formerIds = withFormerIds(
      other.id,
      other.formerIds?.filter((former) => former !== id),
    );
    await db.contacts.put(withoutEmptyFormerIds({ ...other, formerIds }));
  }
}

function withoutEmptyFormerIds(contact: Contact): Contact {
  if (contact.formerIds?.length) return contact;
  const { formerIds: _, ...rest } = contact;
  return rest;
}
