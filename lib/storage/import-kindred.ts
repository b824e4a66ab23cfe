import { CORRECTABLE_FIELDS, type Contact, type PageValues, isCorrected } from '../model/contact';
import type { Tag } from '../model/taxonomy';
import type { KindredDB } from './db';
import type { ImportData, RecordProblem } from '../formats/kindred-file';
import { existingContacts } from './store';
import { takeSnapshot } from './snapshot';
import { importExtras } from './network-review';
import { withFormerIds } from '../model/same-person';
import { withTouch } from '../model/rhythm';

export type ImportMode = 'merge' | 'replace';

/** A note that differed between the database and the file: the newer one was kept. */
interface NoteConflict {
  contactId: string;
  name: string;
  kept: string;
  discarded: string;
}

export interface ImportReport {
  outcome: 'imported';
  mode: ImportMode;
  added: number;
  updated: number;
  unchanged: number;
  /** Contacts that were in the database but not in the file (replace only). */
  removed: number;
  tagsAdded: number;
  conflicts: NoteConflict[];
  /** Tags of the file whose id this database uses in the other dimension: imported under a new id. */
  tagsRenamed: Array<{ from: string; to: string; label: string }>;
  /** How many contacts of the file were invalid and left out (only when the person chose so). */
  skippedCount: number;
  /** The first SKIPPED_LISTED of them, with where and why. */
  skipped: RecordProblem[];
}

/** How many left-out contacts a report lists one by one; the rest are counted. */
export const SKIPPED_LISTED = 100;

/** A file with invalid contacts, not imported: what the person needs to choose "the valid ones" or "nothing". */
export interface InvalidContactsReport {
  outcome: 'invalid-contacts';
  mode: ImportMode;
  /** Contacts that would be imported with `skipInvalid`. */
  validCount: number;
  invalidCount: number;
  /** The first SKIPPED_LISTED invalid contacts, with where and why. */
  invalid: RecordProblem[];
  /** The first few problems in one sentence, ending "Nothing was changed." */
  message: string;
}

/** A report with nothing counted yet; `skipped` are the contacts of the file left out as invalid. */
export function emptyReport(mode: ImportMode, skipped: readonly RecordProblem[] = []): ImportReport {
  return {
    outcome: 'imported',
    mode,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    tagsAdded: 0,
    conflicts: [],
    tagsRenamed: [],
    skippedCount: skipped.length,
    skipped: skipped.slice(0, SKIPPED_LISTED),
  };
}

/**
 * Merge: each incoming contact added, or merged into the stored one (`current`, at the same index):
 * tags united, the newer note kept (conflicts reported). Counts in `report`; returns only what changed.
 */
export function mergeAll(
  incoming: readonly Contact[],
  current: ReadonlyArray<Contact | undefined>,
  report: ImportReport,
): Contact[] {
  const writes: Contact[] = [];
  incoming.forEach((contact, index) => {
    const stored = current[index];
    if (!stored) {
      report.added++;
      writes.push(contact);
      return;
    }
    const { contact: merged, conflict } = mergeContact(stored, contact);
    if (conflict) report.conflicts.push(conflict);
    if (sameContact(merged, stored)) report.unchanged++;
    else {
      report.updated++;
      writes.push(merged);
    }
  });
  return writes;
}

/**
 * Applies a checked import in one transaction: either all of it lands or none of it.
 * merge: union of tags, newer note wins (conflicts reported); replace: the database becomes the file.
 */
export async function importKindred(
  db: KindredDB,
  file: ImportData,
  mode: ImportMode,
  skipped: readonly RecordProblem[] = [],
): Promise<ImportReport> {
  return db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.snapshot], async () => {
    const report = emptyReport(mode, skipped);
    let data = file;
    if (mode === 'replace') {
      await takeSnapshot(db, 'replace-import', new Date().toISOString());
      const fileIds = new Set(data.contacts.map((c) => c.id));
      const existingIds = await db.contacts.toCollection().primaryKeys();
      report.removed = existingIds.filter((id) => !fileIds.has(id)).length;
      report.updated = existingIds.length - report.removed;
      report.added = data.contacts.length - report.updated;
      const fileTags = new Set(data.taxonomy.map((tag) => tag.id));
      await db.taxonomy.clear();
      // The default tags always exist; the file's versions of them (renamed, archived) take precedence.
      await db.taxonomy.bulkAdd([...data.taxonomy, ...db.defaultTaxonomy().filter((tag) => !fileTags.has(tag.id))]);
      await db.contacts.clear();
      await db.contacts.bulkAdd(data.contacts);
      await importExtras(db, data, mode);
      return report;
    }
    const stored = new Map((await db.taxonomy.toArray()).map((tag) => [tag.id, tag]));
    data = renameClashingTags(data, stored, report);
    const newTags = data.taxonomy.filter((tag) => !stored.has(tag.id));
    await db.taxonomy.bulkAdd(newTags);
    report.tagsAdded = newTags.length;

    const existing = await existingContacts(
      db,
      data.contacts.map((c) => c.id),
    );
    await db.contacts.bulkPut(mergeAll(data.contacts, existing, report));
    await importExtras(db, file, mode);
    return report;
  });
}

/**
 * A file's tag whose id this database has in the other dimension (the file says `coach` is a purpose,
 * here it is a relationship) is imported under a new id (`coach-2`), and the file's contacts follow it.
 * Renaming rather than refusing: the clash is between two custom tags that happen to share a name, the
 * person cannot fix it inside a backup file, and a refusal would keep the whole backup out; renamed, every
 * tag keeps its meaning, every contact its tags, and each reference sits in its own dimension's field,
 * where the tag editor can remove it. The report names each renamed tag.
 */
