import { coreMiddleware } from './middleware';
import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { type TagSummary, type TaggedContact, applyContactChanges } from '../model/tag-summary';

/** The settings key of the stored `TagSummary`. */
export const TAG_SUMMARY = 'tagSummary';

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
  // Writes in one transaction run one after another here, so none updates the summary from a stale read.
  const queues = new WeakMap<DBCoreMutateRequest['trans'], Promise<unknown>>();
  const keep = async (req: DBCoreMutateRequest) => {
    const { trans } = req;
    const stored = (await settings.get({ trans, key: TAG_SUMMARY })) as { value: TagSummary } | undefined;
    if (!stored) return contacts.mutate(req);
    const keys = keysOf(req, contacts.schema.primaryKey.extractKey);
    const small = keys !== undefined && keys.length <= LARGE_WRITE && new Set(keys).size === keys.length;
    const before = small ? ((await contacts.getMany({ trans, keys })) as Array<TaggedContact | undefined>) : [];
    let updated: TagSummary | undefined;
    try {
      const response = await contacts.mutate(req);
      const after = req.type === 'add' || req.type === 'put' ? (req.values as TaggedContact[]) : [];
      updated = small && response.numFailures === 0 ? applyContactChanges(stored.value, before, after) : undefined;
      return response;
    } finally {
      // Unchanged (a note, a touch, a snooze): not written again, so the pages' balance is not read again.
      const unchanged = updated !== undefined && JSON.stringify(updated) === JSON.stringify(stored.value);
      // Also when the write failed part-way and the caller goes on: a dropped summary is rebuilt, a wrong one would stay.
      if (!unchanged)
        await settings
          .mutate(
            updated
              ? { type: 'put', trans, values: [{ key: TAG_SUMMARY, value: updated }] }
              : { type: 'delete', trans, keys: [TAG_SUMMARY] },
          )
          .catch(() => undefined); // the transaction is aborting: nothing it wrote stays
    }
  };
  return {
    ...contacts,
    mutate(req) {
      const run = (queues.get(req.trans) ?? Promise.resolve()).then(() => keep(req));
      queues.set(
        req.trans,
        run.catch(() => undefined),
      );
      return run;
    },
  };
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
