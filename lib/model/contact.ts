import { isValidProfileId, profileUrl } from './profile-url';
import { cutText } from './text';
import type { Dimension } from './taxonomy';
import type { Touch } from './rhythm';

/** A person in the network, keyed by their LinkedIn profile id. */
export interface Contact {
  /** The `/in/<slug>` of the profile URL, decoded and lower-cased. */
  id: string;
  url: string;
  name: string;
  headline: string;
  company: string;
  location: string;
  /** Purpose tag ids. */
  purposes: string[];
  /** Relationship tag ids. */
  relationships: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Last time the profile page was opened; empty when never opened (e.g. imported). */
  lastSeenAt: string;
  /** YYYY-MM-DD, from LinkedIn's Connections.csv. */
  connectedOn?: string;
  /**
   * The "Connected On" text of a Connections.csv row when it could not be read as a date, kept as
   * written so nothing is lost; never set together with `connectedOn`.
   */
  connectedOnText?: string;
  /** Where the contact came from when not from a profile visit, e.g. "linkedin-connections". */
  source?: string;
  /**
   * LinkedIn's member id ("ACoAA…") where a profile page showed it. Unlike the id (the vanity URL) it
   * stays when the person changes their URL, so it is what can tell that two contacts are one person.
   */
  memberId?: string;
  /**
   * What LinkedIn's page showed for each field the person corrected. The field itself (`name`, …) holds
   * the correction, so everything that shows or counts a contact (popup, table, company spread, CSV)
   * uses it; a later visit updates only this page value, never the correction. A field is corrected
   * exactly when it is listed here; "Use LinkedIn's" puts the page value back and removes it. Never
   * empty (left out instead).
   */
  pageValues?: PageValues;
  /** When the person last went over this contact in the guided review (ISO timestamp); absent: never. */
  reviewedAt?: string;
  // Keep in touch (lib/model/rhythm.ts); format v2, optional.
  /** When the person was in touch, oldest first (local calendar days); at most MAX_TOUCHES, none in the future. */
  touches?: Touch[];
  /** When the contact first got any tag (ISO timestamp): counting starts there while never in touch. */
  firstTaggedAt?: string;
  /** The person's own rhythm in days, overriding their tags'; 0: no rhythm for this person; absent: the tags'. */
  rhythmDays?: number;
  /** Not due before this local calendar day (YYYY-MM-DD). */
  snoozedUntil?: string;
  /**
   * The ids (vanity URLs) this person was known under before: a move to the URL LinkedIn shows now, or
   * a merge of two contacts of one member, records the old one, so an old link still finds the person
   * (lib/model/same-person.ts). Oldest first, at most MAX_FORMER_IDS, never the contact's own id; format v2,
   * optional (left out when empty).
   */
  formerIds?: string[];
}

/** The fields the person can correct in the panel. */
export const CORRECTABLE_FIELDS = ['name', 'headline', 'company'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export type PageValues = Partial<Record<CorrectableField, string>>;

/**
 * The page values in the order of CORRECTABLE_FIELDS (as the file reader gives them back, so an
 * export and its re-export compare equal), or undefined when no field is corrected.
 */
export function orderedPageValues(values: PageValues): PageValues | undefined {
  const ordered: PageValues = {};
  for (const field of CORRECTABLE_FIELDS) if (values[field] !== undefined) ordered[field] = values[field];
  return Object.keys(ordered).length > 0 ? ordered : undefined;
}

/** Whether the person corrected this field of the contact. */
export function isCorrected(contact: Pick<Contact, 'pageValues'> | null | undefined, field: CorrectableField): boolean {
  return contact?.pageValues?.[field] !== undefined;
}

/** What the content script reads off a profile page. */
export type SeenProfile = Pick<Contact, 'id' | 'url' | 'name' | 'headline' | 'company' | 'location' | 'memberId'>;

/** The contact fields that hold tag ids, one per dimension. */
export type TagField = 'purposes' | 'relationships';

/** Where a dimension's tag ids are kept on a contact: 'purpose' tags in `purposes`, and so on. */
export function tagField(dimension: Dimension): TagField {
  return dimension === 'purpose' ? 'purposes' : 'relationships';
}

/** A contact with no tag is known, not tagged: the balance counts only tagged ones. */
export function isTagged(contact: Pick<Contact, TagField>): boolean {
  return contact.purposes.length > 0 || contact.relationships.length > 0;
}

export const LIMITS = {
  name: 200,
  headline: 500,
  company: 200,
  location: 200,
  note: 10_000,
  url: 2_000,
  id: 200,
  /** A contact id kept under a name (`name:…`, with `#2` for a second person of that name). */
  nameOnlyId: 250,
  connectedOnText: 100,
  source: 40,
} as const;

/** The URL a contact is stored with: always the canonical one of its id, so exports compare equal. */
export function contactUrl(id: string): string {
  return isNameOnlyId(id) ? '' : profileUrl(id);
}

/** A contact with nothing known but the id (and whatever `fields` adds). */
export function newContact(id: string, now: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    url: contactUrl(id),
    name: '',
    headline: '',
    company: '',
    location: '',
    purposes: [],
    relationships: [],
    note: '',
    createdAt: now,
    updatedAt: now,
    lastSeenAt: '',
    ...fields,
  };
}

/**
 * Contacts from LinkedIn's older Connections.csv have no profile URL. Until a profile visit reveals
 * who they are, they are kept under their name; the colon never occurs in a profile id.
 */
const NAME_ONLY_PREFIX = 'name:';
/**
 * How much of the normalized name a name-only id keeps: with the prefix and room for "#99999" (the
 * same name many times over) the id stays within LIMITS.nameOnlyId, so every writer accepts it.
 */
const NAME_ONLY_NAME_MAX = LIMITS.name;

/** The id a contact without a profile URL is kept under: stable for the same name, at most 250 characters. */
export function nameOnlyId(name: string): string {
  // Normalizing can lengthen a name (NFKD spells out ligatures), so cut afterwards, then trim the cut.
  return NAME_ONLY_PREFIX + cutText(normalizeName(name), NAME_ONLY_NAME_MAX).trimEnd();
}

/** The n-th (from 2) contact of the same name-only id: `name:john smith#2`. */
export function nthNameOnlyId(id: string, n: number): string {
  return n === 1 ? id : `${id}#${n}`;
}

export function isNameOnlyId(id: string): boolean {
  return id.startsWith(NAME_ONLY_PREFIX);
}

/** A profile id, or a name-only id. */
export function isValidContactId(id: string): boolean {
  return (
    isValidProfileId(id) || (isNameOnlyId(id) && id.length > NAME_ONLY_PREFIX.length && id.length <= LIMITS.nameOnlyId)
  );
}

/** Names compared loosely: case, accents and spacing do not make two people. */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
