import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { type Contact, contactUrl, nthNameOnlyId, tagField } from '../model/contact';
import { repairContact } from '../formats/contact-record';
import { contactGuardMiddleware } from './contact-guard';
import { followDefaultLabels } from './default-labels';
import { tagSummaryMiddleware } from './tag-summary-middleware';
import { DUE_ROWS_SCHEMA, type DueRow, buildDueRows, dueRowsMiddleware } from './due-rows';
import { DEFAULT_RHYTHMS, DEFAULT_TAXONOMY, type Tag } from '../model/taxonomy';
import { isShippedDefaultText } from '../model/default-tag-texts';
import { type SyncClockRow, syncClockMiddleware } from './sync-clocks';

/** Small key-value preferences, e.g. whether the panel is collapsed. */
export interface Setting {
  key: string;
  value: unknown;
}

/** A batch of an import's contacts as read from the file, not yet checked. */
export interface StagedBatch {
  /** `<session>/<batch number, zero-padded>` */
  key: string;
  session: string;
  contacts: unknown[];
}

/** One row of the snapshot: its description, the tags, the settings, or a batch of contacts. */
export type SnapshotRow =
  | { key: 'about'; value: { reason: 'replace-import' | 'delete-all'; at: string; contacts: number } }
  | { key: 'taxonomy'; value: Tag[] }
  | { key: 'settings'; value: Setting[] }
  | { key: `contacts/${string}`; value: Contact[] };

export type KindredDB = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  taxonomy: EntityTable<Tag, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  /** Imports on their way in (./import-stream.ts): the file's contacts in batches, until the swap. */
  importStaging: EntityTable<StagedBatch, 'key'>;
  /** What was here before the last replace-import or delete-all (./snapshot.ts), in rows. */
  snapshot: EntityTable<SnapshotRow, 'key'>;
  /** Sync (issue 17): the clock of each synced field of each synced tag and contact (./sync-clocks.ts). */
  syncClocks: EntityTable<SyncClockRow, 'key'>;
  /** The tags a new database starts with, and that come back after deleting everything. */
  defaultTaxonomy: () => readonly Tag[];
  /** Keep in touch: what the due maths and the weekly line need of each contact (./due-rows.ts). */
  dueRows: EntityTable<DueRow, 'id'>;
};

type KindredDBOptions = ConstructorParameters<typeof Dexie>[1] & {
  /**
   * The default tags in the user's language (`() => defaultTaxonomy(translate)` in the extension's
   * pages); English when absent. lib/ never reads the browser's language itself.
   */
  defaultTaxonomy?: () => readonly Tag[];
};

const DB_NAME = 'kindred';
/** The settings key of when the database was created (the backup reminder's start before any export). */
export const INSTALLED_AT = 'installedAt';

/**
 * Every schema version the database has had, oldest first. Never edit a published version:
 * add a new one (and its case in the migration test).
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      contacts: 'id, *purposes, *relationships, updatedAt',
      taxonomy: 'id, dimension',
      settings: 'key',
    },
  },
  {
    // Reconnect lists (not seen for a while) and the company spread read these indexes.
    version: 2,
    stores: {
      contacts: 'id, *purposes, *relationships, updatedAt, lastSeenAt, company',
    },
  },
  {
    // Nothing reads contacts by updatedAt, and every index slows a 30,000-contact import (see
    // docs/performance.md): dropped.
    version: 3,
    stores: {
      contacts: 'id, *purposes, *relationships, lastSeenAt, company',
    },
  },
  {
    // Same stores; every contact made to pass the one contact schema (see repairStoredContacts).
    version: 4,
    stores: {},
    upgrade: repairStoredContacts,
  },
  {
    // Finding the contact a member id belongs to (a person whose URL changed). Not unique: until two
    // contacts that are one person are merged, both may carry the same member id.
    version: 5,
    stores: {
      contacts: 'id, *purposes, *relationships, lastSeenAt, company, memberId',
    },
  },
  {
    // Imports of any size: staged in batches and swapped in at the end (import-stream.ts); and the
    // snapshot kept before a replace-import or delete-all (snapshot.ts).
    version: 6,
    stores: {
      importStaging: 'key, session',
      snapshot: 'key',
    },
  },
  {
    // Keep in touch (lib/model/rhythm.ts): tagged contacts get when they were first tagged, the default
    // tags their rhythms; and an index to find the people with a rhythm of their own.
    version: 7,
    stores: {
      contacts: 'id, *purposes, *relationships, lastSeenAt, company, memberId, rhythmDays',
    },
    upgrade: addKeepInTouch,
  },
  {
    // Sync across browsers (issue 17): per-field clocks of synced tags and contacts (sync-clocks.ts).
    version: 9,
    stores: {
      syncClocks: 'key',
    },
  },
  {
    // Same stores; default tags stored with the English or Dutch text they were created with lose it,
    // so they follow the browser's language (see forgetDefaultTagTexts).
    version: 10,
    stores: {},
    upgrade: forgetDefaultTagTexts,
  },
  {
    // Keep in touch at any size (./due-rows.ts): one small row per contact the due list and the weekly
    // line need, kept by a middleware, instead of one settings row rewritten whole by every write.
    version: 11,
    stores: { dueRows: DUE_ROWS_SCHEMA },
    upgrade: buildDueRows,
  },
  {
    // One person under two URLs: the ids a contact was known under before (a move or a merge), so an
    // old URL finds the person in one indexed read (lib/storage/former-ids.ts). Nothing to upgrade:
    // contacts without former ids are left out of the index.
    version: 12,
    stores: {
      contacts: 'id, *purposes, *relationships, lastSeenAt, company, memberId, rhythmDays, *formerIds',
    },
  },
];

/**
 * Version 7: every tagged contact without `firstTaggedAt` gets it from when it was created (or, without
 * that, last changed): the best guess of when it was tagged, so the never-touched are counted from then.
 * Each default tag (by id: mentor, sponsor, way-shower, peer, client, friend) that is not archived and has
 * no rhythm gets its default rhythm, renamed or not (its id still says what kind of relationship it is);
 * an archived one is left without, and custom tags start without one.
 */
