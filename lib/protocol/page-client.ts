import { contactsToCsv, csvFileName } from '../formats/export-csv';
import { exportFileName } from '../formats/export-format';
import { type Balance, computeBalance } from '../model/balance';
import type { Contact } from '../model/contact';
import type { Insight } from '../model/insight';
import { type FieldHealth, layoutWarnings } from '../model/layout-health';
import { type Tag, defaultTaxonomy } from '../model/taxonomy';
import { type KindredDB, openKindredDB } from '../storage/db';
import { translate } from '../i18n';
import { exportAll, unsavedSince } from '../storage/store';
import { loadCompanySpread, loadLayoutHealth, loadTagSummary } from '../storage/page-reads';
import { loadTaxonomy } from '../storage/taxonomy-store';
import { type Watch, watchContacts, watchQuery } from '../storage/watch';

export type { Watch };
import { type KindredClient, type Send, messageClient } from './client';
import { downloadText } from './download';
import { CONTENT_OPERATIONS, PAGE_OPERATIONS } from './operation-names';
import { sendToBackground } from './transport';
import { browser } from 'wxt/browser';
import type { KindredExport } from '../formats/export-format';
import type { ConnectionsReport } from '../storage/import-connections';
import type { ImportMode, ImportReport, InvalidContactsReport } from '../storage/import-kindred';
import { type SnapshotInfo, snapshotInfo } from '../storage/snapshot';
import { type Due, loadDueGlance } from '../storage/keep-in-touch';
import { type SamePersonPair, loadSamePersonPairs } from '../storage/same-person-view';
import { type SyncStatus, getSyncStatus } from '../storage/sync-store';
import type { BackgroundToPage, PageToBackground } from './import-port';
import { IMPORT_LIMITS, IMPORT_PORT } from './import-limits';
import type { BalanceSnapshot } from '../model/balance-history';
import type { WeeklyWork } from '../model/weekly';
import { loadPurposeStatement, loadSnapshots, loadWeeklyWork } from '../storage/network-review';

/**
 * What Kindred's own pages (popup, options) can do: every operation, sent to the background, the only
 * writer; and reads straight from the database (it is in the extension's origin), kept current.
 */
export interface PageClient extends KindredClient {
  watchBalance: Watch<Balance>;
  /** The company spread (the company index alone). */
  watchInsight: Watch<Insight>;
  /** Every contact; after the first read only what changed is read again. */
  watchContacts: Watch<Contact[]>;
  /** Every tag, archived ones included, in display order. */
  watchTaxonomy: Watch<Tag[]>;
  /** The last export's time, or the install time before the first export. */
  watchUnsavedSince: Watch<string>;
  /** Fields Kindred often could not read on the last profiles (layout health), each with its counts. */
  watchLayoutHealth: Watch<FieldHealth[]>;
  /**
   * Downloads everything as Kindred JSON; resolves with the file name; `progress` gets contacts written,
   * of all. It does not count as a backup by itself (Kindred cannot see whether the download finished):
   * `recordExport` once the person says so.
   */
  exportJson: (progress?: Progress) => Promise<string>;
  /**
   * Imports a file of any size: read in pieces and sent over a port to the background, which stores it
   * all or nothing. `progress` gets what is done of the whole (0…1) and which part is running; `signal`
   * cancels, leaving the data as it was.
   */
  importFile: (
    kind: 'kindred' | 'connections',
    file: Blob,
    options: { mode: ImportMode; skipInvalid: boolean },
    progress?: (fraction: number, phase: 'reading' | 'storing') => void,
    signal?: AbortSignal,
  ) => Promise<ImportReport | InvalidContactsReport | ConnectionsReport>;
  /** What the safety net holds (the data before the last replace-import or delete-all), or null. */
  watchSnapshot: Watch<SnapshotInfo | null>;
  /** Whether the browser keeps Kindred's data even when the disk runs full (navigator.storage). */
  storagePersisted: () => Promise<boolean | null>;
  /** Downloads contacts as a spreadsheet-safe CSV; resolves with the file name. */
  exportCsv: () => Promise<string>;
  // The network review (issue 16).
  /** The professional purpose statement, '' when not written. */
  watchPurposeStatement: Watch<string>;
  /** The monthly balance snapshots, oldest first. */
  watchBalanceSnapshots: Watch<BalanceSnapshot[]>;
  /** People tagged and touches logged this week (reads every contact: load it last). */
  watchWeeklyWork: Watch<WeeklyWork>;
  /** Keep in touch: who is due today, most overdue first (the first `limit` loaded whole), and how many in all. */
  watchDue: (limit?: number) => Watch<Due>;
  /** Contacts kept twice (one LinkedIn member under two URLs), each as the pair to merge next. */
  watchSamePerson: Watch<SamePersonPair[]>;
  /** Sync across browsers (issue 17): on or off, and how the last rounds went. */
  watchSync: Watch<SyncStatus & { enabled: boolean }>;
}

