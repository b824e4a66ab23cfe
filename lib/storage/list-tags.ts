import type { KindredDB } from './db';
import { type Contact, tagField } from '../model/contact';
import { tagsOf } from '../model/taxonomy';

/** A tag as a list's badge shows it: its label and colour, nothing else about the person. */
export interface BadgeTag {
  label: string;
  color: string;
}

/**
 * The tags of each of `ids` that is tagged, in the panel's order (purposes, then relationships);
 * archived tags are left out, as the panel leaves them out. Untagged and unknown ids are absent; an old
 * URL of a person is answered with that person's tags.
 */
export async function listTags(db: KindredDB, ids: readonly string[]): Promise<Record<string, BadgeTag[]>> {
  return db.transaction('r', db.contacts, db.taxonomy, async () => {
    const unique = [...new Set(ids)];
    const [stored, taxonomy] = await Promise.all([db.contacts.bulkGet(unique), db.taxonomy.toArray()]);
    // A card that links to an old URL of a person kept under their new one (./former-ids.ts): found by
    // the former-ids index, in one read for the whole list, and shown under the card's id. A URL two
    // contacts were known under is left out (never a guess; a list card shows no member id).
    const missing = unique.filter((_, i) => !stored[i]);
    const byFormerId = new Map<string, Contact | null>();
    if (missing.length) {
      for (const contact of await db.contacts.where('formerIds').anyOf(missing).toArray()) {
        for (const former of contact.formerIds ?? []) {
          if (!missing.includes(former)) continue;
          byFormerId.set(former, byFormerId.has(former) ? null : contact);
        }
      }
    }
    const order = [...tagsOf(taxonomy, 'purpose'), ...tagsOf(taxonomy, 'relationship')];
    const tagged: Record<string, BadgeTag[]> = {};
    unique.forEach((id, i) => {
      const contact = stored[i] ?? byFormerId.get(id);
      if (!contact) return;
      const tags = order
        .filter((tag) => contact[tagField(tag.dimension)].includes(tag.id))
        .map(({ label, color }) => ({ label, color }));
      if (tags.length) tagged[id] = tags;
    });
    return tagged;
  });
}
