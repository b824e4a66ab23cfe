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

import { type MessageSender, type Self, authorize, identify } from './access';
import type { TabProfiles } from '../storage/tab-profiles';

export type { MessageSender, Self };

/**
 * Answers one message to the background, the database's only writer. Anything not from this
 * extension or not matching the protocol gets an error and changes nothing. Our own pages may send
 * every message; the panel and the content script, which live in LinkedIn's tabs, only the per-contact
 * ones, and only about the profile their tab shows (the rules: ./access.ts).
 */
export async function handleMessage(
  db: KindredDB,
  raw: unknown,
  sender: MessageSender,
  self: Self,
  now: Date,
  tabs: TabProfiles,
): Promise<Reply<unknown>> {
  const caller = identify(sender, self);
  if (caller.kind === 'stranger') return { ok: false, error: caller.error };
  const fromOwnPage = caller.kind === 'page';
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
    // The tab's binding: which profile it shows, for the panel's and the content script's rights.
    const bound = caller.kind === 'page' ? undefined : await tabs.get(caller.tabId);
    const grant = authorize(caller, parsed.output, bound);
    if (!grant.ok) return grant;
    if (grant.bind) await tabs.set(grant.bind.tabId, grant.bind.profile, grant.bind.incognito);
    // A seen profile is recorded as bound: the panel adds a typed name, never other fields.
    const message = parsed.output.type === 'seen-profile' && grant.bind ? { ...parsed.output, profile: grant.bind.profile } : parsed.output;
    let value: unknown;
    if (message.type === 'panel-view') value = { profile: bound ?? null };
    else if (grant.write) value = await applyContentMessage(db, message, now.toISOString());
    // Allowed, but only to read: a visit that is not recorded, or a panel confirming what it shows.
    else value = await getContactView(db, message.type === 'seen-profile' ? message.profile.id : (message as { contactId: string }).contactId);
    return { ok: true, value: grant.reply === 'none' ? null : value };
  } catch (error) {
    if (error instanceof StoreError || error instanceof ImportFileError || error instanceof ConnectionsFileError) {
      return { ok: false, error: error.message };
    }
    return { ok: false, error: `Kindred could not save this: ${errorText(error)}` };
  }
}

function applyContentMessage(
  db: KindredDB,
  message: Exclude<ContentToBackgroundMessage, { type: 'panel-view' }>,
  now: string,
): Promise<unknown> {
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
