import * as v from 'valibot';
import { LIMITS, isValidContactId } from '../model/contact';
import { isValidProfileId, profileIdFromUrl } from '../linkedin/profile-url';
import type { ConnectionsReport } from '../storage/import-connections';
import type { ImportReport } from '../storage/import-kindred';
import type { ContactView } from '../storage/store';
import type { Tag } from '../model/taxonomy';
import type { SeenProfile } from '../model/contact';

const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * The protocol between the content script (sender) and the background (the only writer). Each message
 * is one operation. The background checks every message against these schemas before it touches the
 * database; the content script imports only the types, so no validation code ships to LinkedIn's pages.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const ProfileId = v.pipe(
  v.string(),
  v.check(isValidProfileId, 'must be a LinkedIn profile id (the /in/… part of the URL)'),
);
export const Dimension = v.picklist(['purpose', 'relationship'], 'must be "purpose" or "relationship"');
export const TagLabel = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(60, 'must be at most 60 characters'));
export const Color = v.pipe(v.string(), v.hexColor('must be a colour like #2f855a'));

/** A profile id, or the name-only id of a contact imported without a profile URL. */
export const ContactId = v.pipe(v.string(), v.check(isValidContactId, 'must be a contact id'));
export const TagId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a tag id (lower-case letters, digits and dashes)'),
);

const SeenProfileSchema = v.pipe(
  v.strictObject({
    id: ProfileId,
    url: text(LIMITS.url),
    name: text(LIMITS.name),
    headline: text(LIMITS.headline),
    company: text(LIMITS.company),
    location: text(LIMITS.location),
  }),
  v.check((profile) => profileIdFromUrl(profile.url) === profile.id, 'url must be the LinkedIn profile of id'),
);

export const ContentToBackgroundSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('seen-profile'), profile: SeenProfileSchema }),
    v.strictObject({ type: v.literal('get-contact'), contactId: ContactId }),
    v.strictObject({ type: v.literal('set-tag'), contactId: ContactId, tagId: TagId, on: v.boolean() }),
    v.strictObject({ type: v.literal('set-note'), contactId: ContactId, note: text(LIMITS.note) }),
    v.strictObject({ type: v.literal('set-panel-collapsed'), collapsed: v.boolean() }),
    // The framed panel asks which profile its tab shows (lib/protocol/access.ts): it never says so itself.
    v.strictObject({ type: v.literal('panel-view') }),
  ],
  'unknown message type',
);

export type ContentToBackgroundMessage = v.InferOutput<typeof ContentToBackgroundSchema>;

/** Messages only the extension's own pages (popup, options) may send; never a content script. */
export const PageToBackgroundSchema = v.variant(
  'type',
  [
    v.strictObject({
      type: v.literal('import-kindred'),
      text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, 'file is too large (at most 100 MB)')),
      mode: v.picklist(['merge', 'replace'], 'must be "merge" or "replace"'),
    }),
    v.strictObject({
      type: v.literal('import-connections'),
      text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, 'file is too large (at most 100 MB)')),
    }),
    v.strictObject({
      type: v.literal('bulk-set-tag'),
      contactIds: v.pipe(v.array(ContactId), v.minLength(1, 'must name at least one contact'), v.maxLength(50_000)),
      tagId: TagId,
      on: v.boolean(),
    }),
    v.strictObject({ type: v.literal('delete-contact'), contactId: ContactId }),
    v.strictObject({
      type: v.literal('add-tag'),
      dimension: Dimension,
      label: TagLabel,
      description: text(300),
      color: Color,
    }),
    v.strictObject({
      type: v.literal('update-tag'),
      tagId: TagId,
      changes: v.strictObject({
        label: v.optional(TagLabel),
        description: v.optional(text(300)),
        color: v.optional(Color),
        archived: v.optional(v.boolean()),
      }),
    }),
    v.strictObject({
      type: v.literal('reorder-tags'),
      dimension: Dimension,
      ids: v.pipe(v.array(TagId), v.maxLength(500)),
    }),
    v.strictObject({ type: v.literal('record-export') }),
    v.strictObject({ type: v.literal('delete-all') }),
  ],
  'unknown message type',
);

export type PageToBackgroundMessage = v.InferOutput<typeof PageToBackgroundSchema>;

export interface PageToBackgroundReplies {
  'import-kindred': ImportReport;
  'import-connections': ConnectionsReport;
  'bulk-set-tag': { changed: number };
  'delete-contact': null;
  'add-tag': Tag;
  'update-tag': null;
  'reorder-tags': null;
  'record-export': null;
  'delete-all': null;
}

export interface ContentToBackgroundReplies {
  /** Null for the content script: nothing about the person is sent into LinkedIn's page. */
  'seen-profile': ContactView | null;
  'get-contact': ContactView;
  'set-tag': ContactView;
  'set-note': ContactView;
  'set-panel-collapsed': null;
  /** The profile the panel's tab shows (as the page showed it), or null before the tab has said. */
  'panel-view': { profile: SeenProfile | null };
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** "profile.name: must be at most 200 characters; …" for the first few problems. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 3): string {
  const described = issues.slice(0, limit).map((issue) => {
    const path = (issue.path ?? [])
      .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
      .join('')
      .replace(/^\./, '');
    // valibot reports an unexpected key as "expected never"; say it in words.
    const message = issue.expected === 'never' ? 'unexpected field' : issue.message;
    return path ? `${path}: ${message}` : message;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return described.join('; ') + more;
}
