import type { Contact, SeenProfile } from '../model/contact';
import type { KindredDB } from './db';
import { isMemberUrnId } from '../model/profile-url';

/** The reads behind the panel's "same person" offers (./same-person.ts makes the changes). */

/** The settings key of the last move or merge, while it can be undone. */
export const LAST_SAME_PERSON = 'lastSamePerson';

export interface SamePersonRecord {
  kind: 'moved' | 'merged';
  /** The contact the move or merge made (the URL LinkedIn shows now). */
  contactId: string;
  /** The contact(s) as they were before; for a move the old one, for a merge both. */
  before: Contact[];
  /** For a move: what the page showed, so undoing leaves the new URL's contact as a visit makes it. */
  seen?: SeenProfile;
  at: string;
}

/** What the panel shows about it: a merge to offer, or a move or merge it can undo. */
export interface SamePersonView {
  /** Another stored contact with this contact's member id: the panel offers merging it into this one. */
  samePerson?: { id: string; name: string };
  /** The move or merge that made this contact, while undoSamePerson can undo it (nothing changed since). */
  samePersonChange?: { kind: 'moved' | 'merged'; from: string };
}

/** The settings key that remembers two contacts as kept apart (undone), in either order. */
export const apartKey = (a: string, b: string) => `keptApart:${[a, b].sort().join(' ')}`;

async function keptApart(db: KindredDB, a: string, b: string): Promise<boolean> {
  return !!(await db.settings.get(apartKey(a, b)));
}

/** The other contacts with this member id, not kept apart from `id`, most recently seen first. */
export async function othersWithMemberId(db: KindredDB, id: string, memberId: string): Promise<Contact[]> {
  const others = (await db.contacts.where('memberId').equals(memberId).toArray()).filter((c) => c.id !== id);
  const apart = await Promise.all(others.map((other) => keptApart(db, id, other.id)));
  return others
    .filter((_, index) => !apart[index])
    .sort((a, b) => (b.lastSeenAt || b.updatedAt).localeCompare(a.lastSeenAt || a.updatedAt));
}

/** The panel's part of the contact's view (read inside getContact's transaction). */
export async function samePersonView(db: KindredDB, contact: Contact | undefined): Promise<SamePersonView> {
  if (!contact) return {};
  const view: SamePersonView = {};
  // Merged into the contact under the person's URL, never into one under the opaque member-id URL.
  if (contact.memberId && !isMemberUrnId(contact.id)) {
    const [other] = await othersWithMemberId(db, contact.id, contact.memberId);
    if (other) view.samePerson = { id: other.id, name: other.name || contact.name };
  }
  const last = (await db.settings.get(LAST_SAME_PERSON))?.value as SamePersonRecord | undefined;
  if (last?.contactId === contact.id && contact.updatedAt === last.at) {
    const from = last.before.find((c) => c.id !== contact.id) ?? last.before[0]!;
    view.samePersonChange = { kind: last.kind, from: from.id };
  }
  return view;
}

/** Two stored contacts of one LinkedIn member, for the contacts page: `keep` is the one seen most recently. */
export interface SamePersonPair {
  keep: { id: string; name: string };
  other: { id: string; name: string };
}

/**
 * Every member id kept on more than one contact (not kept apart), as the pair to merge next: the most
 * recently seen contact keeps its URL (the one LinkedIn showed last). Reads only contacts with a member id.
 */
export async function loadSamePersonPairs(db: KindredDB): Promise<SamePersonPair[]> {
  const withMemberId = await db.contacts.where('memberId').above('').toArray();
  const groups = new Map<string, Contact[]>();
  for (const contact of withMemberId) {
    groups.set(contact.memberId!, [...(groups.get(contact.memberId!) ?? []), contact]);
  }
  const pairs: SamePersonPair[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Kept: the one seen last under the person's own URL (an /in/ACoAA… URL only when there is no other).
    const [keep] = group.sort(
      (a, b) =>
        Number(isMemberUrnId(a.id)) - Number(isMemberUrnId(b.id)) ||
        (b.lastSeenAt || b.updatedAt).localeCompare(a.lastSeenAt || a.updatedAt),
    );
    const [other] = await othersWithMemberId(db, keep!.id, keep!.memberId!);
    if (other) {
      pairs.push({ keep: { id: keep!.id, name: keep!.name }, other: { id: other.id, name: other.name || keep!.name } });
    }
  }
  return pairs;
}
