import type { Hlc } from './sync-clock';

/**
 * The replicated state behind sync: a state-based CRDT made of last-writer-wins registers (see
 * docs/architecture.md, "Sync across browsers"). Pure: no browser, no database.
 *
 * - A **register** holds one value and the clock of the write that set it; of two registers for the
 *   same thing, the one with the later clock wins.
 * - A **record** (one tag of the taxonomy, one contact) is its registers by key: a plain field under its
 *   name (`note`), each element of a set field under `field/element` with `true` (in the set) or
 *   `false` (taken out): `tags/work`. So a tag turned on in one browser and another tag turned on in a
 *   second browser are two registers, and both survive.
 * - A **deletion** is the register `~` of the record: every register older than it is void (dropped),
 *   a later edit lives on. Deletions are kept `TOMBSTONE_DAYS` and then dropped.
 * - A **wipe** (delete everything in every browser) voids every register older than it.
 *
 * Merging two states takes, register by register, the later one, then drops what a deletion or wipe
 * voids: commutative, associative and idempotent, so replicas that have seen the same writes hold the
 * same state whatever order and however often the writes arrived.
 */

export interface Register<V = unknown> {
  v: V;
  c: Hlc;
}

export type SyncRecord = Record<string, Register>;

export interface SyncState {
  /** The last "delete everything in every browser". */
  wipe?: Hlc;
  tags: Record<string, SyncRecord>;
  contacts: Record<string, SyncRecord>;
}

export type RecordKind = 'tags' | 'contacts';

/** The key of a record's deletion register. */
export const DELETED = '~';

/** How long a deletion is kept: a browser that was offline longer than this may bring back older edits. */
export const TOMBSTONE_DAYS = 180;

export function emptyState(): SyncState {
  return { tags: {}, contacts: {} };
}

/** The register of an element of a set field: `tags/work`. */
export function elementKey(field: string, element: string): string {
  return `${field}/${element}`;
}

/** The field and element of a register key (`['tags', 'work']`), the element undefined for a plain field. */
export function splitKey(key: string): [string, string | undefined] {
  const slash = key.indexOf('/');
  return slash < 0 ? [key, undefined] : [key.slice(0, slash), key.slice(slash + 1)];
}

/** The later of two registers; two writes with one clock are one write (ties broken by value, for safety). */
export function later(a: Register | undefined, b: Register | undefined): Register | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.c !== b.c) return a.c > b.c ? a : b;
  return JSON.stringify(a.v) >= JSON.stringify(b.v) ? a : b;
}

/** The latest clock in a record: how recently it changed. */
export function recordClock(record: SyncRecord): Hlc {
  let max = '';
  for (const key in record) if (record[key]!.c > max) max = record[key]!.c;
  return max;
}

/** Whether the record holds anything beyond its deletion. */
export function isAlive(record: SyncRecord): boolean {
  for (const key in record) if (key !== DELETED) return true;
  return false;
}

/** Drops, in place, what the record's deletion or the wipe voids; false when nothing is left. */
export function normalize(record: SyncRecord, wipe: Hlc | undefined): boolean {
  const deleted = record[DELETED]?.c;
  const floor = deleted !== undefined && (wipe === undefined || deleted > wipe) ? deleted : wipe;
  if (floor !== undefined) {
    for (const key in record) {
      if (key === DELETED ? record[key]!.c <= (wipe ?? '') : record[key]!.c <= floor) delete record[key];
    }
  }
  for (const _ in record) return true;
  return false;
}

/** A change a merge made: this register of this record now holds a newer write. */
export interface MergeChange {
  kind: RecordKind;
  id: string;
  key: string;
}

/**
 * Merges `source` into `target` (in place) and says which records changed and which registers now hold
 * a write from `source`. Records voided by a deletion or wipe are removed from `target`.
 */
export function mergeInto(target: SyncState, source: SyncState): { changes: MergeChange[]; wiped: boolean } {
  const changes: MergeChange[] = [];
  let wiped = false;
  if (source.wipe !== undefined && (target.wipe === undefined || source.wipe > target.wipe)) {
    target.wipe = source.wipe;
    wiped = true;
  }
  for (const kind of ['tags', 'contacts'] as const) {
    const into = target[kind];
    const from = source[kind];
    if (wiped) for (const id in into) if (!normalize(into[id]!, target.wipe)) delete into[id];
    for (const id in from) {
      const incoming = from[id]!;
      const record = into[id] ?? {};
      const changedKeys: string[] = [];
      for (const key in incoming) {
        const mine = record[key];
        const theirs = incoming[key]!;
        if (later(mine, theirs) !== mine) {
          record[key] = { v: theirs.v, c: theirs.c };
          changedKeys.push(key);
        }
      }
      if (changedKeys.length === 0) continue;
      if (!normalize(record, target.wipe)) {
        delete into[id];
        continue;
      }
      into[id] = record;
      for (const key of changedKeys) if (record[key]?.c === incoming[key]!.c) changes.push({ kind, id, key });
    }
  }
  return { changes, wiped };
}

