import * as v from 'valibot';
import { ConnectionsFileError, parseConnectionsCsv } from '../formats/connections-csv';
import { describeIssues } from '../formats/fields';
import { ImportFileError } from '../formats/kindred-file';
import { errorText } from '../model/error-text';
import type { KindredDB } from '../storage/db';
import { type ConnectionsReport, importConnections } from '../storage/import-connections';
import type { ImportReport, InvalidContactsReport } from '../storage/import-kindred';
import { ImportCancelled, KindredImport } from '../storage/import-stream';
import { type MessageSender, type Self, identify } from './access';
import { IMPORT_LIMITS, IMPORT_PORT } from './import-limits';

/**
 * Imports of any size: the options page opens a port named IMPORT_PORT and sends the file in pieces
 * (one message is limited to 64 MiB in Chrome), the background answers each piece, reports progress
 * while it stores, and the final report or error. Every message is checked against these schemas, and
 * only Kindred's own pages may open the port. Cancel, or a closed page, ends the import with nothing
 * changed.
 *
 * page → background: start, then chunk…, then end; cancel at any time.
 * background → page: ack after each chunk (the page sends the next only then: memory stays bounded),
 * progress while storing, then done or error.
 */

export { IMPORT_LIMITS, IMPORT_PORT };

export const PageToBackground = v.variant('type', [
  v.strictObject({
    type: v.literal('start'),
    kind: v.picklist(['kindred', 'connections'], 'must be "kindred" or "connections"'),
    mode: v.picklist(['merge', 'replace'], 'must be "merge" or "replace"'),
    skipInvalid: v.boolean(),
    /** The file's size in bytes, as the page read it. */
    bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.strictObject({
    type: v.literal('chunk'),
    // A slice of chunkChars bytes decodes to at most one character more: the second half of an emoji
    // (2 UTF-16 units) whose other 3 bytes ended the slice before.
    text: v.pipe(v.string(), v.maxLength(IMPORT_LIMITS.chunkChars + 1, 'must be at most one piece of the file')),
  }),
  v.strictObject({ type: v.literal('end') }),
  v.strictObject({ type: v.literal('cancel') }),
]);
export type PageToBackground = v.InferOutput<typeof PageToBackground>;

export type BackgroundToPage =
  | { type: 'ack'; contacts: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: ImportReport | InvalidContactsReport | ConnectionsReport }
  | { type: 'error'; error: string; cancelled?: boolean };

/** The parts of a `runtime.Port` the background uses. */
export interface PortLike {
  name: string;
  sender?: MessageSender;
  postMessage: (message: BackgroundToPage) => void;
  disconnect: () => void;
  onMessage: { addListener: (listener: (message: unknown) => void) => void };
  onDisconnect: { addListener: (listener: () => void) => void };
}

/** Serves one import port until its import is done, failed or cancelled. */
export function serveImportPort(db: KindredDB, port: PortLike, self: Self, now: () => Date = () => new Date()): void {
  const caller = port.sender ? identify(port.sender, self) : { kind: 'stranger' as const, error: 'No sender.' };
  if (caller.kind !== 'page') {
    port.postMessage({ type: 'error', error: 'Imports may only be sent from Kindred’s own pages.' });
    port.disconnect();
    return;
  }
  let session: Session | null = null;
  let over = false;
  // One message at a time, in order.
  let queue: Promise<void> = Promise.resolve();
  const finish = (message: BackgroundToPage) => {
    if (over) return;
    over = true;
    try {
      port.postMessage(message);
    } catch {
      // the page has gone
    }
  };
  const fail = async (error: unknown) => {
    await session?.cancel().catch(() => undefined);
    if (error instanceof ImportCancelled) return finish({ type: 'error', error: error.message, cancelled: true });
    const known =
      error instanceof ImportFileError || error instanceof ConnectionsFileError || error instanceof ImportTooLarge;
    finish({
      type: 'error',
      error: known ? (error as Error).message : `Kindred could not import this: ${errorText(error)}`,
    });
  };
  const handle = async (raw: unknown) => {
    if (over) return;
    const parsed = v.safeParse(PageToBackground, raw);
    if (!parsed.success) throw new ImportFileError(`Invalid message: ${describeIssues(parsed.issues)}`);
    const message = parsed.output;
    if (message.type === 'cancel') throw new ImportCancelled();
    if (message.type === 'start') {
      if (session) throw new ImportFileError('Invalid message: the import has already started.');
      session = startSession(db, message, now().toISOString());
      return;
    }
    if (!session) throw new ImportFileError('Invalid message: the import has not started.');
    if (message.type === 'chunk') {
      await session.push(message.text);
      if (!over) port.postMessage({ type: 'ack', contacts: session.contacts() });
      return;
    }
    const value = await session.finish((done, total) => {
      if (!over) port.postMessage({ type: 'progress', done, total });
    });
    finish({ type: 'done', value });
    port.disconnect();
  };
  port.onMessage.addListener((raw) => {
    // A cancel is seen at once, also while a piece is being stored.
    if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'cancel')
      void session?.cancel();
    queue = queue.then(() => handle(raw)).catch(fail);
  });
  port.onDisconnect.addListener(() => {
    over = true;
    void session?.cancel().catch(() => undefined);
  });
}

class ImportTooLarge extends Error {}

interface Session {
  push: (text: string) => Promise<void>;
  finish: (
    progress: (done: number, total: number) => void,
  ) => Promise<ImportReport | InvalidContactsReport | ConnectionsReport>;
  cancel: () => Promise<void>;
  contacts: () => number;
}

function startSession(db: KindredDB, start: PageToBackground & { type: 'start' }, now: string): Session {
  const limit = start.kind === 'kindred' ? IMPORT_LIMITS.kindredBytes : IMPORT_LIMITS.connectionsBytes;
  if (start.bytes > limit) throw new ImportTooLarge(tooLarge(start.kind));
  let received = 0;
  const count = (text: string) => {
    // Characters, not bytes: never more than the bytes they came from in UTF-8.
    received += text.length;
    if (received > limit) throw new ImportTooLarge(tooLarge(start.kind));
  };
  if (start.kind === 'kindred') {
    const session = new KindredImport(db, {
      mode: start.mode,
      skipInvalid: start.skipInvalid,
      now,
      fileBytes: start.bytes,
    });
    return {
      push: async (text) => {
        count(text);
        await session.push(text);
      },
      finish: (progress) => session.finish(progress),
      cancel: () => session.cancel(),
      contacts: () => session.contactsRead,
    };
  }
  // A Connections.csv is at most IMPORT_LIMITS.connectionsBytes: kept whole, then read as before.
  let parts: string[] = [];
  let cancelled = false;
  return {
    push: async (text) => {
      if (cancelled) throw new ImportCancelled();
      count(text);
      parts.push(text);
    },
    finish: async (progress) => {
      if (cancelled) throw new ImportCancelled();
      const { rows, skipped } = parseConnectionsCsv(parts.join(''));
      parts = [];
      progress(0, rows.length);
      const report = await importConnections(db, rows, skipped, now);
      progress(rows.length, rows.length);
      return report;
    },
    cancel: async () => {
      cancelled = true;
      parts = [];
    },
    contacts: () => 0,
  };
}

function tooLarge(kind: 'kindred' | 'connections'): string {
  return kind === 'kindred'
    ? 'The file is too large: a Kindred export is at most 100 MB. Nothing was changed.'
    : 'The file is too large for a Connections.csv (at most 20 MB). Nothing was changed.';
}
