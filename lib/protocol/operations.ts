import * as v from 'valibot';
import {
  Color,
  ContactId,
  Dimension,
  MemberId,
  PersonRhythm,
  TagId,
  TagLabel,
  TagRhythm,
  text,
} from '../formats/fields';
import { TOUCH_CHANNELS, isIsoDate } from '../model/rhythm';
import { isValidProfileId, profileIdFromUrl } from '../model/profile-url';
import { CORRECTABLE_FIELDS, LIMITS, type SeenProfile } from '../model/contact';
import { HEALTH_FIELDS } from '../model/layout-health';
import { TAG_LIMITS, type Tag } from '../model/taxonomy';
import type { ConnectionsReport } from '../storage/import-connections';
import type { ImportReport, InvalidContactsReport } from '../storage/import-kindred';
import type { ContactView } from '../storage/contact-view';
import type { BadgeTag } from '../storage/list-tags';
import type { CONTENT_OPERATIONS, PAGE_OPERATIONS } from './operation-names';
import { PurposeStatement } from '../formats/review-fields';
import { IMPORT_LIMITS } from './import-limits';

/**
 * Every operation the background performs, declared once: who may ask for it, the input it accepts and
 * what it answers. The background validates each message against `input` before it touches the database.
 * Callers import only the types, so no validation code ships to LinkedIn's pages.
 */

const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
const ImportText = v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, 'file is too large (at most 100 MB)'));

/** The most people one `listTags` may ask about: a list's new cards, sent in batches of at most this many. */
export const MAX_LIST_IDS = 100;

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

const TouchDay = v.pipe(v.string(), v.check(isIsoDate, 'must be a date like 2026-11-27'));
const TouchChannel = v.picklist(TOUCH_CHANNELS, `must be one of ${TOUCH_CHANNELS.join(', ')}`);

