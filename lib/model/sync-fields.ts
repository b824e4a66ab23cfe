import { CORRECTABLE_FIELDS, type Contact, type CorrectableField, type TagField } from './contact';
import { type Touch, isIsoDate, isTouchChannel, withTouch } from './rhythm';
import type { Tag } from './taxonomy';

/**
 * What syncs, declared once: each synced field of a tag or contact, how it merges (`lww`: one
 * last-writer-wins register; `set`: one register per element, so concurrent additions in two browsers
 * both stay), its one-letter code in storage.sync, how its value is encoded there, and how it is read
 * from and put into the stored record. Adding a synced field is one entry here (and, for a new contact
 * field, its place in lib/formats/contact-record.ts).
 *
 * Not synced: LinkedIn's page values (headline, company, location: each browser reads them from the
 * pages it visits), the member id, connection dates and the CSV source (each browser imports its own
 * Connections.csv), when the profile was last seen, and `firstTaggedAt` (when this browser first saw a
 * tag: a local fact). Nor the former ids (`formerIds`, the URLs a person was known under): they come
 * with the member id, which does not sync, and each browser records them itself when it moves or merges
 * that person's contacts; a synced contact arrives under the URL it has now, which is what finds it.
 */

export type SyncableContact = Contact;
export type SyncableTag = Tag;

/** How a plain value is written in storage.sync. */
export type Codec = 'text' | 'text?' | 'int' | 'int?' | 'bool' | 'day?';

/** What a field needs to know besides the record: which field of a contact holds a tag's id. */
export interface FieldContext {
  tagField(tagId: string): TagField | undefined;
}

export interface PlainField<R> {
  kind: 'lww';
  code: string;
  codec: Codec;
  /** Sent only while the quota allows, after the core fields of every contact that fits. */
  optional?: boolean;
  /** The value as stored locally; undefined when the record has none to sync. */
  read(record: R): unknown;
  /** Puts a synced value into the record (a draft, changed in place). */
  apply(record: R, value: unknown): void;
}

export interface SetField<R> {
  kind: 'set';
  code: string;
  optional?: boolean;
  read(record: R): string[];
  /** Whether this browser can hold the element now (a tag it does not know yet waits). */
  accepts?(element: string, context: FieldContext): boolean;
  apply(record: R, elements: readonly string[], context: FieldContext): void;
  /** How an element is written in storage.sync, when not as is. */
  encodeElement?(element: string): string;
  decodeElement?(encoded: string): string;
}

export type SyncField<R> = PlainField<R> | SetField<R>;

// —— tags ——

const tagValue = <K extends keyof SyncableTag>(key: K, codec: Codec, code: string): PlainField<SyncableTag> => ({
  kind: 'lww',
  code,
  codec,
  read: (tag) => tag[key],
  apply: (tag, value) => {
    tag[key] = value as SyncableTag[K];
  },
});

export const TAG_SYNC_FIELDS: Record<string, SyncField<SyncableTag>> = {
  dimension: tagValue('dimension', 'text', 'd'),
  label: tagValue('label', 'text', 'l'),
  description: tagValue('description', 'text', 'e'),
  color: tagValue('color', 'text', 'k'),
  order: tagValue('order', 'int', 'o'),
  archived: tagValue('archived', 'bool', 'a'),
  // Issue 16: a tag's keep-in-touch rhythm; null when it has none.
  rhythmDays: {
    kind: 'lww',
    code: 'r',
    codec: 'int?',
    read: (tag) => tag.rhythmDays ?? null,
    apply: (tag, value) => {
      if (typeof value === 'number') tag.rhythmDays = value;
      else delete tag.rhythmDays;
    },
  },
};

// —— contacts ——

/** The person's correction of a field, or null when they use LinkedIn's. */
function correction(field: CorrectableField): PlainField<SyncableContact> {
  return {
    kind: 'lww',
    code: { name: 'f', headline: 'h', company: 'c' }[field],
    codec: 'text?',
    read: (contact) => (contact.pageValues?.[field] !== undefined ? contact[field] : null),
    apply: (contact, value) => {
      const pageValues = { ...contact.pageValues };
      if (typeof value === 'string') {
        if (pageValues[field] === undefined) pageValues[field] = contact[field];
        contact[field] = value;
      } else if (pageValues[field] !== undefined) {
        contact[field] = pageValues[field];
        delete pageValues[field];
      }
      const ordered = CORRECTABLE_FIELDS.filter((f) => pageValues[f] !== undefined);
      if (ordered.length > 0) contact.pageValues = Object.fromEntries(ordered.map((f) => [f, pageValues[f]]));
      else delete contact.pageValues;
    },
  };
}

