import { hlc, hlcNode, hlcSeconds, isNodeId } from './sync-clock';
import { CONTACT_SYNC_FIELDS, type Codec, type SyncField, TAG_SYNC_FIELDS, dayDate, dayNumber } from './sync-fields';
import { DELETED, type RecordKind, type SyncRecord, type SyncState, later, recordClock, splitKey } from './sync-state';

/**
 * The sync state written compactly into storage.sync, within its limits (Chrome: 102,400 bytes in
 * all, 8,192 per item counting the key, 512 items). Items:
 *
 * - `m`: the format version and the last "delete everything in every browser";
 * - `t0`, `t1`…: the taxonomy, always first;
 * - `c0`…`c23`: the contacts, each in the bucket its id hashes to (so a change rewrites one item, and
 *   two browsers changing different people write different items).
 *
 * Every item stands alone (a browser may have written it at another time than the rest): it carries
 * its own base time, replica ids and, per set field, the elements its bit fields count (`k`). A record
 * is `[id, {code: value}]`: a plain field `[value, clock]`, a set field `[on bits, off bits, clock…]`
 * (hex, bit i for the i-th element of `k`, the clocks of the "on" then the "off" elements), a deletion
 * `clock`. A clock is its seconds after the item's base in base 36 and one character for the replica;
 * a clock equal to the one before it in the same record is written '' (most fields change together).
 * Which records fit: the taxonomy, then the contacts most recently changed first without their notes,
 * then the notes in the same order while room is left.
 */

export const FORMAT_VERSION = 1;
export const SYNC_LIMITS = {
  quotaBytes: 102_400,
  itemBytes: 8_192,
  maxItems: 512,
} as const;
export const CONTACT_BUCKETS = 24;
/** Room kept free of the quota: the meta item's growth, and Chrome's own rounding. */
const RESERVE_BYTES = 1_024;
const ITEM_MARGIN = 32;
/** No contact's entry is smaller than this (`["x",{"~":"0a"}]` and a comma). */
const SMALLEST_ENTRY = 16;
/** After this many contacts in a row too big for the quota's last bytes, the rest are not tried. */
const GIVE_UP_AFTER = 32;
const NODE_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type SyncItems = Record<string, unknown>;

export interface EncodeReport {
  items: SyncItems;
  /** Bytes as storage.sync counts them (key plus JSON of the value). */
  bytes: number;
  contactsSynced: number;
  /** Contacts with tags that did not fit at all. */
  contactsLeft: number;
  /** Contacts whose (non-empty) note stays on this computer. */
  notesLeft: number;
  /** Tags of the taxonomy that did not fit. */
  tagsLeft: number;
}

export interface EncodeLimits {
  quotaBytes: number;
  itemBytes: number;
}

interface ItemHeader {
  v: number;
  b: number;
  n: string[];
  k?: Record<string, string[]>;
  r: Array<[string, Record<string, unknown>]>;
}

const utf8 = new TextEncoder();
export function byteLength(text: string): number {
  // Most text is ASCII: count it directly, ask the encoder only when there is more.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return utf8.encode(text).length;
  return text.length;
}

export function itemBytes(key: string, value: unknown): number {
  return byteLength(key) + byteLength(JSON.stringify(value));
}

/** Which contact bucket an id goes in (FNV-1a). */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % CONTACT_BUCKETS;
}

function encodeValue(codec: Codec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (codec === 'bool') return value ? 1 : 0;
  if (codec === 'day?') return typeof value === 'string' ? dayNumber(value) : null;
  return value;
}

function decodeValue(codec: Codec, value: unknown): unknown {
  switch (codec) {
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'text?':
      return typeof value === 'string' ? value : null;
    case 'int':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'int?':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'bool':
      return value === 1;
    case 'day?':
      return typeof value === 'number' && Number.isFinite(value) ? dayDate(value) : null;
  }
}

function bitsToHex(indexes: number[]): string {
  if (indexes.length === 0) return '';
  const nibbles = new Array<number>(Math.floor(Math.max(...indexes) / 4) + 1).fill(0);
  for (const i of indexes) nibbles[i >> 2]! |= 1 << (i & 3);
  return nibbles.map((n) => n.toString(16)).join('');
}

