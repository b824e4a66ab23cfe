import type { Contact } from '../model/contact';
import type { Tag } from '../model/taxonomy';
import { localDateStamp } from '../model/dates';
import { CONTACT_FIELDS } from './contact-record';
import type { BalanceSnapshot } from '../model/balance-history';

/**
 * The export format version this code writes and the newest it reads; files of older versions are
 * upgraded step by step on import (lib/formats/kindred-file.ts).
 */
export const FILE_VERSION = 2;

/**
 * Kindred's export file, version 2 (see DESIGN.md). Version 1 had the same shape; version 2 adds
 * optional contact fields (`connectedOnText` so far) and guarantees every contact passes the one
 * contact schema (lib/formats/contact-record.ts). Later additions to version 2 are optional fields: keep in
 * touch adds `touches`, `firstTaggedAt`, `rhythmDays` and `snoozedUntil` on contacts and `rhythmDays` on tags;
 * one person under two URLs adds `formerIds` on contacts.
 */
export interface KindredExport {
  format: 'kindred';
  version: typeof FILE_VERSION;
  exportedAt: string;
  taxonomy: Tag[];
  /** The person's professional purpose (issue 16); left out when not written. */
  purposeStatement?: string;
  /** The monthly balance snapshots, oldest first (issue 16); left out when there are none. */
  snapshots?: BalanceSnapshot[];
  contacts: Contact[];
}

/** What a file holds besides the tags and contacts (issue 16): written only when there is something. */
export interface ExportExtras {
  purposeStatement?: string;
  snapshots?: readonly BalanceSnapshot[];
}

/** Builds the export in a stable order, so two exports of the same data differ only in `exportedAt`. */
export function buildExport(
  taxonomy: readonly Tag[],
  contacts: readonly Contact[],
  now: Date,
  extras: ExportExtras = {},
): KindredExport {
  return {
    format: 'kindred',
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    taxonomy: [...taxonomy].sort(
      (a, b) => DIMENSION_RANK[a.dimension] - DIMENSION_RANK[b.dimension] || a.order - b.order || compare(a.id, b.id),
    ),
    ...(extras.purposeStatement ? { purposeStatement: extras.purposeStatement } : {}),
    ...(extras.snapshots?.length ? { snapshots: [...extras.snapshots] } : {}),
    contacts: [...contacts].sort((a, b) => compare(a.id, b.id)).map(inFieldOrder),
  };
}

/**
 * The contact's fields in one fixed order: writers build records in different orders (a merge, a
 * Connections.csv row), and two exports of the same data must be the same text.
 */
function inFieldOrder(contact: Contact): Contact {
  const ordered: Record<string, unknown> = {};
  for (const field of CONTACT_FIELDS) if (contact[field] !== undefined) ordered[field] = contact[field];
  return ordered as unknown as Contact;
}

const DIMENSION_RANK = { purpose: 0, relationship: 1 } as const;

/** Code-unit order: the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `kindred-YYYY-MM-DD.json`, in the user's local date. */
export function exportFileName(now: Date): string {
  return `kindred-${localDateStamp(now)}.json`;
}
