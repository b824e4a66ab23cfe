import { type Contact, isNameOnlyId, nameOnlyId, newContact, normalizeName, nthNameOnlyId } from '../model/contact';
import type { ConnectionRow, SkippedRow } from '../formats/connections-csv';
import type { KindredDB } from './db';
import { existingContacts } from './store';

const CONNECTIONS_SOURCE = 'linkedin-connections';

export interface ConnectionsReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows without a URL that matched exactly one known contact by name. */
  matchedByName: number;
  /** Rows without a URL kept under their name (no match, or several people of that name). */
  nameOnly: number;
  /** Rows whose "Connected On" could not be read as a date: kept as written (`connectedOnText`). */
  unreadableDates: number;
  skipped: SkippedRow[];
}

/**
 * Merges Connections.csv rows into the database in one transaction. Contacts are matched by profile
 * id, else by name where exactly one contact has it; tags and notes are never touched, and what a
 * profile visit recorded is not overwritten by the (often older) export.
 */
export async function importConnections(
  db: KindredDB,
  rows: readonly ConnectionRow[],
  skipped: readonly SkippedRow[],
  now: string,
): Promise<ConnectionsReport> {
  return db.transaction('rw', db.contacts, async () => {
    const report: ConnectionsReport = {
      added: 0,
      updated: 0,
      unchanged: 0,
      matchedByName: 0,
      nameOnly: 0,
      unreadableDates: rows.filter((row) => row.connectedOnText).length,
      skipped: [...skipped],
    };
    // Names are only needed for rows without a profile URL (LinkedIn's older export).
    const byName = new Map<string, string[]>();
    if (rows.some((row) => !row.id)) {
      await db.contacts.each((contact) => {
        if (!contact.name) return;
        const key = normalizeName(contact.name);
        byName.set(key, [...(byName.get(key) ?? []), contact.id]);
      });
    }

    // Two people of the same name without URLs stay two contacts: the second is "name:…#2".
    const occurrences = new Map<string, number>();
    // Which name each name-only id of this file went to: a person named "Jo #2" is not the second "Jo".
    const claimed = new Map<string, string>();
    const targets = rows.map((row) => {
      if (row.id) return row.id;
      const matches = (byName.get(normalizeName(row.name)) ?? []).filter((id) => !isNameOnlyId(id));
      if (matches.length === 1) {
        report.matchedByName++;
        return matches[0]!;
      }
      report.nameOnly++;
      const id = nameOnlyId(row.name);
      let seen = occurrences.get(id) ?? 0;
      let target: string;
      do target = nthNameOnlyId(id, ++seen);
      while ((claimed.get(target) ?? id) !== id);
      occurrences.set(id, seen);
      claimed.set(target, id);
      return target;
    });
    const existing = await existingContacts(db, targets);
    const writes = new Map<string, Contact>();
    rows.forEach((row, index) => {
      const id = targets[index]!;
      const current = writes.get(id) ?? existing[index];
      if (!current) {
        report.added++;
        writes.set(id, newContact(id, now, fromRow(row)));
        return;
      }
      const merged = mergeRow(current, row);
      if (sameFields(merged, current)) {
        if (!writes.has(id)) report.unchanged++;
        return;
      }
      if (!writes.has(id) && existing[index]) report.updated++;
      writes.set(id, merged);
    });
    await db.contacts.bulkPut([...writes.values()]);
    return report;
  });
}

function fromRow(row: ConnectionRow): Partial<Contact> {
  return {
    name: row.name,
    headline: row.position,
    company: row.company,
    ...connectionDate(row.connectedOn, row.connectedOnText),
    source: CONNECTIONS_SOURCE,
  };
}

/**
 * Fills what the contact lacks. The connection date is LinkedIn's own and always taken; a date that
 * could not be read never replaces one that could, and is kept as written only when none is known.
 */
function mergeRow(current: Contact, row: ConnectionRow): Contact {
  const { connectedOn: _date, connectedOnText: _text, ...rest } = current;
  return {
    ...rest,
    name: current.name || row.name,
    headline: current.headline || row.position,
    company: current.company || row.company,
    ...connectionDate(
      row.connectedOn || current.connectedOn,
      current.connectedOn ? '' : row.connectedOnText || current.connectedOnText,
    ),
  };
}

/** Equal field by field, whatever the order of the keys. */
function sameFields(a: Contact, b: Contact): boolean {
  const sorted = (c: Contact) => JSON.stringify(Object.entries(c).sort(([x], [y]) => (x < y ? -1 : 1)));
  return sorted(a) === sorted(b);
}

/** The date fields as stored: a read date, else the text as written, else neither field. */
function connectionDate(date = '', text = ''): Pick<Contact, 'connectedOn' | 'connectedOnText'> {
  return date ? { connectedOn: date } : text ? { connectedOnText: text } : {};
}