function hexToBits(hex: string): number[] {
  const indexes: number[] = [];
  for (let c = 0; c < hex.length; c++) {
    const nibble = parseInt(hex[c]!, 16);
    for (let b = 0; b < 4; b++) if (nibble & (1 << b)) indexes.push(c * 4 + b);
  }
  return indexes;
}

/** One item under construction: its header dictionaries grow as records are added. */
class ItemBuilder {
  readonly nodes = new Map<string, number>();
  readonly dict = new Map<string, Map<string, number>>();
  readonly records: Array<[string, Record<string, unknown>]> = [];
  bytes: number;

  constructor(
    readonly key: string,
    readonly base: number,
    readonly withDict: boolean,
  ) {
    this.bytes = itemBytes(key, this.value());
  }

  value(): ItemHeader {
    const header: ItemHeader = { v: FORMAT_VERSION, b: this.base, n: [...this.nodes.keys()], r: this.records };
    if (this.withDict) header.k = Object.fromEntries([...this.dict].map(([code, map]) => [code, [...map.keys()]]));
    return header;
  }

  /** The clock's code, adding its replica to `added` if new to the item; undefined if the item has no room for another replica. */
  clock(clock: string, added: Map<string, number>): string | undefined {
    const node = hlcNode(clock);
    let index = this.nodes.get(node) ?? added.get(node);
    if (index === undefined) {
      index = this.nodes.size + added.size;
      if (index >= NODE_ALPHABET.length) return undefined;
      added.set(node, index);
    }
    return (hlcSeconds(clock) - this.base).toString(36) + NODE_ALPHABET[index];
  }
}

interface Pending {
  nodes: Map<string, number>;
  dict: Map<string, Map<string, number>>;
}

/** Encodes `keys` of a record's fields into `into`, growing `pending` with what the item's header must add. */
function encodeFields<R>(
  item: ItemBuilder,
  fields: Record<string, SyncField<R>>,
  record: SyncRecord,
  names: readonly string[],
  into: Record<string, unknown>,
  pending: Pending,
): boolean {
  for (const name of names) {
    const field = fields[name]!;
    if (field.kind === 'lww') {
      const register = record[name];
      if (!register) continue;
      const clock = item.clock(register.c, pending.nodes);
      if (clock === undefined) return false;
      into[field.code] = [encodeValue(field.codec, register.v), clock];
      continue;
    }
    const prefix = `${name}/`;
    const on: Array<[number, string]> = [];
    const off: Array<[number, string]> = [];
    const known = item.dict.get(field.code);
    let added = pending.dict.get(field.code);
    // In key order, so browsers holding the same record encode it the same (register order differs).
    for (const key of Object.keys(record).sort()) {
      if (!key.startsWith(prefix)) continue;
      const raw = key.slice(prefix.length);
      const element = field.encodeElement ? field.encodeElement(raw) : raw;
      let index = known?.get(element) ?? added?.get(element);
      if (index === undefined) {
        if (!added) pending.dict.set(field.code, (added = new Map()));
        index = (known?.size ?? 0) + added.size;
        added.set(element, index);
      }
      const clock = item.clock(record[key]!.c, pending.nodes);
      if (clock === undefined) return false;
      (record[key]!.v === true ? on : off).push([index, clock]);
    }
    if (on.length + off.length === 0) continue;
    on.sort((a, b) => a[0] - b[0]);
    off.sort((a, b) => a[0] - b[0]);
    into[field.code] = [
      bitsToHex(on.map(([i]) => i)),
      bitsToHex(off.map(([i]) => i)),
      ...on.map(([, c]) => c),
      ...off.map(([, c]) => c),
    ];
  }
  return true;
}

/**
 * Writes each clock equal to the one before it in the same record (in the order a reader meets them:
 * the deletion, then the fields in order, a set's clocks in order) as '', in place; returns the last
 * clock. Most fields of a record change together, so most of its clocks go.
 */