/** Contacts done, of all. */
export type Progress = (done: number, total: number) => void;

/** The page's end of a `runtime.Port`. */
export interface PagePort {
  postMessage: (message: PageToBackground) => void;
  disconnect: () => void;
  onMessage: { addListener: (listener: (message: BackgroundToPage) => void) => void };
  onDisconnect: { addListener: (listener: () => void) => void };
}

export interface PageClientDeps {
  db: KindredDB;
  send: Send;
  download: (fileName: string, text: string | string[], type?: string) => void;
  /** Opens a port to the background (`runtime.connect`). */
  connect?: (name: string) => PagePort;
  now?: () => Date;
}

export function createPageClient({
  db,
  send,
  download,
  connect = () => {
    throw new Error('This page cannot import files.');
  },
  now = () => new Date(),
}: PageClientDeps): PageClient {
  const operations = messageClient([...CONTENT_OPERATIONS, ...PAGE_OPERATIONS], send);
  return {
    ...operations,
    watchBalance: watchQuery(async () => {
      const { summary, taxonomy } = await loadTagSummary(db);
      return computeBalance(summary, taxonomy);
    }),
    watchInsight: watchQuery(async () => ({ spread: await loadCompanySpread(db) })),
    watchContacts: watchContacts(db),
    watchTaxonomy: watchQuery(() => loadTaxonomy(db)),
    watchUnsavedSince: watchQuery(() => unsavedSince(db)),
    watchLayoutHealth: watchQuery(async () => layoutWarnings(await loadLayoutHealth(db))),
    async exportJson(progress = () => undefined) {
      const at = now();
      const fileName = exportFileName(at);
      download(fileName, await exportText(await exportAll(db, at), progress));
      return fileName;
    },
    importFile: (kind, file, options, progress = () => undefined, signal) =>
      sendFile(connect, kind, file, options, progress, signal),
    watchSnapshot: watchQuery(() => snapshotInfo(db)),
    watchSamePerson: watchQuery(() => loadSamePersonPairs(db)),
    watchSync: watchQuery(() => getSyncStatus(db)),
    async storagePersisted() {
      if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return null;
      return navigator.storage.persisted();
    },
    async exportCsv() {
      const at = now();
      const { contacts, taxonomy } = await exportAll(db, at);
      const fileName = csvFileName(at);
      download(fileName, contactsToCsv(contacts, taxonomy), 'text/csv;charset=utf-8');
      return fileName;
    },
    watchPurposeStatement: watchQuery(() => loadPurposeStatement(db)),
    watchBalanceSnapshots: watchQuery(() => loadSnapshots(db)),
    watchWeeklyWork: watchQuery(() => loadWeeklyWork(db, now())),
    watchDue: (limit = Infinity) => watchQuery(() => loadDueGlance(db, now(), limit)),
  };
}

/** Contacts per step of the export; between steps the page can paint its progress. */
const EXPORT_STEP = 5000;

/**
 * The export's text in pieces, exactly `JSON.stringify(file, null, 2)`, built a step at a time so the
 * page shows its progress; the pieces become one Blob without ever being one string.
 */