const DAY_MS = 86_400_000;
/** YYYY-MM-DD → days since 1970-01-01. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}
export function dayDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const CONTACT_SYNC_FIELDS: Record<string, SyncField<SyncableContact>> = {
  tags: {
    kind: 'set',
    code: 't',
    read: (contact) => [...contact.purposes, ...contact.relationships],
    accepts: (tagId, context) => context.tagField(tagId) !== undefined,
    apply: (contact, elements, context) => {
      // Tags keep the order they were put on in; new ones go at the end.
      const wanted = new Set(elements);
      for (const field of ['purposes', 'relationships'] as const) {
        contact[field] = contact[field].filter((id) => wanted.has(id) && context.tagField(id) === field);
      }
      for (const id of elements) {
        const field = context.tagField(id);
        if (field && !contact[field].includes(id)) contact[field].push(id);
      }
    },
  },
  /** LinkedIn's name (the page value; the person's correction is `fix-name`): a browser that never saw the person shows it. */
  name: {
    kind: 'lww',
    code: 'n',
    codec: 'text',
    read: (contact) => contact.pageValues?.name ?? contact.name,
    apply: (contact, value) => {
      if (typeof value !== 'string') return;
      if (contact.pageValues?.name !== undefined) contact.pageValues = { ...contact.pageValues, name: value };
      else contact.name = value;
    },
  },
  'fix-name': correction('name'),
  'fix-headline': correction('headline'),
  'fix-company': correction('company'),
  note: {
    kind: 'lww',
    code: 'o',
    codec: 'text',
    optional: true,
    read: (contact) => contact.note,
    apply: (contact, value) => {
      if (typeof value === 'string') contact.note = value;
    },
  },
  // Issue 16: touches as a set of "day" or "day|channel", so touches logged in two browsers both stay.
  touches: {
    kind: 'set',
    code: 'u',
    read: (contact) => (contact.touches ?? []).map((t) => (t.channel ? `${t.on}|${t.channel}` : t.on)),
    apply: (contact, elements) => {
      if (elements.length === 0 && contact.touches === undefined) return;
      let touches: Touch[] = [];
      for (const element of elements) {
        const [on = '', channel] = element.split('|');
        if (!isIsoDate(on)) continue;
        // A channel this version does not know (a newer Kindred elsewhere) keeps the touch, without it.
        touches = withTouch(touches, channel && isTouchChannel(channel) ? { on, channel } : { on });
      }
      contact.touches = touches;
    },
    encodeElement: (element) => {
      const [on = '', ...rest] = element.split('|');
      return [dayNumber(on).toString(36), ...rest].join('|');
    },
    decodeElement: (encoded) => {
      const [day = '', ...rest] = encoded.split('|');
      return [dayDate(parseInt(day, 36)), ...rest].join('|');
    },
  },
  rhythmDays: {
    kind: 'lww',
    code: 'r',
    codec: 'int?',
    read: (contact) => contact.rhythmDays ?? null,
    apply: (contact, value) => {
      if (typeof value === 'number') contact.rhythmDays = value;
      else delete contact.rhythmDays;
    },
  },
  snoozedUntil: {
    kind: 'lww',
    code: 's',
    codec: 'day?',
    read: (contact) => contact.snoozedUntil ?? null,
    apply: (contact, value) => {
      if (typeof value === 'string') contact.snoozedUntil = value;
      else delete contact.snoozedUntil;
    },
  },
};

/** The registers a record holds now, by key (`tags/work` → true), from the stored record. */
export function registersOf<R>(fields: Record<string, SyncField<R>>, record: R): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, field] of Object.entries(fields)) {
    if (field.kind === 'set') for (const element of field.read(record)) values.set(`${name}/${element}`, true);
    else {
      const value = field.read(record);
      if (value !== undefined) values.set(name, value);
    }
  }
  return values;
}

/** A field's value that says nothing (no note, no correction): a new record does not claim it. */
function isBlank(value: unknown): boolean {
  return value === '' || value === null;
}

/**
 * The register keys whose value differs between two versions of a record (`before` undefined: a new
 * record): what a local write changed, and so what gets a new clock. Elements taken out of a set get
 * the value false. A new record's blank fields get none: a contact first seen here with no note must
 * not outvote the note another browser wrote earlier.
 */
export function changedRegisters<R>(
  fields: Record<string, SyncField<R>>,
  before: R | undefined,
  after: R,
): Map<string, unknown> {
  const old = before === undefined ? new Map<string, unknown>() : registersOf(fields, before);
  const now = registersOf(fields, after);
  const changed = new Map<string, unknown>();
  for (const [key, value] of now) {
    if (old.has(key) ? JSON.stringify(old.get(key)) === JSON.stringify(value) : isBlank(value)) continue;
    changed.set(key, value);
  }
  for (const key of old.keys()) if (!now.has(key) && key.includes('/')) changed.set(key, false);
  return changed;
}
