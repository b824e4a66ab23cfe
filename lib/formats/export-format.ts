import type { Contact } from '../model/contact';
import type { Tag } from '../model/taxonomy';
import { localDateStamp } from '../model/dates';

/** Kindred's export file, version 1 (see DESIGN.md). */
export interface KindredExportV1 {
  format: 'kindred';
  version: 1;
  exportedAt: string;
  taxonomy: Tag[];
  contacts: Contact[];
}

/** Builds the export in a stable order, so two exports of the same data differ only in `exportedAt`. */
export function buildExport(taxonomy: readonly Tag[], contacts: readonly Contact[], now: Date): KindredExportV1 {
  return {
    format: 'kindred',
    version: 1,
    exportedAt: now.toISOString(),
    taxonomy: [...taxonomy].sort(
      (a, b) => DIMENSION_RANK[a.dimension] - DIMENSION_RANK[b.dimension] || a.order - b.order || compare(a.id, b.id),
    ),
    contacts: [...contacts].sort((a, b) => compare(a.id, b.id)),
  };
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