async function addKeepInTouch(tx: Transaction): Promise<void> {
  await tx
    .table<Contact, string>('contacts')
    .toCollection()
    .modify((contact) => {
      if (contact.firstTaggedAt || (contact.purposes.length === 0 && contact.relationships.length === 0)) return;
      const at = contact.createdAt || contact.updatedAt;
      if (at) contact.firstTaggedAt = at;
    });
  await tx
    .table<Tag, string>('taxonomy')
    .toCollection()
    .modify((tag) => {
      const days = DEFAULT_RHYTHMS[tag.id];
      if (days && !tag.archived && tag.rhythmDays === undefined) tag.rhythmDays = days;
    });
}

/**
 * Kindred before version 10 stored every default tag with its label and description in the language
 * the database was created in, so the tags stayed in that language when the browser's changed. A label
 * or description still equal to a default tag's shipped text (English or Dutch: the person did not
 * rename it) is stored empty, as new databases do (./default-labels.ts); a renamed one is kept.
 */
async function forgetDefaultTagTexts(tx: Transaction): Promise<void> {
  await tx
    .table<Tag, string>('taxonomy')
    .toCollection()
    .modify((tag) => {
      for (const field of ['label', 'description'] as const) {
        if (tag[field] && isShippedDefaultText(tag.id, field, tag[field])) tag[field] = '';
      }
    });
}

/**
 * Kindred 1 stored Connections.csv values unchecked (empty or written-out dates, over-long texts and
 * name-only ids) and a merge could file a tag under the other dimension: such a database exported a
 * file its own import refused. Each contact is repaired the way today's writers would have stored it.
 */
async function repairStoredContacts(tx: Transaction): Promise<void> {
  const dimensions = new Map<string, string>();
  await tx.table('taxonomy').each((tag: { id: string; dimension: 'purpose' | 'relationship' }) => {
    dimensions.set(tag.id, tagField(tag.dimension));
  });
  const contacts = tx.table<Contact, string>('contacts');
  const ids = new Set(await contacts.toCollection().primaryKeys());
  const renamed: Array<[string, Contact]> = [];
  const changed: Contact[] = [];
  await contacts.each((stored) => {
    const contact = repairContact(stored);
    contact.url = contactUrl(contact.id);
    // A tag in the field of the other dimension moves to its own, where the tag editor can remove it.
    const tags = { purposes: new Set<string>(), relationships: new Set<string>() };
    for (const id of [...contact.purposes, ...contact.relationships]) {
      const field = (dimensions.get(id) ?? (contact.purposes.includes(id) ? 'purposes' : 'relationships')) as
        'purposes' | 'relationships';
      tags[field].add(id);
    }
    contact.purposes = [...tags.purposes];
    contact.relationships = [...tags.relationships];
    if (contact.id !== stored.id) {
      let n = 1;
      while (ids.has(nthNameOnlyId(contact.id, n))) n++;
      contact.id = nthNameOnlyId(contact.id, n);
      ids.add(contact.id);
      renamed.push([stored.id, contact]);
    } else if (JSON.stringify(contact) !== JSON.stringify(stored)) changed.push(contact);
  });
  await contacts.bulkPut(changed);
  await contacts.bulkDelete(renamed.map(([old]) => old));
  await contacts.bulkAdd(renamed.map(([, contact]) => contact));
}

/**
 * Opens the database (`upToVersion` only for the migration test, which builds older databases). Only extension pages (background, popup, options) may call this: a content
 * script would open linkedin.com's database instead of ours.
 */
export function openKindredDB(options?: KindredDBOptions, upToVersion = Infinity): KindredDB {
  const { defaultTaxonomy = () => DEFAULT_TAXONOMY, ...dexieOptions } = options ?? {};
  const db = new Dexie(DB_NAME, dexieOptions) as KindredDB;
  db.defaultTaxonomy = defaultTaxonomy;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    if (version > upToVersion) continue;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  // Registered first, so it is the innermost: it sees the values as stored (default labels emptied).
  db.use(syncClockMiddleware);
  db.use(tagSummaryMiddleware);
  // Keep in touch: one small row per contact who may be due (./due-rows.ts).
  db.use(dueRowsMiddleware);
  followDefaultLabels(db);
  // Older databases (built only by the migration test) were written by Kindred versions without the guard.
  if (upToVersion === Infinity) db.use(contactGuardMiddleware);
  db.on('populate', (tx) => {
    void tx.table('taxonomy').bulkAdd(db.defaultTaxonomy().map((tag) => ({ ...tag })));
    void tx.table('settings').add({ key: INSTALLED_AT, value: new Date().toISOString() });
  });
  return db;
}
