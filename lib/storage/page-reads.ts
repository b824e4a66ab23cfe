import { type HealthField, type Reading, addReading } from '../model/layout-health';
import type { KindredDB } from './db';
import { companySpread } from '../model/company-spread';
import { TAG_SUMMARY } from './tag-summary-middleware';
import { type TagSummary, tagSummaryFromIds } from '../model/tag-summary';
import type { Tag } from '../model/taxonomy';

/** The reads behind the popup and options pages: tag summary, company spread, layout health. */

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
