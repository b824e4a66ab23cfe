import * as v from 'valibot';
import type { KindredDB } from '../storage/db';
import { ConnectionsFileError, parseConnectionsCsv } from '../formats/connections-csv';
import { errorText } from '../model/error-text';
import { importConnections } from '../storage/import-connections';
import { importKindred } from '../storage/import-kindred';
import { ImportFileError, parseKindredFile } from '../formats/kindred-file';
import {
  type ContentToBackgroundMessage,
  ContentToBackgroundSchema,
  type PageToBackgroundMessage,
  PageToBackgroundSchema,
  type Reply,
  describeIssues,
} from './messages';
import {
  StoreError,
  addTag,
  bulkSetTag,
  deleteAll,
  deleteContact,
  reorderTags,
  updateTag,
  getContactView,
  recordExport,
  recordSeen,
  setNote,
  setPanelCollapsed,
  setTag,
} from '../storage/store';

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

/**
 * Answers one message to the background, the database's only writer. Anything not from this
 * extension or not matching the protocol gets an error and changes nothing. Our own pages may send
 * every message; the content script, which lives inside LinkedIn's page, only the per-contact ones.
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
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const pageOnly = PageToBackgroundSchema.options.some((option) => option.entries.type.literal === type);
  try {
    if (pageOnly) {
      if (!fromOwnPage) return { ok: false, error: `"${String(type)}" may only be sent from Kindred’s own pages.` };
      const parsed = v.safeParse(PageToBackgroundSchema, raw);
      if (!parsed.success) return { ok: false, error: `Invalid message: ${describeIssues(parsed.issues)}` };
      return { ok: true, value: await applyPageMessage(db, parsed.output, now) };
    }
    const parsed = v.safeParse(ContentToBackgroundSchema, raw);
    if (!parsed.success) return { ok: false, error: `Invalid message: ${describeIssues(parsed.issues)}` };
    return { ok: true, value: await applyContentMessage(db, parsed.output, now.toISOString()) };
  } catch (error) {
    if (error instanceof StoreError || error instanceof ImportFileError || error instanceof ConnectionsFileError) {
      return { ok: false, error: error.message };
    }
    return { ok: false, error: `Kindred could not save this: ${errorText(error)}` };
  }
}

function applyContentMessage(db: KindredDB, message: ContentToBackgroundMessage, now: string): Promise<unknown> {
  switch (message.type) {
    case 'seen-profile':
      return recordSeen(db, message.profile, now);
    case 'get-contact':
      return getContactView(db, message.contactId);
    case 'set-tag':
      return setTag(db, message.contactId, message.tagId, message.on, now);
    case 'set-note':
      return setNote(db, message.contactId, message.note, now);
    case 'set-panel-collapsed':
      return setPanelCollapsed(db, message.collapsed).then(() => null);
  }
}

function applyPageMessage(db: KindredDB, message: PageToBackgroundMessage, now: Date): Promise<unknown> {
  switch (message.type) {
    case 'import-kindred':
      return importKindred(db, parseKindredFile(message.text, now.toISOString()), message.mode);
    case 'import-connections': {
      const { rows, skipped } = parseConnectionsCsv(message.text);
      return importConnections(db, rows, skipped, now.toISOString());
    }
    case 'bulk-set-tag':
      return bulkSetTag(db, message.contactIds, message.tagId, message.on, now.toISOString());
    case 'delete-contact':
      return deleteContact(db, message.contactId).then(() => null);
    case 'add-tag': {
      const { dimension, label, description, color } = message;
      return addTag(db, { dimension, label, description, color });
    }
    case 'update-tag':
      return updateTag(db, message.tagId, message.changes).then(() => null);
    case 'reorder-tags':
      return reorderTags(db, message.dimension, message.ids).then(() => null);
    case 'record-export':
      return recordExport(db, now.toISOString()).then(() => null);
    case 'delete-all':
      return deleteAll(db).then(() => null);
  }
}
