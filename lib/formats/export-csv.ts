import type { Contact } from '../model/contact';
import { localDateStamp } from '../model/dates';
import type { Tag } from '../model/taxonomy';

/**
 * Contacts as a spreadsheet: RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order mark so Excel
 * reads accents right, and cells that a spreadsheet would run as a formula made inert.
 */
export function contactsToCsv(contacts: readonly Contact[], taxonomy: readonly Tag[]): string {
  const labels = new Map(taxonomy.map((tag) => [tag.id, tag.label]));
  const tagLabels = (ids: readonly string[]) => ids.map((id) => labels.get(id) ?? id).join('; ');
  const header = [
    'Name',
    'Profile URL',
    'Headline',
    'Company',
    'Location',
    'Purposes',
    'Relationships',
    'Note',
    'Created',
    'Updated',
    'Last seen',
  ];
  const rows = contacts.map((c) => [
    c.name,
    c.url,
    c.headline,
    c.company,
    c.location,
    tagLabels(c.purposes),
    tagLabels(c.relationships),
    c.note,
    c.createdAt,
    c.updatedAt,
    c.lastSeenAt,
  ]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV cell: formula triggers neutralised with a leading apostrophe, then quoted when needed. A `;` is
 * quoted too: a spreadsheet in a Dutch or German locale splits CSV on it, so `x;=cmd…` unquoted would start
 * a cell of its own with a formula in it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvFileName(now: Date): string {
  return `kindred-contacts-${localDateStamp(now)}.csv`;
}
