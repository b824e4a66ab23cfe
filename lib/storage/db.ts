import Dexie, { type EntityTable } from 'dexie';
import type { Contact } from '../model/contact';
import { tagSummaryMiddleware } from './tag-summary-middleware';
import { DEFAULT_TAXONOMY, type Tag } from '../model/taxonomy';

/** Small key-value preferences, e.g. whether the panel is collapsed. */
interface Setting {
  key: string;
  value: unknown;
}

export type KindredDB = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  taxonomy: EntityTable<Tag, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  /** The tags a new database starts with, and that come back after deleting everything. */
  defaultTaxonomy: () => readonly Tag[];
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
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
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
    // Finding the contact a member id belongs to (a person whose URL changed). Not unique: until two
    // contacts that are one person are merged, both may carry the same member id.
    version: 4,
    stores: {
      contacts: 'id, *purposes, *relationships, lastSeenAt, company, memberId',
    },
  },
];

/**
 * Opens the database (`upToVersion` only for the migration test, which builds older databases). Only extension pages (background, popup, options) may call this: a content
 * script would open linkedin.com's database instead of ours.
 */
export function openKindredDB(options?: KindredDBOptions, upToVersion = Infinity): KindredDB {
  const { defaultTaxonomy = () => DEFAULT_TAXONOMY, ...dexieOptions } = options ?? {};
  const db = new Dexie(DB_NAME, dexieOptions) as KindredDB;
  db.defaultTaxonomy = defaultTaxonomy;
  for (const { version, stores } of SCHEMA_VERSIONS) if (version <= upToVersion) db.version(version).stores(stores);
  db.use(tagSummaryMiddleware);
  db.on('populate', (tx) => {
    void tx.table('taxonomy').bulkAdd(db.defaultTaxonomy().map((tag) => ({ ...tag })));
    void tx.table('settings').add({ key: INSTALLED_AT, value: new Date().toISOString() });
  });
  return db;
}
