import * as v from 'valibot';
import { type Contact, LIMITS, contactUrl, isNameOnlyId, isValidContactId, nameOnlyId } from '../model/contact';
import { isMemberUrnId, profileIdFromUrl } from '../model/profile-url';
import { cutText } from '../model/text';
import { MemberId, PersonRhythm, TagId, describeIssue, text } from './fields';
import { MAX_TOUCHES, TOUCH_CHANNELS, isIsoDate } from '../model/rhythm';
import { parseConnectedOn } from './connections-csv';
import { MAX_FORMER_IDS } from '../model/same-person';

/**
 * The one contact schema. The database refuses to store a contact that does not pass `ContactRecord`
 * (lib/storage/contact-guard.ts), the Kindred file reader checks each contact of a file against the
 * same fields, and the export writes what was stored: so whatever Kindred stores, its own import
 * accepts again. A field added to contacts (corrections, touches, rhythms) is added here once.
 */

/** The most tags one contact may have in one dimension. */
export const MAX_TAGS = 500;

const TIMESTAMP_MESSAGE = 'must be a date and time like 2026-11-22T10:00:00.000Z';
/**
 * An ISO timestamp of a real moment, stored as Kindred writes it (UTC, milliseconds): valibot's
 * isoTimestamp alone takes 2026-02-31 and forms the browser cannot read ("…10:00:00,5Z"), and an
 * offset kept as written would sort wrongly against Kindred's own "…Z" ones.
 */
const Timestamp = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const stored = storedTimestamp(dataset.value);
    if (stored === null) {
      addIssue({ message: TIMESTAMP_MESSAGE });
      return NEVER;
    }
    return stored;
  }),
);
/** Kindred's own form, UTC with milliseconds. */
const STORED_FORM = /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const IsoTimestamp = v.pipe(v.string(), v.isoTimestamp());

/**
 * `at` as Kindred stores it, or null when it is no real moment. Kindred's own form is checked without
 * a Date: a file of 30,000 contacts holds 90,000 timestamps.
 */
