import type { Contact } from '../model/contact';
import type { KindredDB } from './db';
import type { ImportData } from '../formats/kindred-file';
import { existingContacts } from './store';

export type ImportMode = 'merge' | 'replace';

/** A note that differed between the database and the file: the newer one was kept. */
interface NoteConflict {
  contactId: string;
  name: string;
  kept: string;
  discarded: string;
}

export interface ImportReport {
  mode: ImportMode;
  added: number;
  updated: number;
  unchanged: number;
  /** Contacts that were in the database but not in the file (replace only). */
  removed: number;
  tagsAdded: number;
  conflicts: NoteConflict[];
}

/**
 * Applies a checked import in one transaction: either all of it lands or none of it.
 * merge: union of tags, newer note wins (conflicts reported); replace: the database becomes the file.
 */
export async function importKindred(db: KindredDB, data: ImportData, mode: ImportMode): Promise<ImportReport> {
  return db.transaction('rw', db.contacts, db.taxonomy, async () => {
    const report: ImportReport = { mode, added: 0, updated: 0, unchanged: 0, removed: 0, tagsAdded: 0, conflicts: [] };
    if (mode === 'replace') {
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
      return report;
    }
    const knownTags = new Set(await db.taxonomy.toCollection().primaryKeys());
    const newTags = data.taxonomy.filter((tag) => !knownTags.has(tag.id));
    await db.taxonomy.bulkAdd(newTags);
    report.tagsAdded = newTags.length;

    const existing = await existingContacts(
      db,
      data.contacts.map((c) => c.id),
    );
    const writes: Contact[] = [];
    data.contacts.forEach((incoming, index) => {
      const current = existing[index];
      if (!current) {
        report.added++;
        writes.push(incoming);
        return;
      }
      const { contact, conflict } = mergeContact(current, incoming);
      if (conflict) report.conflicts.push(conflict);
      if (sameContact(contact, current)) report.unchanged++;
      else {
        report.updated++;
        writes.push(contact);
      }
    });
    await db.contacts.bulkPut(writes);
    return report;
  });
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
  // A member id never changes for a person: the one already kept stays, a file can add a missing one.
  const memberId = current.memberId ?? incoming.memberId;
  if (memberId) contact.memberId = memberId;
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
