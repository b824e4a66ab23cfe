import Dexie, { type DBCoreMutateRequest, type DBCoreTable, type Transaction } from 'dexie';
import { coreMiddleware, writesInOrder } from './middleware';
import { type Hlc, hlcSeconds, tick } from '../model/sync-clock';
import {
  CONTACT_SYNC_FIELDS,
  type SyncField,
  TAG_SYNC_FIELDS,
  changedRegisters,
  registersOf,
} from '../model/sync-fields';
import { DELETED } from '../model/sync-state';

/**
 * Per-field clocks of local writes, for sync (docs/architecture.md, "Sync across browsers"). While sync
 * is on, every write to a contact with tags (or that had them) or to a tag gets a clock for each
 * register it changed, in the same transaction, whichever code makes the write; deleting a synced
 * contact leaves a deletion clock. While sync is off nothing is recorded (one settings read per write).
 * Writes that apply a remote state (./sync-store.ts) bring their own clocks and are left alone.
 */

/** The settings keys of sync. */
export const SYNC_SETTINGS = {
  enabled: 'syncEnabled',
  /** This browser's replica id. */
  node: 'syncNode',
  /** The seconds of the latest clock issued or seen here. */
  last: 'syncLastSeconds',
  /** The last "delete everything in every browser" this browser knows. */
  wipe: 'syncWipe',
  status: 'syncStatus',
} as const;

/**
 * One record's registers: `c:<contact id>` or `t:<tag id>`, each register key's clock and value (the
 * value as the record holds it, so a sync round reads this table alone, not every contact).
 */
export interface SyncClockRow {
  key: string;
  clocks: Record<string, Hlc>;
  values: Record<string, unknown>;
}

/** The row of a record with these clocks, its values read from the record (none for a deletion). */
export function clockRow<R>(
  fields: Record<string, SyncField<R>>,
  key: string,
  clocks: Record<string, Hlc>,
  record: R | undefined,
): SyncClockRow {
  const values: Record<string, unknown> = {};
  if (record !== undefined) {
    const registers = registersOf(fields, record);
    for (const k in clocks) {
      if (k === DELETED) continue;
      values[k] = registers.has(k) ? registers.get(k) : k.includes('/') ? false : null;
    }
  }
  return { key, clocks, values };
}

export const contactClockKey = (id: string) => `c:${id}`;
export const tagClockKey = (id: string) => `t:${id}`;

/** Transactions (IndexedDB ones) whose writes are not local edits: applying a remote state, resetting. */
const unclocked = new WeakSet<object>();

/** Marks the current Dexie transaction as one whose writes get no clocks. Call first thing inside it. */
export function leaveUnclocked(): void {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: object }) | null;
  if (tx?.idbtrans) unclocked.add(tx.idbtrans);
}

export const syncClockMiddleware = coreMiddleware('kindred-sync-clocks', (down) => {
  const hasClocks = down.schema.tables.some((t) => t.name === 'syncClocks');
  if (!hasClocks) return {};
  return {
    transaction(stores, mode, options) {
      const writes = mode === 'readwrite' && (stores.includes('contacts') || stores.includes('taxonomy'));
      const extra = writes ? ['settings', 'syncClocks'].filter((s) => !stores.includes(s)) : [];
      return down.transaction([...stores, ...extra], mode, options);
    },
    table: (name) => {
      const table = down.table(name);
      if (name === 'contacts') return clocking(table, down.table('settings'), down.table('syncClocks'), 'c');
      if (name === 'taxonomy') return clocking(table, down.table('settings'), down.table('syncClocks'), 't');
      return table;
    },
  };
});

function clocking(table: DBCoreTable, settings: DBCoreTable, clocksTable: DBCoreTable, prefix: 'c' | 't'): DBCoreTable {
  const fields = (prefix === 'c' ? CONTACT_SYNC_FIELDS : TAG_SYNC_FIELDS) as Record<string, SyncField<unknown>>;
  const record = async (req: DBCoreMutateRequest) => {
    const { trans } = req;
    if ((trans as IDBTransaction).mode === 'versionchange' || unclocked.has(trans)) return table.mutate(req);
    const enabled = (await settings.get({ trans, key: SYNC_SETTINGS.enabled })) as { value: unknown } | undefined;
    if (enabled?.value !== true) return table.mutate(req);
    if (req.type === 'deleteRange') {
      // Clearing the table (a replace-import): its rows go too, and what is written next starts afresh.
      const response = await table.mutate(req);
      await clocksTable.mutate({
        type: 'deleteRange',
        trans,
        range: { type: 2, lower: `${prefix}:`, upper: `${prefix};`, lowerOpen: false, upperOpen: true },
      });
      return response;
    }
    const keys =
      req.type === 'delete'
        ? req.keys
        : (req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value)));
    const before = req.type === 'delete' ? [] : ((await table.getMany({ trans, keys })) as unknown[]);
    const rowKeys = keys.map((key) => `${prefix}:${String(key)}`);
    const rows = (await clocksTable.getMany({ trans, keys: rowKeys })) as Array<SyncClockRow | undefined>;
    const response = await table.mutate(req);
    const [node, last] = (await settings.getMany({ trans, keys: [SYNC_SETTINGS.node, SYNC_SETTINGS.last] })) as Array<
      { value: unknown } | undefined
    >;
    if (typeof node?.value !== 'string') return response;
    const clock = tick(typeof last?.value === 'number' ? last.value : 0, Date.now(), node.value);
    const changed: SyncClockRow[] = [];
    keys.forEach((_, i) => {
      const row = rows[i];
      if (req.type === 'delete') {
        // Only people other browsers know of leave a deletion behind.
        if (row) changed.push(clockRow(fields, rowKeys[i]!, { [DELETED]: clock }, undefined));
        return;
      }
      const after = req.values[i] as { purposes?: string[]; relationships?: string[] };
      // A contact never tagged (an imported connection) stays out of sync.
      if (prefix === 'c' && !row && !after.purposes?.length && !after.relationships?.length) return;
      // The first write that makes a record synced sends all it holds (the name seen before the first tag).
      const registers = changedRegisters(fields, row ? before[i] : undefined, after);
      if (registers.size === 0) return;
      const clocks = { ...row?.clocks };
      for (const key of registers.keys()) clocks[key] = clock;
      changed.push(clockRow(fields, rowKeys[i]!, clocks, after));
    });
    if (changed.length > 0) {
      await clocksTable.mutate({ type: 'put', trans, values: changed, keys: changed.map((r) => r.key) });
      await settings.mutate({
        type: 'put',
        trans,
        values: [{ key: SYNC_SETTINGS.last, value: hlcSeconds(clock) }],
        keys: [SYNC_SETTINGS.last],
      });
    }
    return response;
  };
  return writesInOrder(table, record);
}
