import type { KindredDB } from './db';
import { StoreError } from './contact-view';
import { type Tag, tagsOf } from '../model/taxonomy';

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