export const OPERATIONS = {
  // What a LinkedIn tab's content script may ask, and Kindred's own pages too.
  // `missing`: the fields the page's top card did not yield (left out without a top card), counted for
  // the options page's layout health; only the tab's own announcement is counted.
  recordSeen: tabOperation({
    profile: SeenProfile,
    missing: v.optional(v.pipe(v.array(v.picklist(HEALTH_FIELDS)), v.maxLength(HEALTH_FIELDS.length))),
  }),
  getContact: tabOperation({ contactId: ContactId }),
  setTag: tabOperation({ contactId: ContactId, tagId: TagId, on: v.boolean() }),
  setNote: tabOperation({ contactId: ContactId, note: text(LIMITS.note) }),
  setPanelCollapsed: tabOperation({ collapsed: v.boolean() }),
  // The person's correction of a field the page got wrong; null: LinkedIn's value again.
  correctField: v.pipe(
    tabOperation({
      contactId: ContactId,
      field: v.picklist(CORRECTABLE_FIELDS),
      value: v.nullable(v.pipe(text(LIMITS.headline), v.trim(), v.nonEmpty('must not be empty'))),
    }),
    v.forward(
      v.check((i) => i.value === null || i.value.length <= LIMITS[i.field], 'is too long for this field'),
      ['value'],
    ),
  ),
  // "Is this the <name> from your LinkedIn export?": yes merges that contact into this one, no is remembered.
  answerNamesake: tabOperation({ contactId: ContactId, namesakeId: ContactId, same: v.boolean() }),
  undoNamesake: tabOperation({ contactId: ContactId }),
  // One person under two URLs (same member id): merge the other into this one; undo the last move or merge.
  mergeSamePerson: tabOperation({ contactId: ContactId, otherId: ContactId }),
  undoSamePerson: tabOperation({ contactId: ContactId }),
  // The framed panel asks which profile its tab shows (./access.ts): it never says so itself.
  panelView: tabOperation({}),
  // The content script on a list: the tags of the people it shows (./access.ts).
  listTags: tabOperation({
    ids: v.pipe(v.array(ProfileId), v.minLength(1, 'must name at least one person'), v.maxLength(MAX_LIST_IDS)),
  }),
  // Only Kindred's own pages (popup, options).
  importKindred: v.strictObject({
    text: ImportText,
    mode: v.picklist(['merge', 'replace'], 'must be "merge" or "replace"'),
    // false: a file with any invalid contact changes nothing and the reply lists them; true: the valid ones are imported.
    skipInvalid: v.optional(v.boolean(), false),
  }),
  importConnections: v.strictObject({
    text: v.pipe(
      v.string(),
      v.maxLength(IMPORT_LIMITS.connectionsBytes, 'file is too large for a Connections.csv (at most 20 MB)'),
    ),
  }),
  bulkSetTag: v.strictObject({
    contactIds: v.pipe(v.array(ContactId), v.minLength(1, 'must name at least one contact'), v.maxLength(50_000)),
    tagId: TagId,
    on: v.boolean(),
  }),
  deleteContact: v.strictObject({ contactId: ContactId }),
  // Puts back what a deleteContact or bulkSetTag replaced, by the undoId it answered.
  undo: v.strictObject({ undoId: v.pipe(v.string(), v.regex(/^[0-9a-f-]{36}$/, 'must be an undo id')) }),
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
  // The safety net: the data before the last replace-import or delete-all comes back.
  restoreSnapshot: v.strictObject({}),
  // The network review (issue 16): the professional purpose ('' removes it), a contact marked reviewed,
  // this month's balance noted (once per month; later calls in the month change nothing).
  setPurposeStatement: v.strictObject({ text: PurposeStatement }),
  markReviewed: v.strictObject({ contactId: ContactId }),
  recordBalanceSnapshot: v.strictObject({}),
  // Keep in touch (lib/storage/keep-in-touch.ts). The panel may change the profile its tab shows.
  // "I reached out": `on` defaults to today (the background's local day); a day in the future is refused.
  logTouch: tabOperation({ contactId: ContactId, on: v.optional(TouchDay), channel: v.optional(TouchChannel) }),
  // The undo of logTouch.
  removeTouch: tabOperation({ contactId: ContactId, on: TouchDay, channel: v.optional(TouchChannel) }),
  // The person's own rhythm in days (0: none for this person); null follows their tags again.
  setPersonRhythm: tabOperation({ contactId: ContactId, rhythmDays: v.nullable(PersonRhythm) }),
  // Only Kindred's own pages: "Snooze 2 weeks" (true) and its undo (false); a tag's rhythm (null: none).
  snoozeContact: v.strictObject({ contactId: ContactId, snoozed: v.boolean() }),
  setTagRhythm: v.strictObject({ tagId: TagId, rhythmDays: v.nullable(TagRhythm) }),
  // Sync across browsers (issue 17): on or off here; delete everything here or in every browser;
  // after a replace-import, make this browser's data what every browser holds.
  setSync: v.strictObject({ on: v.boolean() }),
  deleteAllSynced: v.strictObject({ everywhere: v.boolean() }),
  wipeSyncEverywhere: v.strictObject({}),
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
  correctField: ContactView;
  answerNamesake: ContactView;
  undoNamesake: ContactView;
  mergeSamePerson: ContactView;
  undoSamePerson: ContactView;
  /**
   * The profile the panel's tab shows (as the page showed it), or null before the tab has said; and
   * what is stored about it, so the panel's first paint of the tags needs no second round trip.
   */
  panelView: { profile: SeenProfile | null; view: ContactView | null };
  /** For each tagged one of the ids, its tags' labels and colours; untagged and unknown ids are absent. */
  listTags: Record<string, BadgeTag[]>;
  importKindred: ImportReport | InvalidContactsReport;
  importConnections: ConnectionsReport;
  /** undoId: null when nothing changed. */
  bulkSetTag: { changed: number; undoId: string | null };
  /** undoId: null when there was no such contact. */
  deleteContact: { undoId: string | null };
  undo: { restored: number };
  addTag: Tag;
  updateTag: null;
  reorderTags: null;
  recordExport: null;
  deleteAll: null;
  restoreSnapshot: { contacts: number };
  setPurposeStatement: null;
  markReviewed: null;
  recordBalanceSnapshot: { taken: boolean };
  logTouch: ContactView;
  removeTouch: ContactView;
  setPersonRhythm: ContactView;
  snoozeContact: ContactView;
  setTagRhythm: null;
  setSync: null;
  deleteAllSynced: null;
  wipeSyncEverywhere: null;
}

/** A message on the wire: the operation's name as `type`, and its input. */
export type Message<K extends Operation = Operation> = K extends Operation ? { type: K } & Input<K> : never;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
