import * as v from 'valibot';
import { Color, ContactId, Dimension, MemberId, TagId, TagLabel, text } from '../formats/fields';
import { isValidProfileId, profileIdFromUrl } from '../model/profile-url';
import { LIMITS, type SeenProfile } from '../model/contact';
import { TAG_LIMITS, type Tag } from '../model/taxonomy';
import type { ConnectionsReport } from '../storage/import-connections';
import type { ImportReport, InvalidContactsReport } from '../storage/import-kindred';
import type { ContactView } from '../storage/store';
import type { CONTENT_OPERATIONS, PAGE_OPERATIONS } from './operation-names';

/**
 * Every operation the background performs, declared once: who may ask for it, the input it accepts and
 * what it answers. The background validates each message against `input` before it touches the database.
 * Callers import only the types, so no validation code ships to LinkedIn's pages.
 */

const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
const ImportText = v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, 'file is too large (at most 100 MB)'));

const ProfileId = v.pipe(
  v.string(),
  v.check(isValidProfileId, 'must be a LinkedIn profile id (the /in/… part of the URL)'),
);
const SeenProfile = v.pipe(
  v.strictObject({
    id: ProfileId,
    url: text(LIMITS.url),
    name: text(LIMITS.name),
    headline: text(LIMITS.headline),
    company: text(LIMITS.company),
    location: text(LIMITS.location),
    memberId: v.optional(MemberId),
  }),
  v.check((profile) => profileIdFromUrl(profile.url) === profile.id, 'url must be the LinkedIn profile of id'),
);

/**
 * The secret that makes a panel frame the one Kindred's content script put into its tab: random per
 * frame, given to the frame in its URL's hash and to the background with the tab's `recordSeen`. Every
 * message from the panel carries it (./access.ts); Kindred's own pages send none.
 */
export const FrameToken = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex digits'));
/** An operation a LinkedIn tab may ask for: its input, and the frame token. */
const tabOperation = <const E extends v.ObjectEntries>(entries: E) =>
  v.strictObject({ ...entries, frameToken: v.optional(FrameToken) });

export const OPERATIONS = {
  // What a LinkedIn tab's content script may ask, and Kindred's own pages too.
  recordSeen: tabOperation({ profile: SeenProfile }),
  getContact: tabOperation({ contactId: ContactId }),
  setTag: tabOperation({ contactId: ContactId, tagId: TagId, on: v.boolean() }),
  setNote: tabOperation({ contactId: ContactId, note: text(LIMITS.note) }),
  setPanelCollapsed: tabOperation({ collapsed: v.boolean() }),
  // The framed panel asks which profile its tab shows (./access.ts): it never says so itself.
  panelView: tabOperation({}),
  // Only Kindred's own pages (popup, options).
  importKindred: v.strictObject({
    text: ImportText,
    mode: v.picklist(['merge', 'replace'], 'must be "merge" or "replace"'),
    // false: a file with any invalid contact changes nothing and the reply lists them; true: the valid ones are imported.
    skipInvalid: v.optional(v.boolean(), false),
  }),
  importConnections: v.strictObject({ text: ImportText }),
  bulkSetTag: v.strictObject({
    contactIds: v.pipe(v.array(ContactId), v.minLength(1, 'must name at least one contact'), v.maxLength(50_000)),
    tagId: TagId,
    on: v.boolean(),
  }),
  deleteContact: v.strictObject({ contactId: ContactId }),
  addTag: v.strictObject({
    dimension: Dimension,
    label: TagLabel,
    description: text(TAG_LIMITS.description),
    color: Color,
  }),
  updateTag: v.strictObject({
    tagId: TagId,
    changes: v.strictObject({
      label: v.optional(TagLabel),
      description: v.optional(text(TAG_LIMITS.description)),
      color: v.optional(Color),
      archived: v.optional(v.boolean()),
    }),
  }),
  reorderTags: v.strictObject({ dimension: Dimension, ids: v.pipe(v.array(TagId), v.maxLength(500)) }),
  recordExport: v.strictObject({}),
  deleteAll: v.strictObject({}),
} satisfies Record<Operation, v.GenericSchema>;

export type ContentOperation = (typeof CONTENT_OPERATIONS)[number];
export type Operation = ContentOperation | (typeof PAGE_OPERATIONS)[number];

export type Input<K extends Operation> = v.InferOutput<(typeof OPERATIONS)[K]>;

export interface Replies {
  /** Null for the content script: nothing about the person is sent into LinkedIn's page. */
  recordSeen: ContactView | null;
  getContact: ContactView;
  setTag: ContactView;
  setNote: ContactView;
  setPanelCollapsed: null;
  /**
   * The profile the panel's tab shows (as the page showed it), or null before the tab has said; and
   * what is stored about it, so the panel's first paint of the tags needs no second round trip.
   */
  panelView: { profile: SeenProfile | null; view: ContactView | null };
  importKindred: ImportReport | InvalidContactsReport;
  importConnections: ConnectionsReport;
  bulkSetTag: { changed: number };
  deleteContact: null;
  addTag: Tag;
  updateTag: null;
  reorderTags: null;
  recordExport: null;
  deleteAll: null;
}

/** A message on the wire: the operation's name as `type`, and its input. */
export type Message<K extends Operation = Operation> = K extends Operation ? { type: K } & Input<K> : never;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
