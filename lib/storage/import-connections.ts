import { type Contact, isNameOnlyId, nameOnlyId, newContact, normalizeName } from '../model/contact';
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
    const targets = rows.map((row) => {
      if (row.id) return row.id;
      const matches = (byName.get(normalizeName(row.name)) ?? []).filter((id) => !isNameOnlyId(id));
      if (matches.length === 1) {
        report.matchedByName++;
        return matches[0]!;
      }
      report.nameOnly++;
      const id = nameOnlyId(row.name);
      const seen = (occurrences.get(id) ?? 0) + 1;
      occurrences.set(id, seen);
      return seen === 1 ? id : `${id}#${seen}`;
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
      if (JSON.stringify(merged) === JSON.stringify(current)) {
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
    connectedOn: row.connectedOn,
    source: CONNECTIONS_SOURCE,
  };
}

/** Fills what the contact lacks; the connection date is LinkedIn's own and always taken. */
function mergeRow(current: Contact, row: ConnectionRow): Contact {
  const connectedOn = row.connectedOn || current.connectedOn;
  return {
    ...current,
    name: current.name || row.name,
    headline: current.headline || row.position,
    company: current.company || row.company,
    ...(connectedOn ? { connectedOn } : {}),
  };
}