function shortenClocks(
  fields: Record<string, unknown>,
  byCode: ReadonlyMap<string, SyncField<never>>,
  last: string | undefined,
): string | undefined {
  const same = (code: string) => {
    if (code === last) return '';
    last = code;
    return code;
  };
  for (const code of Object.keys(fields)) {
    const value = fields[code];
    if (code === DELETED) fields[code] = same(value as string);
    else if (byCode.get(code)?.kind === 'lww') (value as unknown[])[1] = same((value as string[])[1]!);
    else for (let i = 2; i < (value as unknown[]).length; i++) (value as string[])[i] = same((value as string[])[i]!);
  }
  return last;
}

const codesOf = (fields: Record<string, SyncField<never>>) =>
  new Map(Object.values(fields).map((field) => [field.code, field]));
const TAG_CODES = codesOf(TAG_SYNC_FIELDS as Record<string, SyncField<never>>);
const CONTACT_CODES = codesOf(CONTACT_SYNC_FIELDS as Record<string, SyncField<never>>);

/** The bytes the header grows by when `pending` is added. */
function headerGrowth(item: ItemBuilder, pending: Pending): number {
  let bytes = 0;
  for (const node of pending.nodes.keys()) bytes += node.length + 3;
  for (const [code, added] of pending.dict) {
    if (!item.dict.has(code)) bytes += code.length + 6;
    for (const element of added.keys()) bytes += byteLength(JSON.stringify(element)) + 1;
  }
  return bytes;
}

function commit(item: ItemBuilder, pending: Pending): void {
  for (const [node, index] of pending.nodes) item.nodes.set(node, index);
  for (const [code, added] of pending.dict) {
    const map = item.dict.get(code) ?? new Map<string, number>();
    for (const [element, index] of added) map.set(element, index);
    item.dict.set(code, map);
  }
}

function minSeconds(state: SyncState): number {
  let min = Infinity;
  for (const kind of ['tags', 'contacts'] as const) {
    for (const id in state[kind]) {
      const record = state[kind][id]!;
      for (const key in record) min = Math.min(min, hlcSeconds(record[key]!.c));
    }
  }
  return Number.isFinite(min) ? min : 0;
}

const syncedContact = (record: SyncRecord): boolean => {
  for (const key in record) if (key === DELETED || key.startsWith('tags/')) return true;
  return false;
};

/**
 * Chooses what fits and encodes it: the taxonomy first, then the contacts with tags (or a deletion),
 * most recently changed first, then their notes while room is left. Deterministic: two browsers with
 * the same state write the same items.
 */