/**
 * Whether `ours` holds a write `theirs` lacks (a register newer than theirs, a later wipe). A browser
 * writes an item only then: an item it holds less of (a tag it cannot show yet) is left as it is, so
 * two browsers never overwrite each other's items back and forth.
 */
export function hasNews(ours: SyncState, theirs: SyncState): boolean {
  if (ours.wipe !== undefined && (theirs.wipe === undefined || ours.wipe > theirs.wipe)) return true;
  for (const kind of ['tags', 'contacts'] as const) {
    for (const id in ours[kind]) {
      const mine = ours[kind][id]!;
      const other = theirs[kind][id];
      for (const key in mine) {
        const register = other?.[key];
        if (!register || later(register, mine[key]) !== register) return true;
      }
    }
  }
  return false;
}

/** A copy of a state (registers are never changed in place, so they are shared). */
export function copyState(state: SyncState): SyncState {
  const copy: SyncState = { tags: {}, contacts: {} };
  if (state.wipe !== undefined) copy.wipe = state.wipe;
  for (const kind of ['tags', 'contacts'] as const) {
    for (const id in state[kind]) copy[kind][id] = { ...state[kind][id] };
  }
  return copy;
}

/** The merge of two states, neither changed. */
export function merged(a: SyncState, b: SyncState): SyncState {
  const result = copyState(a);
  mergeInto(result, b);
  return result;
}

/** A local write: sets one register of one record (in place), as of `clock`. */
export function write(state: SyncState, kind: RecordKind, id: string, key: string, value: unknown, clock: Hlc): void {
  const record = state[kind][id] ?? {};
  record[key] = { v: value, c: clock };
  if (normalize(record, state.wipe)) state[kind][id] = record;
  else delete state[kind][id];
}

/** A local deletion of a record, as of `clock`. */
export function remove(state: SyncState, kind: RecordKind, id: string, clock: Hlc): void {
  write(state, kind, id, DELETED, true, clock);
}

/** A local "delete everything in every browser", as of `clock`. */
export function wipeAll(state: SyncState, clock: Hlc): void {
  mergeInto(state, { wipe: clock, tags: {}, contacts: {} });
}

/**
 * Drops deletions older than `TOMBSTONE_DAYS` (in place); `secondsOf` reads a clock's time. A record
 * left with nothing is removed.
 */
export function pruneTombstones(state: SyncState, nowSeconds: number, secondsOf: (clock: Hlc) => number): number {
  const before = nowSeconds - TOMBSTONE_DAYS * 24 * 60 * 60;
  let dropped = 0;
  for (const kind of ['tags', 'contacts'] as const) {
    for (const id in state[kind]) {
      const record = state[kind][id]!;
      const deleted = record[DELETED];
      if (deleted && secondsOf(deleted.c) < before) {
        delete record[DELETED];
        dropped++;
        if (!isAlive(record)) delete state[kind][id];
      }
    }
  }
  return dropped;
}

/** The visible value of a plain field, or undefined. */
export function valueOf(record: SyncRecord | undefined, field: string): unknown {
  return record?.[field]?.v;
}

/** The elements of a set field that are in the set, sorted. */
export function elementsOf(record: SyncRecord | undefined, field: string): string[] {
  const prefix = `${field}/`;
  const elements: string[] = [];
  for (const key in record)
    if (key.startsWith(prefix) && record[key]!.v === true) elements.push(key.slice(prefix.length));
  return elements.sort();
}

/** Canonical JSON of a state (sorted keys), for comparing replicas. */
export function canonical(state: SyncState): string {
  const sortRecord = (record: SyncRecord) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  const sortKind = (records: Record<string, SyncRecord>) =>
    Object.fromEntries(
      Object.keys(records)
        .sort()
        .map((id) => [id, sortRecord(records[id]!)]),
    );
  return JSON.stringify({ wipe: state.wipe ?? null, tags: sortKind(state.tags), contacts: sortKind(state.contacts) });
}
