import type { KindredDB } from './db';
import { tagField } from '../model/contact';
import { tagsOf } from '../model/taxonomy';

/** A tag as a list's badge shows it: its label and colour, nothing else about the person. */
export interface BadgeTag {
  label: string;
  color: string;
}

/**
 * The tags of each of `ids` that is tagged, in the panel's order (purposes, then relationships);
 * archived tags are left out, as the panel leaves them out. Untagged and unknown ids are absent.
 */
export async function listTags(db: KindredDB, ids: readonly string[]): Promise<Record<string, BadgeTag[]>> {
  return db.transaction('r', db.contacts, db.taxonomy, async () => {
    const [contacts, taxonomy] = await Promise.all([db.contacts.bulkGet([...new Set(ids)]), db.taxonomy.toArray()]);
    const order = [...tagsOf(taxonomy, 'purpose'), ...tagsOf(taxonomy, 'relationship')];
    const tagged: Record<string, BadgeTag[]> = {};
    for (const contact of contacts) {
      if (!contact) continue;
      const tags = order
        .filter((tag) => contact[tagField(tag.dimension)].includes(tag.id))
        .map(({ label, color }) => ({ label, color }));
      if (tags.length) tagged[contact.id] = tags;
    }
    return tagged;
  });
}
