import { computeBalance } from '../lib/balance';
import { openKindredDB } from '../lib/db';
import { contactsToCsv, csvFileName } from '../lib/export-csv';
import { exportFileName } from '../lib/export-format';
import type { ImportMode } from '../lib/import-kindred';
import { sendToBackground } from '../lib/messaging';
import { exportAll, loadBalanceInput, unsavedSince } from '../lib/store';
import { downloadText } from './download';

/**
 * What the popup and the options page do with the data: they read the database directly (it is in
 * the extension's origin) and ask the background for every change, so it stays the only writer.
 */
const db = openKindredDB();

export async function loadBalance() {
  const { input, taxonomy } = await loadBalanceInput(db);
  return computeBalance(input, taxonomy);
}

export function countContacts(): Promise<number> {
  return db.contacts.count();
}

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

export function deleteAllData() {
  return sendToBackground({ type: 'delete-all' });
}
