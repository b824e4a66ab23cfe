import * as v from 'valibot';
import { ConnectionsFileError, parseConnectionsCsv } from '../formats/connections-csv';
import { describeIssues } from '../formats/fields';
import { ImportFileError } from '../formats/kindred-file';
import { errorText } from '../model/error-text';
import type { KindredDB } from '../storage/db';
import { importConnections } from '../storage/import-connections';
import { importKindredFile } from '../storage/import-kindred';
import {
  StoreError,
  addTag,
  bulkSetTag,
  deleteAll,
  deleteContact,
  getContact,
  recordExport,
  recordSeen,
  reorderTags,
  setNote,
  setPanelCollapsed,
  setTag,
  updateTag,
} from '../storage/store';
import { CONTENT_OPERATIONS } from './operation-names';
import { type Input, OPERATIONS, type Operation, type Replies, type Reply } from './operations';

export interface MessageSender {
  /** The extension that sent the message; for our content scripts and pages, our own id. */
  id?: string;
  /** The page the message came from: a LinkedIn page for the content script, ours for popup and options. */
  url?: string;
}

export interface Self {
  id: string;
  /** e.g. "chrome-extension://<id>/" */
  origin: string;
}

type Handlers = { [K in Operation]: (db: KindredDB, input: Input<K>, now: Date) => Promise<Replies[K]> };

/** Each operation's work, under the operation's own name. */
const HANDLERS: Handlers = {
  recordSeen: (db, { profile }, now) => recordSeen(db, profile, now.toISOString()),
  getContact: (db, { contactId }) => getContact(db, contactId),
  setTag: (db, { contactId, tagId, on }, now) => setTag(db, contactId, tagId, on, now.toISOString()),
  setNote: (db, { contactId, note }, now) => setNote(db, contactId, note, now.toISOString()),
  setPanelCollapsed: (db, { collapsed }) => setPanelCollapsed(db, collapsed).then(() => null),
  importKindred: (db, { text, mode, skipInvalid }, now) =>
    importKindredFile(db, text, mode, skipInvalid, now.toISOString()),
  importConnections: (db, { text }, now) => {
    const { rows, skipped } = parseConnectionsCsv(text);
    return importConnections(db, rows, skipped, now.toISOString());
  },
  bulkSetTag: (db, { contactIds, tagId, on }, now) => bulkSetTag(db, contactIds, tagId, on, now.toISOString()),
  deleteContact: (db, { contactId }) => deleteContact(db, contactId).then(() => null),
  addTag: (db, fields) => addTag(db, fields),
  updateTag: (db, { tagId, changes }) => updateTag(db, tagId, changes).then(() => null),
  reorderTags: (db, { dimension, ids }) => reorderTags(db, dimension, ids).then(() => null),
  recordExport: (db, _input, now) => recordExport(db, now.toISOString()).then(() => null),
  deleteAll: (db) => deleteAll(db).then(() => null),
};

const isOperation = (type: unknown): type is Operation => typeof type === 'string' && Object.hasOwn(OPERATIONS, type);
const contentMayAsk = (type: Operation) => (CONTENT_OPERATIONS as readonly string[]).includes(type);

/**
 * Answers one message to the background, the database's only writer. Anything not from this
 * extension or not matching the protocol gets an error and changes nothing. Our own pages may ask
 * for every operation; the content script, which lives inside LinkedIn's page, only the per-contact ones.
 */
export async function handleMessage(
  db: KindredDB,
  raw: unknown,
  sender: MessageSender,
  self: Self,
  now: Date = new Date(),
): Promise<Reply<unknown>> {
  if (sender.id !== self.id) return { ok: false, error: 'Kindred only accepts messages from its own pages.' };
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'Invalid message: unknown message type' };
  const { type, ...input } = raw as { type?: unknown };
  if (!isOperation(type)) return { ok: false, error: 'Invalid message: unknown message type' };
  if (!contentMayAsk(type) && !fromOwnPage) {
    return { ok: false, error: `"${type}" may only be sent from Kindred’s own pages.` };
  }
  const parsed = v.safeParse(OPERATIONS[type], input);
  if (!parsed.success) return { ok: false, error: `Invalid message: ${describeIssues(parsed.issues)}` };
  try {
    const handler = HANDLERS[type] as (db: KindredDB, input: unknown, now: Date) => Promise<unknown>;
    return { ok: true, value: await handler(db, parsed.output, now) };
  } catch (error) {
    if (error instanceof StoreError || error instanceof ImportFileError || error instanceof ConnectionsFileError) {
      return { ok: false, error: error.message };
    }
    return { ok: false, error: `Kindred could not save this: ${errorText(error)}` };
  }
}