async function exportText(file: KindredExport, progress: Progress): Promise<string[]> {
  const { contacts, ...head } = file;
  const total = contacts.length;
  const headText = JSON.stringify({ ...head, contacts: [] }, null, 2);
  if (total === 0) return [headText];
  const parts = [`${headText.slice(0, headText.lastIndexOf('[]'))}[\n`];
  for (let at = 0; at < total; at += EXPORT_STEP) {
    // One stringify per step, not per contact (about twice as fast): "[\n  {…},\n  {…}\n]" without its
    // brackets, every line indented two more for the contacts' place in the file.
    const step = JSON.stringify(contacts.slice(at, at + EXPORT_STEP), null, 2);
    parts.push(`${at > 0 ? ',\n' : ''}  ${step.slice(2, -2).replaceAll('\n', '\n  ')}`);
    progress(Math.min(at + EXPORT_STEP, total), total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  parts.push('\n  ]\n}');
  return parts;
}

/** Bytes of the file read and sent per message. */
const SLICE_BYTES = IMPORT_LIMITS.chunkChars;

/**
 * Sends a file over a port in slices, each after the background has taken the previous one, so
 * neither side holds more than a slice or two of it. The size is checked before anything is read.
 */
async function sendFile(
  connect: (name: string) => PagePort,
  kind: 'kindred' | 'connections',
  file: Blob,
  { mode, skipInvalid }: { mode: ImportMode; skipInvalid: boolean },
  progress: (fraction: number, phase: 'reading' | 'storing') => void,
  signal?: AbortSignal,
): Promise<ImportReport | InvalidContactsReport | ConnectionsReport> {
  const limit = kind === 'kindred' ? IMPORT_LIMITS.kindredBytes : IMPORT_LIMITS.connectionsBytes;
  if (file.size > limit) {
    throw new Error(
      kind === 'kindred'
        ? `The file is too large (${megabytes(file.size)}): a Kindred export is at most 100 MB.`
        : `The file is too large (${megabytes(file.size)}) for a Connections.csv (at most 20 MB).`,
    );
  }
  if (signal?.aborted) throw new ImportCancelledError();
  const port = connect(IMPORT_PORT);
  return new Promise((resolve, reject) => {
    let settled = false;
    let acked: (() => void) | null = null;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => port.postMessage({ type: 'cancel' });
    signal?.addEventListener('abort', onAbort);
    port.onMessage.addListener((message) => {
      if (message.type === 'ack') acked?.();
      else if (message.type === 'progress')
        progress(0.5 + (0.5 * message.done) / Math.max(message.total, 1), 'storing');
      else if (message.type === 'done') settle(() => resolve(message.value));
      else if (message.type === 'error')
        settle(() => reject(message.cancelled ? new ImportCancelledError() : new Error(message.error)));
    });
    port.onDisconnect.addListener(() =>
      settle(() => reject(new Error('Kindred’s background stopped during the import. Nothing was changed.'))),
    );
    void (async () => {
      port.postMessage({ type: 'start', kind, mode, skipInvalid, bytes: file.size });
      const decoder = new TextDecoder();
      const read = (at: number) => file.slice(at, at + SLICE_BYTES).arrayBuffer();
      let next = read(0);
      for (let at = 0; at < file.size && !settled; at += SLICE_BYTES) {
        const bytes = await next;
        if (at + SLICE_BYTES < file.size) next = read(at + SLICE_BYTES);
        const text = decoder.decode(bytes, { stream: at + SLICE_BYTES < file.size });
        const taken = new Promise<void>((resolve) => (acked = resolve));
        if (settled) return;
        port.postMessage({ type: 'chunk', text });
        await taken;
        progress((0.5 * Math.min(at + SLICE_BYTES, file.size)) / Math.max(file.size, 1), 'reading');
      }
      if (!settled) port.postMessage({ type: 'end' });
    })().catch((error: unknown) => settle(() => reject(error)));
  }).finally(() => {
    try {
      port.disconnect();
    } catch {
      // already closed
    }
  }) as Promise<ImportReport | InvalidContactsReport | ConnectionsReport>;
}

/** The import was cancelled: nothing was changed. */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled. Nothing was changed.');
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The client of a real extension page: the database in this origin, messages through the browser. */
export function openPageClient(): PageClient {
  return createPageClient({
    db: openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) }),
    send: sendToBackground,
    download: downloadText,
    connect: (name) => browser.runtime.connect({ name }) as unknown as PagePort,
  });
}
