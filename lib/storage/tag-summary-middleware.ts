import { coreMiddleware, writesInOrder } from './middleware';
import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { type TagSummary, type TaggedContact, applyContactChanges } from '../model/tag-summary';
import { type CompanyCounts, applyCompanyChanges } from '../model/company-spread';

/** The settings key of the stored `TagSummary`. */
export const TAG_SUMMARY = 'tagSummary';
/** The settings key of the stored `CompanyCounts` (the overview's company spread), kept the same way. */
export const COMPANY_COUNTS = 'companyCounts';

/**
 * Above this many contacts in one write (imports, bulk tagging), the summary is dropped instead of
 * updated: reading every old record first would double the cost of a 30,000-contact import, and
 * rebuilding from the indexes afterwards takes a fraction of a second.
 */
const LARGE_WRITE = 200;

/**
 * Keeps the tag summary true in the same transaction as every write to contacts, whichever code
 * makes it: small writes update it from the records before and after, anything else removes it, so
 * a stored summary is never stale. A missing one is rebuilt from the indexes (`ensureTagSummary`).
 */
export const tagSummaryMiddleware = coreMiddleware('kindred-tag-summary', (down) => ({
  transaction(stores, mode, options) {
    const withSettings = mode === 'readwrite' && stores.includes('contacts') && !stores.includes('settings');
    return down.transaction(withSettings ? [...stores, 'settings'] : stores, mode, options);
  },
  table: (name) => (name === 'contacts' ? keepingSummary(down.table(name), down.table('settings')) : down.table(name)),
}));

function keepingSummary(contacts: DBCoreTable, settings: DBCoreTable): DBCoreTable {
  const keep = async (req: DBCoreMutateRequest) => {
    const { trans } = req;
    const [tags, companies] = (await settings.getMany({ trans, keys: [TAG_SUMMARY, COMPANY_COUNTS] })) as [
      { value: TagSummary } | undefined,
      { value: CompanyCounts } | undefined,
    ];
    if (!tags && !companies) return contacts.mutate(req);
    const keys = keysOf(req, contacts.schema.primaryKey.extractKey);
    const small = keys !== undefined && keys.length <= LARGE_WRITE && new Set(keys).size === keys.length;
    const before = small
      ? ((await contacts.getMany({ trans, keys })) as Array<(TaggedContact & { company?: string }) | undefined>)
      : [];
    let updatedTags: TagSummary | undefined;
    let updatedCompanies: CompanyCounts | undefined;
    try {
      const response = await contacts.mutate(req);
      const after =
        req.type === 'add' || req.type === 'put' ? (req.values as Array<TaggedContact & { company?: string }>) : [];
      const applied = small && response.numFailures === 0;
      updatedTags = applied && tags ? applyContactChanges(tags.value, before, after) : undefined;
      updatedCompanies = applied && companies ? applyCompanyChanges(companies.value, before, after) : undefined;
      return response;
    } finally {
      // Unchanged (a note, a touch, a snooze): not written again, so the pages' balance is not read again.
      // Also when the write failed part-way and the caller goes on: a dropped summary is rebuilt, a wrong one would stay.
      const tagsUnchanged = updatedTags !== undefined && JSON.stringify(updatedTags) === JSON.stringify(tags?.value);
      if (tags && !tagsUnchanged) await keepOrDrop(settings, trans, TAG_SUMMARY, updatedTags);
      if (companies && updatedCompanies !== companies.value)
        await keepOrDrop(settings, trans, COMPANY_COUNTS, updatedCompanies);
    }
  };
  return writesInOrder(contacts, keep);
}

/** Writes the summary under `key`, or deletes it (to be rebuilt) when there is none to write. */
async function keepOrDrop(settings: DBCoreTable, trans: DBCoreTransaction, key: string, value: unknown): Promise<void> {
  await settings
    .mutate(
      value === undefined ? { type: 'delete', trans, keys: [key] } : { type: 'put', trans, values: [{ key, value }] },
    )
    .catch(() => undefined); // the transaction is aborting: nothing it wrote stays
}

/** The primary keys a write touches, when the request names them. */
function keysOf(req: DBCoreMutateRequest, extractKey: ((value: unknown) => unknown) | null): unknown[] | undefined {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.keys ?? (extractKey ? req.values.map(extractKey) : undefined);
    case 'delete':
      return req.keys;
    case 'deleteRange':
      return undefined;
  }
}
