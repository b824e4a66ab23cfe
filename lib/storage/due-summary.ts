import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { Contact } from '../model/contact';
import { type RhythmContact, lastTouchOn } from '../model/rhythm';
import type { KindredDB } from './db';
import { coreMiddleware } from './middleware';

/**
 * Who may be due, in one small stored row: for each contact with a tag or a rhythm of their own, only what
 * the due maths need (tags, last touch, since when tagged, own rhythm, snooze, name). Reading it is one
 * read instead of thousands: at 30,000 contacts Chromium took about half a second to read the ~5,000
 * tagged ones one by one, the badge and the popup's due list read this in a few milliseconds
 * (docs/performance.md). Kept true in the same transaction as every write to contacts, like the tag
 * summary (./tag-summary-middleware.ts); a write it cannot follow (a cleared table) drops it, and the
 * background builds it again (`ensureDueSummary`).
 */
export const DUE_SUMMARY = 'dueSummary';

/** One contact: [purposes, relationships, last touch day or '', first tagged (or created) at, own rhythm or -1, snoozed until or '', name]. */
type Entry = [string[], string[], string, string, number, string, string];
export type DueSummary = Record<string, Entry>;

function entryOf(contact: Contact): Entry | undefined {
  const tagged = contact.purposes.length > 0 || contact.relationships.length > 0;
  if (!tagged && !contact.rhythmDays) return undefined;
  return [
    contact.purposes,
    contact.relationships,
    lastTouchOn(contact) ?? '',
    contact.firstTaggedAt || contact.createdAt,
    contact.rhythmDays ?? -1,
    contact.snoozedUntil ?? '',
    contact.name,
  ];
}

/** The summary's people as the due maths take them. */
export function summaryContacts(summary: DueSummary): Array<RhythmContact & Pick<Contact, 'id' | 'name'>> {
  return Object.entries(summary).map(([id, [purposes, relationships, last, first, rhythm, snoozed, name]]) => ({
    id,
    name,
    purposes,
    relationships,
    createdAt: first,
    firstTaggedAt: first,
    ...(last && { touches: [{ on: last }] }),
    ...(rhythm >= 0 && { rhythmDays: rhythm }),
    ...(snoozed && { snoozedUntil: snoozed }),
  }));
}

/** Builds and stores the summary when it is missing (after an import, a delete-all, the first start). */
export async function ensureDueSummary(db: KindredDB): Promise<void> {
  if (await db.settings.get(DUE_SUMMARY)) return;
  await db.transaction('rw', db.contacts, db.settings, async () => {
    if (await db.settings.get(DUE_SUMMARY)) return;
    const summary: DueSummary = {};
    await db.contacts.each((contact) => {
      const entry = entryOf(contact);
      if (entry) summary[contact.id] = entry;
    });
    await db.settings.put({ key: DUE_SUMMARY, value: summary });
  });
}

export async function loadDueSummary(db: KindredDB): Promise<DueSummary | undefined> {
  return (await db.settings.get(DUE_SUMMARY))?.value as DueSummary | undefined;
}

/** Keeps a stored summary true in the transaction of every write to contacts. */
export const dueSummaryMiddleware = coreMiddleware('kindred-due-summary', (down) => ({
  transaction(stores, mode, options) {
    const withSettings = mode === 'readwrite' && stores.includes('contacts') && !stores.includes('settings');
    return down.transaction(withSettings ? [...stores, 'settings'] : stores, mode, options);
  },
  table: (name) => (name === 'contacts' ? keepingSummary(down.table(name), down.table('settings')) : down.table(name)),
}));

function keepingSummary(contacts: DBCoreTable, settings: DBCoreTable): DBCoreTable {
  const queues = new WeakMap<DBCoreMutateRequest['trans'], Promise<unknown>>();
  const keep = async (req: DBCoreMutateRequest) => {
    const { trans } = req;
    const stored = (await settings.get({ trans, key: DUE_SUMMARY })) as { value: DueSummary } | undefined;
    if (!stored) return contacts.mutate(req);
    let updated: DueSummary | undefined;
    try {
      const response = await contacts.mutate(req);
      if (response.numFailures === 0 && req.type !== 'deleteRange') {
        updated = stored.value;
        if (req.type === 'delete') for (const key of req.keys as string[]) delete updated[key];
        else {
          for (const contact of req.values as Contact[]) {
            const entry = entryOf(contact);
            if (entry) updated[contact.id] = entry;
            else delete updated[contact.id];
          }
        }
      }
      return response;
    } finally {
      await settings
        .mutate(
          updated
            ? { type: 'put', trans, values: [{ key: DUE_SUMMARY, value: updated }] }
            : { type: 'delete', trans, keys: [DUE_SUMMARY] },
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