export function encodeState(state: SyncState, limits: EncodeLimits = SYNC_LIMITS): EncodeReport {
  const base = minSeconds(state);
  const budget = limits.quotaBytes - RESERVE_BYTES;
  const itemLimit = limits.itemBytes - ITEM_MARGIN;
  const items: SyncItems = {};
  const meta: Record<string, unknown> = { v: FORMAT_VERSION };
  if (state.wipe !== undefined) meta.w = state.wipe;
  items.m = meta;
  let total = itemBytes('m', meta);

  // The taxonomy, in id order, in as many items as it needs.
  const tagNames = Object.keys(TAG_SYNC_FIELDS);
  const taxonomy: ItemBuilder[] = [];
  let tagsLeft = 0;
  const placeTag = (item: ItemBuilder, id: string): boolean => {
    const record = state.tags[id]!;
    const pending: Pending = { nodes: new Map(), dict: new Map() };
    const fields: Record<string, unknown> = {};
    if (record[DELETED]) fields[DELETED] = item.clock(record[DELETED].c, pending.nodes);
    if (!encodeFields(item, TAG_SYNC_FIELDS, record, tagNames, fields, pending)) return false;
    shortenClocks(fields, TAG_CODES, undefined);
    const entry: [string, Record<string, unknown>] = [id, fields];
    const cost = byteLength(JSON.stringify(entry)) + (item.records.length > 0 ? 1 : 0) + headerGrowth(item, pending);
    if (item.bytes + cost > itemLimit || total + cost > budget) return false;
    commit(item, pending);
    item.records.push(entry);
    item.bytes += cost;
    total += cost;
    return true;
  };
  for (const id of Object.keys(state.tags).sort()) {
    const last = taxonomy.at(-1);
    if (last && placeTag(last, id)) continue;
    const item = new ItemBuilder(`t${taxonomy.length}`, base, false);
    if (total + item.bytes <= budget) {
      taxonomy.push(item);
      total += item.bytes;
      if (placeTag(item, id)) continue;
    }
    tagsLeft++;
  }
  for (const item of taxonomy) items[item.key] = item.value();

  // Contact buckets: every bucket is written, empty or not, so what a browser stopped sending is replaced.
  const buckets = Array.from({ length: CONTACT_BUCKETS }, (_, i) => new ItemBuilder(`c${i}`, base, true));
  for (const bucket of buckets) total += bucket.bytes;
  const contactNames = Object.keys(CONTACT_SYNC_FIELDS);
  const core = contactNames.filter((name) => !CONTACT_SYNC_FIELDS[name]!.optional);
  const optional = contactNames.filter((name) => CONTACT_SYNC_FIELDS[name]!.optional);

  const ids = Object.keys(state.contacts).filter((id) => syncedContact(state.contacts[id]!));
  const clocks = new Map(ids.map((id) => [id, recordClock(state.contacts[id]!)]));
  ids.sort((a, b) => (clocks.get(a)! > clocks.get(b)! ? -1 : clocks.get(a)! < clocks.get(b)! ? 1 : a < b ? -1 : 1));

  const placed = new Map<string, [ItemBuilder, Record<string, unknown>, string | undefined]>();
  /** Contacts in a row that did not fit in the quota's last bytes. */
  let fullTries = 0;
  let contactsLeft = 0;
  let notesLeft = 0;
  const hasNote = (record: SyncRecord) => typeof record.note?.v === 'string' && record.note.v !== '';
  for (const id of ids) {
    const record = state.contacts[id]!;
    if (total + SMALLEST_ENTRY > budget || fullTries >= GIVE_UP_AFTER) {
      // The quota is full: the rest stay here, without encoding each to find out.
      if (!(record[DELETED] && Object.keys(record).length === 1)) contactsLeft++;
      if (hasNote(record)) notesLeft++;
      continue;
    }
    const bucket = buckets[bucketOf(id)]!;
    const pending: Pending = { nodes: new Map(), dict: new Map() };
    const fields: Record<string, unknown> = {};
    let ok = true;
    if (record[DELETED]) {
      const clock = bucket.clock(record[DELETED].c, pending.nodes);
      if (clock === undefined) ok = false;
      else fields[DELETED] = clock;
    }
    ok = ok && encodeFields(bucket, CONTACT_SYNC_FIELDS, record, core, fields, pending);
    const lastClock = ok ? shortenClocks(fields, CONTACT_CODES, undefined) : undefined;
    const entry: [string, Record<string, unknown>] = [id, fields];
    const cost =
      byteLength(JSON.stringify(entry)) + (bucket.records.length > 0 ? 1 : 0) + headerGrowth(bucket, pending);
    if (ok && bucket.bytes + cost <= itemLimit && total + cost <= budget) {
      commit(bucket, pending);
      bucket.records.push(entry);
      bucket.bytes += cost;
      total += cost;
      placed.set(id, [bucket, fields, lastClock]);
      fullTries = 0;
    } else {
      if (total + cost > budget) fullTries++;
      contactsLeft += record[DELETED] && Object.keys(record).length === 1 ? 0 : 1;
      if (hasNote(record)) notesLeft++;
    }
  }
  for (const id of ids) {
    const spot = placed.get(id);
    if (!spot) continue;
    const [bucket, fields, lastClock] = spot;
    const record = state.contacts[id]!;
    const pending: Pending = { nodes: new Map(), dict: new Map() };
    const extra: Record<string, unknown> = {};
    if (!encodeFields(bucket, CONTACT_SYNC_FIELDS, record, optional, extra, pending)) {
      if (hasNote(record)) notesLeft++;
      continue;
    }
    shortenClocks(extra, CONTACT_CODES, lastClock);
    let cost = headerGrowth(bucket, pending);
    for (const [code, value] of Object.entries(extra)) cost += byteLength(JSON.stringify({ [code]: value })) - 1;
    if (bucket.bytes + cost <= itemLimit && total + cost <= budget) {
      commit(bucket, pending);
      Object.assign(fields, extra);
      bucket.bytes += cost;
      total += cost;
    } else if (hasNote(record)) notesLeft++;
  }
  for (const bucket of buckets) items[bucket.key] = bucket.value();

  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return { items, bytes, contactsSynced: placed.size, contactsLeft, notesLeft, tagsLeft };
}

