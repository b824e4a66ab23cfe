import { contactsToCsv, csvFileName } from '../formats/export-csv';
import { exportFileName } from '../formats/export-format';
import { type Balance, computeBalance } from '../model/balance';
import type { Contact } from '../model/contact';
import type { Insight } from '../model/insight';
import { type FieldHealth, layoutWarnings } from '../model/layout-health';
import { type Tag, defaultTaxonomy } from '../model/taxonomy';
import { type KindredDB, openKindredDB } from '../storage/db';
import { translate } from '../i18n';
import {
  exportAll,
  loadCompanySpread,
  loadLayoutHealth,
  loadReconnect,
  loadTagSummary,
  loadTaxonomy,
  unsavedSince,
} from '../storage/store';
import { type Watch, watchContacts, watchQuery } from '../storage/watch';

export type { Watch };
import { type KindredClient, type Send, messageClient } from './client';
import { downloadText } from './download';
import { CONTENT_OPERATIONS, PAGE_OPERATIONS } from './operation-names';
import { sendToBackground } from './transport';

/**
 * What Kindred's own pages (popup, options) can do: every operation, sent to the background, the only
 * writer; and reads straight from the database (it is in the extension's origin), kept current.
 */
export interface PageClient extends KindredClient {
  watchBalance: Watch<Balance>;
  /** The reconnect list (at most `limit` entries loaded whole) and the company spread. */
  watchInsight: (reconnectDays: number, limit?: number) => Watch<Insight>;
  /** Every contact; after the first read only what changed is read again. */
  watchContacts: Watch<Contact[]>;
  /** Every tag, archived ones included, in display order. */
  watchTaxonomy: Watch<Tag[]>;
  /** The last export's time, or the install time before the first export. */
  watchUnsavedSince: Watch<string>;
  /** Fields Kindred often could not read on the last profiles (layout health), each with its counts. */
  watchLayoutHealth: Watch<FieldHealth[]>;
  /**
   * Downloads everything as Kindred JSON; resolves with the file name. It does not count as a backup
   * by itself (Kindred cannot see whether the download finished): `recordExport` once the person says so.
   */
  exportJson: () => Promise<string>;
  /** Downloads contacts as a spreadsheet-safe CSV; resolves with the file name. */
  exportCsv: () => Promise<string>;
}

export interface PageClientDeps {
  db: KindredDB;
  send: Send;
  download: (fileName: string, text: string, type?: string) => void;
  now?: () => Date;
}

export function createPageClient({ db, send, download, now = () => new Date() }: PageClientDeps): PageClient {
  const operations = messageClient([...CONTENT_OPERATIONS, ...PAGE_OPERATIONS], send);
  return {
    ...operations,
    watchBalance: watchQuery(async () => {
      const { summary, taxonomy } = await loadTagSummary(db);
      return computeBalance(summary, taxonomy);
    }),
    watchInsight: (reconnectDays, limit = Infinity) =>
      watchQuery(async () => {
        const [reconnect, spread] = await Promise.all([
          loadReconnect(db, reconnectDays, now(), limit),
          loadCompanySpread(db),
        ]);
        return { reconnect, spread };
      }),
    watchContacts: watchContacts(db),
    watchTaxonomy: watchQuery(() => loadTaxonomy(db)),
    watchUnsavedSince: watchQuery(() => unsavedSince(db)),
    watchLayoutHealth: watchQuery(async () => layoutWarnings(await loadLayoutHealth(db))),
    async exportJson() {
      const at = now();
      const fileName = exportFileName(at);
      download(fileName, JSON.stringify(await exportAll(db, at), null, 2));
      return fileName;
    },
    async exportCsv() {
      const at = now();
      const { contacts, taxonomy } = await exportAll(db, at);
      const fileName = csvFileName(at);
      download(fileName, contactsToCsv(contacts, taxonomy), 'text/csv;charset=utf-8');
      return fileName;
    },
  };
}

/** The client of a real extension page: the database in this origin, messages through the browser. */
export function openPageClient(): PageClient {
  return createPageClient({
    db: openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) }),
    send: sendToBackground,
    download: downloadText,
  });
}