function renameClashingTags(data: ImportData, stored: ReadonlyMap<string, Tag>, report: ImportReport): ImportData {
  const renames = tagRenames(data.taxonomy, stored, report);
  if (renames.size === 0) return data;
  return {
    taxonomy: data.taxonomy.map((tag) => ({ ...tag, id: renames.get(tag.id) ?? tag.id })),
    contacts: data.contacts.map((c) => renameTags(c, renames)),
  };
}

/** The new id of each of the file's tags that clashes with this database's (see renameClashingTags). */
export function tagRenames(
  taxonomy: readonly Tag[],
  stored: ReadonlyMap<string, Tag>,
  report: ImportReport,
): Map<string, string> {
  const taken = new Set([...stored.keys(), ...taxonomy.map((tag) => tag.id)]);
  const renames = new Map<string, string>();
  for (const tag of taxonomy) {
    const here = stored.get(tag.id);
    if (!here || here.dimension === tag.dimension) continue;
    let to = '';
    for (let n = 2; !to || taken.has(to); n++) to = `${tag.id.slice(0, 57)}-${n}`;
    taken.add(to);
    renames.set(tag.id, to);
    report.tagsRenamed.push({ from: tag.id, to, label: tag.label });
  }
  return renames;
}

export function renameTags(contact: Contact, renames: ReadonlyMap<string, string>): Contact {
  if (renames.size === 0) return contact;
  const rename = (ids: string[]) => ids.map((id) => renames.get(id) ?? id);
  return { ...contact, purposes: rename(contact.purposes), relationships: rename(contact.relationships) };
}

/**
 * Merges what a file says about a contact into what the database has. Nothing is lost: tags are
 * united, the newer non-empty text wins, and a note that differs on both sides is reported.
 */
export function mergeContact(current: Contact, incoming: Contact): { contact: Contact; conflict?: NoteConflict } {
  const incomingIsNewer = incoming.updatedAt > current.updatedAt;
  const [newer, older] = incomingIsNewer ? [incoming, current] : [current, incoming];
  const pick = (field: 'name' | 'headline' | 'company' | 'location' | 'note') => newer[field] || older[field];
  const contact: Contact = {
    ...current,
    name: pick('name'),
    headline: pick('headline'),
    company: pick('company'),
    location: pick('location'),
    note: pick('note'),
    purposes: union(current.purposes, incoming.purposes),
    relationships: union(current.relationships, incoming.relationships),
    createdAt: minDate(current.createdAt, incoming.createdAt),
    updatedAt: maxDate(current.updatedAt, incoming.updatedAt),
    lastSeenAt: maxDate(current.lastSeenAt, incoming.lastSeenAt),
  };
  // A correction is never lost: a field corrected on either side keeps that side's correction and
  // LinkedIn's value with it (the database's first).
  const pageValues: PageValues = {};
  for (const field of CORRECTABLE_FIELDS) {
    const side = [current, incoming].find((c) => isCorrected(c, field));
    if (!side) continue;
    contact[field] = side[field];
    pageValues[field] = side.pageValues![field];
  }
  if (Object.keys(pageValues).length > 0) contact.pageValues = pageValues;
  else delete contact.pageValues;
  // What only the file knows (where the contact came from, when they connected) is added.
  contact.source ??= incoming.source;
  contact.connectedOn ??= incoming.connectedOn;
  if (contact.connectedOn) delete contact.connectedOnText;
  else contact.connectedOnText ??= incoming.connectedOnText;
  for (const field of ['source', 'connectedOn', 'connectedOnText'] as const) {
    if (contact[field] === undefined) delete contact[field];
  }
  // A member id never changes for a person: the one already kept stays, a file can add a missing one.
  const memberId = current.memberId ?? incoming.memberId;
  if (memberId) contact.memberId = memberId;
  // The URLs the person was known under: both sides' (this database's kept first when there are too many).
  const formerIds = withFormerIds(current.id, incoming.formerIds, ...(current.formerIds ?? []));
  if (formerIds.length) contact.formerIds = formerIds;
  else delete contact.formerIds;
  // The later review counts (issue 16).
  const reviewedAt = maxDate(current.reviewedAt ?? '', incoming.reviewedAt ?? '');
  if (reviewedAt) contact.reviewedAt = reviewedAt;
  // Keep in touch: both sides' touches (the newest MAX_TOUCHES), the first tagging that came first; a
  // rhythm or snooze only the file has is added, this database's stays.
  const touches = (incoming.touches ?? []).reduce((list, touch) => withTouch(list, touch), current.touches ?? []);
  if (touches.length > 0) contact.touches = touches;
  const firstTaggedAt = minDate(current.firstTaggedAt ?? '', incoming.firstTaggedAt ?? '');
  if (firstTaggedAt) contact.firstTaggedAt = firstTaggedAt;
  if (incoming.rhythmDays !== undefined) contact.rhythmDays ??= incoming.rhythmDays;
  if (incoming.snoozedUntil !== undefined) contact.snoozedUntil ??= incoming.snoozedUntil;
  const conflict =
    current.note && incoming.note && current.note !== incoming.note
      ? { contactId: current.id, name: contact.name || current.id, kept: newer.note, discarded: older.note }
      : undefined;
  return { contact, conflict };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** ISO timestamps in UTC compare as strings; an empty one means "unknown". */
function minDate(a: string, b: string): string {
  return !a ? b : !b ? a : a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function sameContact(a: Contact, b: Contact): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