/** The sync state a set of storage.sync items holds; anything unreadable (another format) is skipped. */
export function decodeItems(items: SyncItems): SyncState {
  const state: SyncState = { tags: {}, contacts: {} };
  const meta = items.m as { v?: unknown; w?: unknown } | undefined;
  if (meta && typeof meta.w === 'string') state.wipe = meta.w;
  for (const [key, value] of Object.entries(items)) {
    const kind: RecordKind | undefined = /^t\d+$/.test(key) ? 'tags' : /^c\d+$/.test(key) ? 'contacts' : undefined;
    if (!kind) continue;
    try {
      if (kind === 'tags') decodeItem(value as ItemHeader, TAG_SYNC_FIELDS, state.tags);
      else decodeItem(value as ItemHeader, CONTACT_SYNC_FIELDS, state.contacts);
    } catch {
      // A damaged or foreign item: what it held still lives in the browser that wrote it.
    }
  }
  return state;
}

function decodeItem<R>(item: ItemHeader, fields: Record<string, SyncField<R>>, into: Record<string, SyncRecord>): void {
  if (!item || item.v !== FORMAT_VERSION || !Array.isArray(item.r) || !Array.isArray(item.n)) return;
  if (!item.n.every((n) => typeof n === 'string' && isNodeId(n)) || typeof item.b !== 'number') return;
  const byCode = new Map(Object.entries(fields).map(([name, field]) => [field.code, [name, field] as const]));
  /** The clock before, in the record being read: what '' stands for. */
  let last: string | undefined;
  const clock = (code: unknown): string | undefined => {
    if (code === '') return last;
    if (typeof code !== 'string' || code.length < 2) return (last = undefined);
    const node = item.n[NODE_ALPHABET.indexOf(code.at(-1)!)];
    const seconds = parseInt(code.slice(0, -1), 36);
    last = node === undefined || !Number.isFinite(seconds) ? undefined : hlc(item.b + seconds, node);
    return last;
  };
  for (const entry of item.r) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'object' || !entry[1]) continue;
    const [id, encoded] = entry;
    last = undefined;
    const record: SyncRecord = {};
    for (const [code, value] of Object.entries(encoded)) {
      if (code === DELETED) {
        const c = clock(value);
        if (c) record[DELETED] = { v: true, c };
        continue;
      }
      const known = byCode.get(code);
      if (!known || !Array.isArray(value)) continue;
      const [name, field] = known;
      if (field.kind === 'lww') {
        const c = clock(value[1]);
        const v = decodeValue(field.codec, value[0]);
        if (c && v !== undefined) record[name] = { v, c };
        continue;
      }
      const dictionary = item.k?.[code] ?? [];
      const [onHex, offHex, ...clocks] = value as [string, string, ...string[]];
      const on = hexToBits(String(onHex));
      const off = hexToBits(String(offHex));
      [...on, ...off].forEach((index, n) => {
        const c = clock(clocks[n]);
        const element = dictionary[index];
        if (element === undefined || !c) return;
        const raw = field.decodeElement ? field.decodeElement(element) : element;
        record[`${name}/${raw}`] = { v: n < on.length, c };
      });
    }
    const existing = into[id];
    if (existing) for (const key in record) existing[key] = later(existing[key], record[key])!;
    else if (Object.keys(record).length > 0) into[id] = record;
  }
}

/** The register keys' fields a record holds: for reports ("what the last merge changed"). */
export function fieldsOf(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => splitKey(key)[0]))];
}
