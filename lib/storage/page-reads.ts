import { type HealthField, type Reading, addReading } from '../model/layout-health';
import type { KindredDB } from './db';
import { type CompanyCounts, companyCounts, companySpread } from '../model/company-spread';
import { COMPANY_COUNTS, TAG_SUMMARY } from './tag-summary-middleware';
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

/**
 * Stores the tag summary and the company counts when they are missing; the background calls it after its
 * writes (an import or a large bulk write drops them: rebuilding is cheaper than keeping them then).
 */
export async function ensureTagSummary(db: KindredDB): Promise<void> {
  // Usually there: a read, without holding up writes.
  const stored = await db.settings.bulkGet([TAG_SUMMARY, COMPANY_COUNTS]);
  if (stored.every(Boolean)) return;
  // One read-write transaction, so no write can slip in between reading the indexes and storing.
  await db.transaction('rw', db.contacts, db.settings, async () => {
    const [tags, companies] = await db.settings.bulkGet([TAG_SUMMARY, COMPANY_COUNTS]);
    if (!tags) await db.settings.put({ key: TAG_SUMMARY, value: await tagSummaryFromIndexes(db) });
    if (!companies) await db.settings.put({ key: COMPANY_COUNTS, value: await companyCountsFromIndex(db) });
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

/**
 * The company spread from the stored counts: one small read, which a change that moves no one between
 * employers (a tag, a note, a touch) leaves alone. Counted from the company index only while missing.
 */
export async function loadCompanySpread(db: KindredDB) {
  return db.transaction('r', db.contacts, db.settings, async () => {
    const stored = (await db.settings.get(COMPANY_COUNTS))?.value as CompanyCounts | undefined;
    return companySpread(stored ?? (await companyCountsFromIndex(db)));
  });
}

/** The company of every contact, read from the company index alone (a walk of 30,000 keys takes a second). */
async function companyCountsFromIndex(db: KindredDB): Promise<CompanyCounts> {
  return companyCounts((await db.contacts.orderBy('company').keys()) as string[]);
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
