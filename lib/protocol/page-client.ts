import { computeBalance } from '../model/balance';
import { openKindredDB } from '../storage/db';
import { contactsToCsv, csvFileName } from '../formats/export-csv';
import { exportFileName } from '../formats/export-format';
import type { ImportMode } from '../storage/import-kindred';
import { sendToBackground } from './transport';
import { DEFAULT_RECONNECT_DAYS } from '../model/reconnect';
import { type NewTag, type TagChanges, exportAll, loadTagSummary, loadCompanySpread, loadReconnect, loadTaxonomy, unsavedSince } from '../storage/store';
import { type Dimension, defaultTaxonomy } from '../model/taxonomy';
import { downloadText } from './download';
import { translate } from '../i18n';

/**
 * What the popup and the options page do with the data: they read the database directly (it is in
 * the extension's origin) and ask the background for every change, so it stays the only writer.
 */
const db = openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) });

export async function loadBalance() {
  const { summary, taxonomy } = await loadTagSummary(db);
  return computeBalance(summary, taxonomy);
}

/** Reconnect list and company spread, read through indexes. */
export async function loadInsight(reconnectDays = DEFAULT_RECONNECT_DAYS, reconnectLimit = Infinity) {
  const [reconnect, spread] = await Promise.all([
    loadReconnect(db, reconnectDays, new Date(), reconnectLimit),
    loadCompanySpread(db),
  ]);
  return { reconnect, spread };
}

export const loadContacts = () => db.contacts.toArray();
export const loadAllTags = () => loadTaxonomy(db);

export const loadUnsavedSince = () => unsavedSince(db);

/** Downloads everything as Kindred JSON; resolves with the file name. */
export async function exportJson(): Promise<string> {
  const now = new Date();
  const fileName = exportFileName(now);
  downloadText(fileName, JSON.stringify(await exportAll(db, now), null, 2));
  await sendToBackground({ type: 'record-export' });
  return fileName;
}

/** Downloads contacts as a spreadsheet-safe CSV; resolves with the file name. */
export async function exportCsv(): Promise<string> {
  const now = new Date();
  const { contacts, taxonomy } = await exportAll(db, now);
  const fileName = csvFileName(now);
  downloadText(fileName, contactsToCsv(contacts, taxonomy), 'text/csv;charset=utf-8');
  return fileName;
}

export function importKindred(text: string, mode: ImportMode) {
  return sendToBackground({ type: 'import-kindred', text, mode });
}

export function importConnections(text: string) {
  return sendToBackground({ type: 'import-connections', text });
}

export function setTag(contactId: string, tagId: string, on: boolean) {
  return sendToBackground({ type: 'set-tag', contactId, tagId, on });
}

export function bulkSetTag(contactIds: string[], tagId: string, on: boolean) {
  return sendToBackground({ type: 'bulk-set-tag', contactIds, tagId, on });
}

export function setNote(contactId: string, note: string) {
  return sendToBackground({ type: 'set-note', contactId, note });
}

export function deleteContact(contactId: string) {
  return sendToBackground({ type: 'delete-contact', contactId });
}

export function addTag(fields: NewTag) {
  return sendToBackground({ type: 'add-tag', ...fields });
}

export function updateTag(tagId: string, changes: TagChanges) {
  return sendToBackground({ type: 'update-tag', tagId, changes });
}

export function reorderTags(dimension: Dimension, ids: string[]) {
  return sendToBackground({ type: 'reorder-tags', dimension, ids });
}

export function deleteAllData() {
  return sendToBackground({ type: 'delete-all' });
}