function storedTimestamp(at: string): string | null {
  const own = STORED_FORM.exec(at);
  if (own) return isCalendarDate(Number(own[1]), Number(own[2]), Number(own[3])) ? at : null;
  if (!v.is(IsoTimestamp, at) || !isIsoDate(at.slice(0, 10)) || Number.isNaN(Date.parse(at))) return null;
  // A moment past the year 9999 once moved to UTC ("+010000-01-01T…") is no timestamp Kindred can store.
  const stored = new Date(at).toISOString();
  return STORED_FORM.test(stored) ? stored : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
const OptionalTimestamp = v.union([v.literal(''), Timestamp], 'must be a date and time or empty');
const TagIds = v.pipe(v.array(TagId), v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`));
// A real calendar date: valibot's isoDate alone takes 2023-02-29.
const IsoDate = v.pipe(v.string(), v.check(isIsoDate, 'must be a date like 2024-10-09'));

/** The URLs (ids) the person was known under before (lib/model/same-person.ts); format v2, optional. */
const FormerIds = v.pipe(
  v.array(v.pipe(v.string(), v.check(isValidContactId, 'must be a LinkedIn profile id (the /in/… part of the URL)'))),
  v.nonEmpty('must not be empty (leave the field out instead)'),
  v.maxLength(MAX_FORMER_IDS, `must have at most ${MAX_FORMER_IDS} former ids`),
  v.check((ids) => new Set(ids).size === ids.length, 'must not list an id twice'),
);

/** Each field of a contact and its checked shape, as stored and as written in a file. */
const FIELDS = {
  id: v.pipe(v.string(), v.check(isValidContactId, 'must be a LinkedIn profile id (the /in/… part of the URL)')),
  url: text(LIMITS.url),
  name: text(LIMITS.name),
  headline: text(LIMITS.headline),
  company: text(LIMITS.company),
  location: text(LIMITS.location),
  purposes: TagIds,
  relationships: TagIds,
  note: text(LIMITS.note),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastSeenAt: OptionalTimestamp,
  connectedOn: v.optional(IsoDate),
  connectedOnText: v.optional(
    v.pipe(text(LIMITS.connectedOnText), v.nonEmpty('must not be empty (leave the field out instead)')),
  ),
  source: v.optional(text(LIMITS.source)),
  /** LinkedIn's member id (ACoAA…), when a profile page showed it: the person's id even when their URL changes. */
  memberId: v.optional(MemberId),
  /** LinkedIn's value of each field the person corrected (the field holds the correction); format v2, optional. */
  pageValues: v.optional(
    v.pipe(
      v.strictObject({
        name: v.optional(text(LIMITS.name)),
        headline: v.optional(text(LIMITS.headline)),
        company: v.optional(text(LIMITS.company)),
      }),
      v.check(
        (values) => Object.values(values).some((value) => value !== undefined),
        'must name at least one corrected field (leave it out instead)',
      ),
    ),
  ),
  /** When the contact was last reviewed in the guided review (issue 16); format v2, optional. */
  reviewedAt: v.optional(Timestamp),
  // Keep in touch (lib/model/rhythm.ts); format v2, optional.
  touches: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          on: IsoDate,
          channel: v.optional(v.picklist(TOUCH_CHANNELS, `must be one of ${TOUCH_CHANNELS.join(', ')}`)),
        }),
      ),
      v.maxLength(MAX_TOUCHES, `must have at most ${MAX_TOUCHES} touches`),
      v.check(
        (touches) => touches.every((touch, i) => i === 0 || touches[i - 1]!.on <= touch.on),
        'must be in date order, oldest first',
      ),
    ),
  ),
  firstTaggedAt: v.optional(Timestamp),
  rhythmDays: v.optional(PersonRhythm),
  snoozedUntil: v.optional(IsoDate),
  formerIds: v.optional(FormerIds),
} satisfies { [K in keyof Contact]-?: v.GenericSchema };

/** The fields of a contact in the order an export writes them, whatever order a writer stored them in. */
export const CONTACT_FIELDS = Object.keys(FIELDS) as Array<keyof Contact>;

const bothDates = (c: { connectedOn?: string; connectedOnText?: string }) =>
  c.connectedOn === undefined || c.connectedOnText === undefined;

/** A contact as the database stores it: every field present, the URL the canonical one of the id. */
export const ContactRecord = v.pipe(
  v.strictObject(FIELDS),
  v.forward(
    v.check((c) => c.url === contactUrl(c.id), 'must be the LinkedIn profile URL of this id'),
    ['url'],
  ),
  v.forward(
    v.check((c) => bothDates(c), 'must not be set when connectedOn is'),
    ['connectedOnText'],
  ),
  v.forward(
    v.check((c) => new Set(c.purposes).size === c.purposes.length, 'must not list a tag twice'),
    ['purposes'],
  ),
  v.forward(
    v.check((c) => !c.formerIds?.includes(c.id), 'must not list the contact’s own id'),
    ['formerIds'],
  ),
  v.forward(
    v.check((c) => new Set(c.relationships).size === c.relationships.length, 'must not list a tag twice'),
    ['relationships'],
  ),
);

/**
 * A contact as a Kindred file writes it: what older versions and hand-made files leave out gets its
 * default, any URL of the same profile is accepted (it is stored as the canonical one), and a tag
 * listed twice counts once.
 */
export const FileContact = v.pipe(
  v.strictObject({
    ...FIELDS,
    // A profile id as a profile's URL gives it (lower case): "Jane-Doe" is the contact the page finds as "jane-doe".
    id: v.pipe(FIELDS.id, v.transform(canonicalId), FIELDS.id),
    formerIds: v.optional(
      v.pipe(
        v.array(v.string()),
        v.transform((ids) => unique(ids.map(canonicalId))),
        FormerIds,
      ),
    ),
    url: v.optional(FIELDS.url, ''),
    name: v.optional(FIELDS.name, ''),
    headline: v.optional(FIELDS.headline, ''),
    company: v.optional(FIELDS.company, ''),
    location: v.optional(FIELDS.location, ''),
    purposes: v.optional(v.pipe(TagIds, v.transform(unique)), []),
    relationships: v.optional(v.pipe(TagIds, v.transform(unique)), []),
    note: v.optional(FIELDS.note, ''),
    createdAt: v.optional(OptionalTimestamp, ''),
    updatedAt: v.optional(OptionalTimestamp, ''),
    lastSeenAt: v.optional(OptionalTimestamp, ''),
  }),
  v.forward(
    v.check((c) => c.url === '' || profileIdFromUrl(c.url) === c.id, 'must be the LinkedIn profile URL of this id'),
    ['url'],
  ),
  v.forward(
    v.check((c) => !c.formerIds?.includes(c.id), 'must not list the contact’s own id'),
    ['formerIds'],
  ),
  v.forward(
    v.check((c) => bothDates(c), 'must not be set when connectedOn is'),
    ['connectedOnText'],
  ),
);

function canonicalId(id: string): string {
  return isNameOnlyId(id) || isMemberUrnId(id) ? id : id.toLowerCase();
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Why a value is not a storable contact: `["headline: must be at most 500 characters"]`, or none. */
export function contactProblems(value: unknown): string[] {
  const result = v.safeParse(ContactRecord, value);
  return result.success ? [] : result.issues.map(describeIssue);
}

/**
 * What older Kindred versions could store or write but `ContactRecord` refuses, repaired the way a
 * Connections.csv import repairs it today: an empty connection date dropped, a written-out one read or
 * kept as text, texts cut to their limits, a too-long name-only id bounded, the URL made canonical.
 * Used by the database upgrade and by reading version 1 files; anything else is left for the checks.
 * `cutTexts: false` leaves over-long texts for the checks to report.
 */
export function repairContact<T extends object>(contact: T, { cutTexts = true } = {}): T {
  const fixed = { ...contact } as Record<string, unknown>;
  if (typeof fixed.connectedOn === 'string') {
    const raw = fixed.connectedOn;
    if (!v.safeParse(IsoDate, raw).success) {
      delete fixed.connectedOn;
      const date = parseConnectedOn(raw);
      if (date) fixed.connectedOn = date;
      else if (raw.trim() && typeof fixed.connectedOnText !== 'string') {
        fixed.connectedOnText = cutText(raw.trim(), LIMITS.connectedOnText);
      }
    }
  }
  if (typeof fixed.connectedOn === 'string') delete fixed.connectedOnText;
  if (fixed.connectedOnText === '') delete fixed.connectedOnText;
  for (const field of ['name', 'headline', 'company', 'location'] as const) {
    const value = fixed[field];
    if (cutTexts && typeof value === 'string') fixed[field] = cutText(value, LIMITS[field]);
  }
  const id = fixed.id;
  if (typeof id === 'string' && isNameOnlyId(id) && id.length > LIMITS.nameOnlyId) {
    const [, name = '', n] = /^name:(.*?)(?:#(\d+))?$/s.exec(id) ?? [];
    fixed.id = nameOnlyId(name) + (n ? `#${n}` : '');
  }
  // Another person's URL stays, for the checks to refuse: a file must not point a contact elsewhere.
  const url = fixed.url;
  if (typeof url === 'string' && typeof fixed.id === 'string' && isValidContactId(fixed.id)) {
    if (url === '' || profileIdFromUrl(url) === id) fixed.url = contactUrl(fixed.id);
  }
  return fixed as T;
}
