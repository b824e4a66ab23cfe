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
import {
  type ContentOperation,
  type Input,
  type Message,
  OPERATIONS,
  type Operation,
  type Replies,
  type Reply,
} from './operations';

import { type MessageSender, type Self, authorize, identify } from './access';
import type { TabProfiles } from '../storage/tab-profiles';

export type { MessageSender, Self };

/** Operations of their own in the database; `panelView` is answered from the tab's binding (and a read). */
type StoreOperation = Exclude<Operation, 'panelView'>;
type Handlers = { [K in StoreOperation]: (db: KindredDB, input: Input<K>, now: Date) => Promise<Replies[K]> };

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
const isTabOperation = (type: Operation): type is ContentOperation =>
  (CONTENT_OPERATIONS as readonly string[]).includes(type);

/**
 * Answers one message to the background, the database's only writer. Anything not from this
 * extension or not matching the protocol gets an error and changes nothing. Our own pages may ask
 * for every operation; the panel and the content script, which live in LinkedIn's tabs, only the
 * per-contact ones, and only about the profile their tab shows (the rules: ./access.ts).
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
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'Invalid message: unknown message type' };
  const { type, ...input } = raw as { type?: unknown };
  if (!isOperation(type)) return { ok: false, error: 'Invalid message: unknown message type' };
  if (!isTabOperation(type) && caller.kind !== 'page') {
    return { ok: false, error: `"${type}" may only be sent from Kindred’s own pages.` };
  }
  const parsed = v.safeParse(OPERATIONS[type], input);
  if (!parsed.success) return { ok: false, error: `Invalid message: ${describeIssues(parsed.issues)}` };
  try {
    if (!isTabOperation(type)) return { ok: true, value: await run(type, db, parsed.output, now) };
    const message = { type, ...parsed.output } as Message<ContentOperation>;
    // The tab's binding: which profile it shows and its frame's token, for the panel's and the content
    // script's rights.
    const binding = caller.kind === 'page' ? undefined : await tabs.get(caller.tabId);
    const grant = authorize(caller, message, binding);
    if (!grant.ok) return grant;
    if (grant.bind) await tabs.set(grant.bind.tabId, grant.bind.binding, grant.bind.incognito);
    let value: unknown;
    if (message.type === 'panelView') {
      // The bound profile and what is stored about it: the panel reads only what its tab shows.
      const profile = binding?.profile ?? null;
      value = { profile, view: profile ? await getContact(db, profile.id) : null };
    }
    // A seen profile is recorded as bound: the panel adds a typed name, never other fields.
    else if (grant.write)
      value = await run(message.type, db, grant.bind ? { profile: grant.bind.binding.profile } : parsed.output, now);
    // Allowed, but only to read: a visit that is not recorded, or a panel confirming what it shows.
    else
      value = await getContact(
        db,
        'profile' in message ? message.profile.id : (message as { contactId: string }).contactId,
      );
    return { ok: true, value: grant.reply === 'none' ? null : value };
  } catch (error) {
    if (error instanceof StoreError || error instanceof ImportFileError || error instanceof ConnectionsFileError) {
      return { ok: false, error: error.message };
    }
    return { ok: false, error: `Kindred could not save this: ${errorText(error)}` };
  }
}

function run(type: StoreOperation, db: KindredDB, input: unknown, now: Date): Promise<unknown> {
  return (HANDLERS[type] as (db: KindredDB, input: unknown, now: Date) => Promise<unknown>)(db, input, now);
}
